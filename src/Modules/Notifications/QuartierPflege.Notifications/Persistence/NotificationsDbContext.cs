using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.Notifications.Mail;

namespace QuartierPflege.Notifications.Persistence;

internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "notifications";

    public override string Schema => SchemaName;

    public DbSet<QueuedMail> QueuedMails => Set<QueuedMail>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
}
