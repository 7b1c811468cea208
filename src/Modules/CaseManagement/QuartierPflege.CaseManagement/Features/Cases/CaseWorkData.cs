using Microsoft.EntityFrameworkCore;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases;

/// <summary>
/// The tables of this area. Reached through Set&lt;T&gt;() so that the shared DbContext file needs no change for them
/// (the entity types come in through their configurations).
/// </summary>
internal static class CaseWorkData
{
    public static DbSet<FollowUp> FollowUps(this CaseManagementDbContext db) => db.Set<FollowUp>();

    public static DbSet<JournalNote> JournalNotes(this CaseManagementDbContext db) => db.Set<JournalNote>();

    public static DbSet<FollowUpDigest> FollowUpDigests(this CaseManagementDbContext db) => db.Set<FollowUpDigest>();
}

/// <summary>Settings of the everyday case work (section <c>CaseManagement</c>).</summary>
internal sealed class CaseWorkOptions
{
    public const string Section = "CaseManagement";

    /// <summary>An open case without contact for this many days raises the no-contact alert.</summary>
    public int NoContactDays { get; set; } = 14;

    public int DashboardPageSize { get; set; } = 25;
}
