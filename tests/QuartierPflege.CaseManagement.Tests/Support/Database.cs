using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Support;

internal static class Database
{
    /// <summary>Reads the module's tables directly (to check what was, or was not, stored).</summary>
    public static Task<T> QueryAsync<T>(this QpApp app, Func<CaseManagementDbContext, Task<T>> query)
        => app.InScopeAsync(services => query(services.GetRequiredService<CaseManagementDbContext>()));

    public static Task<int> CountResidentsAsync(this QpApp app) => app.QueryAsync(db => db.Residents.CountAsync());
}
