namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;

/// <summary>The tabs of a case page. Paths: /CaseManagement/Faelle/{id}[/Section]; the resident's consents live with the resident.</summary>
internal sealed record CaseTabsModel(Guid CaseId, Guid ResidentId, string CurrentPath)
{
    public IEnumerable<(string Title, string Path)> Tabs =>
    [
        ("Überblick", $"/CaseManagement/Faelle/{CaseId}"),
        ("Hausbesuche", $"/CaseManagement/Faelle/{CaseId}/Hausbesuche"),
        ("Wege-Hilfe-Plan", $"/CaseManagement/Faelle/{CaseId}/Plan"),
        ("Wiedervorlagen", $"/CaseManagement/Faelle/{CaseId}/Wiedervorlagen"),
        ("Journal", $"/CaseManagement/Faelle/{CaseId}/Journal"),
        ("Einwilligungen", $"/CaseManagement/Bewohner/{ResidentId}/Einwilligungen?fall={CaseId}"),
        ("Protokoll", $"/CaseManagement/Faelle/{CaseId}/Protokoll"),
    ];

    public bool IsCurrent(string path) => string.Equals(CurrentPath.TrimEnd('/'), path.Split('?')[0], StringComparison.OrdinalIgnoreCase);
}
