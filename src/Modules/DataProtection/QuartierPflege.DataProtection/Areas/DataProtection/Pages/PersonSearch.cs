using QuartierPflege.DataProtection.AccessCopies;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>The search for a person that the Art. 15 and Art. 17 pages share.</summary>
internal sealed class PersonSearch
{
    public const int QueryLimit = 100;

    public string Kind { get; private set; } = "resident";

    public string? Query { get; private set; }

    public bool Unavailable { get; private set; }

    public IReadOnlyList<DataSubjectMatch> Matches { get; private set; } = [];

    public static async Task<PersonSearch> RunAsync(DataSubjects subjects, string? kind, string? query, CancellationToken cancellationToken)
    {
        var parsed = DataSubjects.ParseKind(kind) ?? DataSubjectKind.Resident;
        var search = new PersonSearch
        {
            Kind = DataSubjects.KindParameter(parsed),
            Query = string.IsNullOrWhiteSpace(query) ? null : query.Trim()[..Math.Min(query.Trim().Length, QueryLimit)],
        };
        if (search.Query is null)
        {
            return search;
        }

        search.Unavailable = !subjects.CanFind(parsed);
        search.Matches = await subjects.SearchAsync(parsed, search.Query, cancellationToken);
        return search;
    }
}
