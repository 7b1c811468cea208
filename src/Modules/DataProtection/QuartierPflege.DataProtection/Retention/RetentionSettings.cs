using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.DataProtection.Auditing;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;

namespace QuartierPflege.DataProtection.Retention;

/// <summary>A new period for one kind, as coordination enters it.</summary>
internal sealed record ChangeRetentionRequest(int? Years, int? Months, int? Days);

/// <summary>One kind as the register and the settings page show it.</summary>
internal sealed record RetentionKindView(
    string Module,
    string Key,
    string Name,
    string DataSubjects,
    string DataCategories,
    string Purpose,
    string LegalBasis,
    string Recipients,
    string StartsWhen,
    string Action,
    string InForce,
    RetentionDuration InForceDuration,
    bool Changed,
    string Default,
    string Minimum,
    string? Maximum,
    string? LegalReference);

/// <summary>The registers of every module with the periods in force, and coordination's changes to them.</summary>
internal sealed class RetentionSettings(
    IEnumerable<IPersonalDataRegister> registers,
    IDocumentSession session,
    DataProtectionAudit audit,
    ICurrentUser user,
    IClock clock)
{
    public IReadOnlyList<IPersonalDataRegister> Registers { get; } = [.. registers.OrderBy(r => r.Module, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<KindInForce>> InForceAsync(CancellationToken cancellationToken)
    {
        var settings = await session.Query<RetentionSettingDocument>().ToListAsync(cancellationToken);
        return RetentionPeriodRules.InForce(Registers, settings.ToDictionary(s => s.Id, s => s.Duration));
    }

    public async Task<RetentionPeriods> PeriodsAsync(CancellationToken cancellationToken)
        => RetentionPeriodRules.Periods(await InForceAsync(cancellationToken));

    public async Task<IReadOnlyList<RetentionKindView>> ViewAsync(CancellationToken cancellationToken)
        => [.. (await InForceAsync(cancellationToken)).Select(View)];

    public async Task<Outcome<RetentionKindView>> ChangeAsync(string kindKey, ChangeRetentionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = (await InForceAsync(cancellationToken)).FirstOrDefault(k => k.Kind.Key == kindKey);
        if (kind is null)
        {
            return Outcome<RetentionKindView>.NotFound("Diese Datenart ist nicht verzeichnet.");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, limit) in new[] { ("years", request.Years, 100), ("months", request.Months, 1200), ("days", request.Days, 36500) })
        {
            if (value < 0 || value > limit)
            {
                errors[field] = [$"Bitte eine ganze Zahl von 0 bis {limit} eingeben."];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<RetentionKindView>.Invalid(errors);
        }

        var proposed = new RetentionDuration(request.Years ?? 0, request.Months ?? 0, request.Days ?? 0);
        if (RetentionPeriodRules.Refusal(kind.Kind.Retention, proposed) is { } refusal)
        {
            return Outcome<RetentionKindView>.Invalid("years", refusal);
        }

        var document = await session.LoadAsync<RetentionSettingDocument>(kindKey, cancellationToken);
        var old = kind.InForce;
        if (document is null)
        {
            document = new RetentionSettingDocument { Id = kindKey };
            session.Insert(document);
        }
        else
        {
            session.UpdateRevision(document, document.Version + 1);
        }

        (document.Years, document.Months, document.Days) = (proposed.Years, proposed.Months, proposed.Days);
        document.ChangedAt = clock.GetCurrentInstant();
        document.ChangedBy = user.DisplayName;
        audit.Record(AuditAction.RetentionPeriodChanged, $"Aufbewahrungsfrist „{kind.Kind.Name}“ ({kind.Module}): {old} → {proposed}");
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ConcurrentEdits.IsConflict(ex))
        {
            session.EjectAllPendingChanges();
            return Outcome<RetentionKindView>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        return Outcome<RetentionKindView>.Done(View(kind with { InForce = proposed, Changed = proposed != kind.Kind.Retention.Default }));
    }

    private static RetentionKindView View(KindInForce k)
    {
        var rule = k.Kind.Retention;
        return new RetentionKindView(k.Module, k.Kind.Key, k.Kind.Name, k.Kind.DataSubjects, k.Kind.DataCategories, k.Kind.Purpose, k.Kind.LegalBasis,
            k.Kind.Recipients, rule.StartsWhen, rule.Action == RetentionAction.Delete ? "löschen" : "anonymisieren", k.InForce.ToString(), k.InForce, k.Changed,
            rule.Default.ToString(), rule.Minimum.ToString(), rule.Maximum?.ToString(), rule.LegalReference);
    }
}
