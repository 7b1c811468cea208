namespace QuartierPflege.DataProtection.Contracts;

/// <summary>Whose data an Art. 15 copy or an Art. 17 erasure is about.</summary>
public enum DataSubjectKind
{
    Resident = 0,
    Volunteer = 1,
}

/// <summary>
/// A person the programme holds data about, with the ids other modules file that data under: a resident's case ids
/// (Partners and Volunteers know cases, not residents). <paramref name="Email"/> lets the Host find a sign-in account.
/// </summary>
public sealed record DataSubject(DataSubjectKind Kind, Guid Id, string DisplayName, IReadOnlyList<Guid> CaseIds, string? Email);

/// <summary>A search hit when coordination picks the person (a hint such as birth date or Quartier tells namesakes apart).</summary>
public sealed record DataSubjectMatch(DataSubjectKind Kind, Guid Id, string DisplayName, string Hint);

/// <summary>
/// Finds data subjects of one kind: Case Management for residents, Volunteers for volunteers. Read-only.
/// </summary>
public interface IDataSubjectFinder
{
    DataSubjectKind Kind { get; }

    Task<IReadOnlyList<DataSubjectMatch>> SearchAsync(string query, CancellationToken cancellationToken);

    Task<DataSubject?> FindAsync(Guid id, CancellationToken cancellationToken);
}
