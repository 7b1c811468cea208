namespace QuartierPflege.CaseManagement.Contracts.Cases;

/// <summary>
/// The Quartiere a case manager works in, read from their open cases (as case manager or deputy): other modules show
/// that person what lies nearest their residents first (Quartiersarbeit's activities). Names of the managed list, no
/// resident data.
/// </summary>
public interface ICaseManagerQuartiere
{
    /// <summary>The distinct Quartiere of the open (not closed) cases <paramref name="userId"/> manages or deputises, in German order.</summary>
    Task<IReadOnlyList<string>> OfOpenCasesAsync(Guid userId, CancellationToken cancellationToken);
}
