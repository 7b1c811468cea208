using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.DataProtection.AccessCopies;

/// <summary>Finding the person an Art. 15 copy or an Art. 17 erasure is about, through the modules that know them.</summary>
internal sealed class DataSubjects(IEnumerable<IDataSubjectFinder> finders)
{
    public const int QueryLimit = 100;

    public bool CanFind(DataSubjectKind kind) => finders.Any(f => f.Kind == kind);

    public async Task<IReadOnlyList<DataSubjectMatch>> SearchAsync(DataSubjectKind kind, string? query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var matches = new List<DataSubjectMatch>();
        foreach (var finder in finders.Where(f => f.Kind == kind))
        {
            matches.AddRange(await finder.SearchAsync(query.Trim(), cancellationToken));
        }

        return matches;
    }

    public async Task<DataSubject?> FindAsync(DataSubjectKind kind, Guid id, CancellationToken cancellationToken)
    {
        foreach (var finder in finders.Where(f => f.Kind == kind))
        {
            if (await finder.FindAsync(id, cancellationToken) is { } subject)
            {
                return subject;
            }
        }

        return null;
    }

    /// <summary>The kind as the API and forms name it ("resident", "volunteer").</summary>
    public static DataSubjectKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "resident" or "bewohner" => DataSubjectKind.Resident,
        "volunteer" or "ehrenamt" => DataSubjectKind.Volunteer,
        _ => null,
    };

    public static string KindParameter(DataSubjectKind kind) => kind == DataSubjectKind.Resident ? "resident" : "volunteer";
}
