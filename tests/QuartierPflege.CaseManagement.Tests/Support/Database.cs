using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Support;

/// <summary>The module's documents as queries, for tests that check what was (or was not) stored.</summary>
internal sealed class Documents(IDocumentSession session)
{
    public IDocumentSession Session => session;

    public IQueryable<Resident> Residents => session.Query<Resident>();

    public IQueryable<Case> Cases => session.Query<Case>();

    public IQueryable<Consent> Consents => session.Query<Consent>();

    public IQueryable<Concern> Concerns => session.Query<Concern>();

    public IQueryable<FollowUp> FollowUps => session.Query<FollowUp>();

    public IQueryable<JournalNote> JournalNotes => session.Query<JournalNote>();

    public IQueryable<AuditEntry> AuditEntries => session.Query<AuditEntry>();

    public IQueryable<HomeVisit> HomeVisits => session.Query<HomeVisit>();

    public IQueryable<ProblemSituation> Problems => session.Query<ProblemSituation>();

    public IQueryable<PlanStep> Steps => session.Query<PlanStep>();
}

internal static class Database
{
    /// <summary>Reads (or writes) the module's documents in a scope of its own, as a second request would see them.</summary>
    public static Task<T> QueryAsync<T>(this QpApp app, Func<Documents, Task<T>> query)
        => app.InScopeAsync(services => query(new Documents(services.GetRequiredService<IDocumentSession>())));

    public static Task<int> CountResidentsAsync(this QpApp app) => app.QueryAsync(db => db.Residents.CountAsync());
}
