using Marten;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Cases.Dashboard;

/// <summary>
/// Which cases a part of the dashboard covers: what the person may see (<paramref name="VisibleTo"/> null: every case,
/// for coordination), a status (null: every case not closed), a Quartier, and optionally only some cases. Marten LINQ has
/// no joins, so the scope travels as a value and renders itself both as a LINQ filter and as SQL over the cases table.
/// </summary>
internal sealed record CaseScope(Guid? VisibleTo, CaseStatus? Status, string? Quartier, IReadOnlyCollection<Guid>? OnlyCases = null)
{
    /// <summary>
    /// The scope resolved to its cases (a case manager's: hundreds of ids, see <see cref="VisibleCaseRows"/>): sources
    /// then look their items up by case id instead of joining every case of the programme.
    /// </summary>
    public IReadOnlyCollection<Guid>? ResolvedCases { get; init; }

    public IQueryable<Case> Apply(IQueryable<Case> cases)
    {
        if (VisibleTo is { } person)
        {
            cases = cases.Where(c => c.CaseManagerId == person || c.DeputyId == person);
        }

        cases = Status is { } status ? cases.Where(c => c.Status == status) : cases.Where(c => c.Status != CaseStatus.Closed);
        if (Quartier is { } quartier)
        {
            cases = cases.Where(c => c.Quartier == quartier);
        }

        if (OnlyCases is { } ids)
        {
            var list = ids.ToArray();
            cases = cases.Where(c => c.Id.IsOneOf(list));
        }

        return cases;
    }

    /// <summary>The scope as an SQL condition on the cases table aliased <paramref name="alias"/>, with <c>?</c> placeholders for <see cref="Parameters"/>.</summary>
    public string Sql(string alias)
    {
        var conditions = new List<string>();
        if (VisibleTo is not null)
        {
            conditions.Add($"({alias}.case_manager_id = ? OR {alias}.deputy_id = ?)");
        }

        conditions.Add(Status is null ? $"{alias}.status <> 'Closed'" : $"{alias}.status = ?");
        if (Quartier is not null)
        {
            conditions.Add($"{alias}.quartier = ?");
        }

        if (OnlyCases is not null)
        {
            conditions.Add($"{alias}.id = ANY(?)");
        }

        return string.Join(" AND ", conditions);
    }

    public object[] Parameters
    {
        get
        {
            var parameters = new List<object>();
            if (VisibleTo is { } person)
            {
                parameters.Add(person);
                parameters.Add(person);
            }

            if (Status is { } status)
            {
                parameters.Add(status.ToString());
            }

            if (Quartier is { } quartier)
            {
                parameters.Add(quartier);
            }

            if (OnlyCases is { } ids)
            {
                parameters.Add(ids.ToArray());
            }

            return [.. parameters];
        }
    }
}
