using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Notifications.Persistence;
using QuartierPflege.Testing;

namespace QuartierPflege.Notifications.Tests.Mail;

/// <summary>Queueing mail and looking at the queue, as the module's own code does (in a scope, then SaveChanges).</summary>
internal static class QueuedMails
{
    public static async Task<IReadOnlyList<Guid>> EnqueueAsync(this QpApp app, string template, params (object Model, string Recipient)[] mails)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<MailQueue>();
        var ids = mails.Select(m => queue.Enqueue(template, m.Model, m.Recipient).Id).ToList();
        await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        return ids;
    }

    public static async Task<Guid> EnqueueAsync(this QpApp app, string template, object model, string recipient)
        => (await app.EnqueueAsync(template, (model, recipient)))[0];

    public static async Task<QueuedMail> QueuedMailAsync(this QpApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().QueuedMails.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<List<QueuedMail>> AllQueuedMailsAsync(this QpApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().QueuedMails.AsNoTracking().ToListAsync();
    }

    public static Task WaitUntilAsync(this QpApp app, Guid id, Func<QueuedMail, bool> condition, string what)
        => MessageWaiting.WaitUntilAsync(async () => condition(await app.QueuedMailAsync(id)), what);
}
