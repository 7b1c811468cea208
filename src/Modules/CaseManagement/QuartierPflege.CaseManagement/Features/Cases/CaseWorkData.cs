namespace QuartierPflege.CaseManagement.Features.Cases;

/// <summary>Settings of the everyday case work (section <c>CaseManagement</c>).</summary>
internal sealed class CaseWorkOptions
{
    public const string Section = "CaseManagement";

    /// <summary>An open case without contact for this many days raises the no-contact alert.</summary>
    public int NoContactDays { get; set; } = 14;

    public int DashboardPageSize { get; set; } = 25;
}
