using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.BuildingBlocks.Persistence;

/// <summary>A module's database (its DbContext and schema), as the migrate verb and the tests see it.</summary>
public interface IModuleDatabase
{
    string Schema { get; }

    Type ContextType { get; }

    /// <summary>Whether the schema has an outbox and inbox (every module does; the sign-in store does not).</summary>
    bool HasMessaging { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(string schema) : IModuleDatabase
    where TContext : DbContext
{
    public string Schema => schema;

    public Type ContextType => typeof(TContext);

    public bool HasMessaging => typeof(ModuleDbContext).IsAssignableFrom(typeof(TContext));

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }
}
