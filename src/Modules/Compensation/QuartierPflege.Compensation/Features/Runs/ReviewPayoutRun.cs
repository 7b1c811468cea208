using FluentValidation;
using Marten;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Documents;
using QuartierPflege.Compensation.Domain;
using Wolverine.Marten;
using ContractLine = QuartierPflege.Compensation.Contracts.PayoutLine;

namespace QuartierPflege.Compensation.Features.Runs;

internal sealed record HoldPayoutRequest(string? Reason);

internal sealed class HoldPayoutRequestValidator : AbstractValidator<HoldPayoutRequest>
{
    public HoldPayoutRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Bitte geben Sie an, warum die Auszahlung angehalten wird.")
            .MaximumLength(500).WithMessage("Der Grund darf höchstens 500 Zeichen lang sein.");
    }
}

internal sealed record ApproveRunRequest(int? Version);

/// <summary>
/// Finance's review of a draft run: hold and release single payouts, approve the run. Four eyes: whoever prepared or
/// changed the run (hold, release, recompute) cannot approve it. Approving publishes one <c>payout-approved</c> per
/// payout that is paid (not held, more than 0 €), in the same commit.
/// </summary>
internal sealed class ReviewPayoutRun(IDocumentSession session, IMartenOutbox outbox, ICurrentUser user, IClock clock, IValidator<HoldPayoutRequest> holdValidator)
{
    public const string FourEyesMessage =
        "Sie haben diesen Lauf vorbereitet oder geändert. Freigeben muss eine zweite Person (Vier-Augen-Prinzip).";

    public const string NoBankDetailsMessage =
        "Ohne gültige Bankverbindung kann die Auszahlung nicht überwiesen werden. Die Person trägt ihre Bankverbindung selbst ein; danach den Lauf neu berechnen oder die Auszahlung wieder vorsehen.";

    public async Task<Outcome<PreparedRun>> PrepareAsync(YearMonth month, CancellationToken cancellationToken)
    {
        if (month >= clock.ThisMonth())
        {
            return Outcome<PreparedRun>.Invalid("month", "Ein Auszahlungslauf kann erst nach dem Ende des Monats vorbereitet werden.");
        }

        var outcome = await PreparePayoutRunWork.PrepareAsync(session, clock, month, new Preparer(user.Id, user.DisplayName), cancellationToken);
        if (!outcome.IsDone)
        {
            return outcome.Refusal<PreparedRun>();
        }

        await outbox.PublishAsync(outcome.Value!);
        try
        {
            return await session.SaveOrConflictAsync(outbox, new PreparedRun(outcome.Value!.RunId, GermanMonths.Key(month)), cancellationToken);
        }
        catch (Exception ex) when (Duplicates.IsDuplicate(ex))
        {
            return Outcome<PreparedRun>.Conflict("Der Lauf wird gerade an anderer Stelle vorbereitet. Bitte laden Sie die Seite gleich neu.");
        }
    }

    public async Task<Outcome<int>> HoldAsync(YearMonth month, Guid payoutId, HoldPayoutRequest request, CancellationToken cancellationToken)
    {
        var validation = await holdValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        return await ChangeAsync(month, payoutId, payout =>
        {
            payout.Held = true;
            payout.HeldReason = request.Reason!.Trim();
            return $"{payout.DisplayName} angehalten: {payout.HeldReason}";
        }, cancellationToken);
    }

    public async Task<Outcome<int>> ReleaseAsync(YearMonth month, Guid payoutId, CancellationToken cancellationToken)
    {
        // Both answers are 409 when the run is approved already; this one says what to do while it is a draft.
        if (await session.LoadAsync<Payout>(payoutId, cancellationToken) is { } target && target.RunId == PayoutRun.IdOf(month) && target.Total > 0m
            && await session.LoadAsync<Payee>(target.VolunteerId, cancellationToken) is not { HasBankDetails: true })
        {
            return Outcome<int>.Conflict(NoBankDetailsMessage);
        }

        return await ChangeAsync(month, payoutId, payout =>
        {
            payout.Held = false;
            payout.HeldReason = null;
            return $"{payout.DisplayName} freigegeben zur Zahlung";
        }, cancellationToken);
    }

    private async Task<Outcome<int>> ChangeAsync(YearMonth month, Guid payoutId, Func<Payout, string> change, CancellationToken cancellationToken)
    {
        var run = await session.LoadAsync<PayoutRun>(PayoutRun.IdOf(month), cancellationToken);
        var payout = await session.LoadAsync<Payout>(payoutId, cancellationToken);
        if (run is null || payout is null || payout.RunId != run.Id)
        {
            return Outcome<int>.NotFound("Die Auszahlung wurde nicht gefunden.");
        }

        if (run.Status != RunStatus.Draft)
        {
            return Outcome<int>.Conflict("Der Lauf ist bereits freigegeben; Auszahlungen können nicht mehr angehalten oder freigegeben werden.");
        }

        if (payout.Total < 0m && !payout.Held)
        {
            return Outcome<int>.Conflict("Eine Rückforderung wird nicht überwiesen und bleibt angehalten.");
        }

        var wasHeld = payout.Held;
        var what = change(payout);
        if (payout.Total < 0m && !payout.Held)
        {
            return Outcome<int>.Conflict("Eine Rückforderung wird nicht überwiesen und bleibt angehalten.");
        }

        session.Store(payout);
        // The run's figures change by this one payout: no need to read the other 20,000.
        if (wasHeld != payout.Held)
        {
            run.Total += payout.Held ? -payout.Total : payout.Total;
            run.HeldCount += payout.Held ? 1 : -1;
        }

        if (!run.Editors.Contains(user.Id))
        {
            run.Editors.Add(user.Id);
        }

        run.History.Add(new RunEvent(clock.GetCurrentInstant(), user.Id, user.DisplayName, what));
        session.UpdateRevision(run, run.Version + 1);
        return await session.SaveOrConflictAsync(outbox, run.Version + 1, cancellationToken);
    }

    public async Task<Outcome<int>> ApproveAsync(YearMonth month, ApproveRunRequest request, CancellationToken cancellationToken)
    {
        var run = await session.LoadAsync<PayoutRun>(PayoutRun.IdOf(month), cancellationToken);
        if (run is null)
        {
            return Outcome<int>.NotFound($"Für {GermanMonths.Show(month)} gibt es keinen Auszahlungslauf.");
        }

        if (run.Status != RunStatus.Draft)
        {
            return Outcome<int>.Conflict($"Der Auszahlungslauf {GermanMonths.Show(month)} ist bereits freigegeben.");
        }

        if (run.Editors.Contains(user.Id))
        {
            return Outcome<int>.Conflict(FourEyesMessage);
        }

        if (request.Version is { } seen && seen != run.Version)
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        var now = clock.GetCurrentInstant();
        var payouts = await session.Query<Payout>().Where(p => p.RunId == run.Id).ToListAsync(cancellationToken);
        var paid = payouts.Where(p => !p.Held && p.Total > 0m).ToList();
        var payees = (await session.LoadManyAsync<Payee>(cancellationToken, paid.Select(p => p.VolunteerId))).ToDictionary(p => p.Id);
        // Bank details removed since the run was prepared: held now rather than approved into an export that must refuse.
        foreach (var payout in paid.Where(p => payees.GetValueOrDefault(p.VolunteerId) is not { HasBankDetails: true }).ToList())
        {
            payout.Held = true;
            payout.HeldReason = PreparePayoutRunWork.FlagNoBankDetails;
            if (!payout.Flags.Contains(PreparePayoutRunWork.FlagNoBankDetails))
            {
                run.FlaggedCount += payout.Flagged ? 0 : 1;
                run.FlagCounts[PreparePayoutRunWork.FlagNoBankDetails] = run.FlagCounts.GetValueOrDefault(PreparePayoutRunWork.FlagNoBankDetails) + 1;
                payout.Flags.Add(PreparePayoutRunWork.FlagNoBankDetails);
            }

            payout.Flagged = true;
            session.Store(payout);
            paid.Remove(payout);
            run.Total -= payout.Total;
            run.HeldCount++;
        }

        var caps = await Catalogue.CapsAsync(session, cancellationToken);
        var earlier = await EarlierThisYearAsync(month, cancellationToken);
        foreach (var payout in paid)
        {
            payees.TryGetValue(payout.VolunteerId, out var payee);
            var allowance = payout.Caps.Where(c => c.Allowance != AllowanceKind.None).OrderByDescending(c => c.Income).Select(c => c.Allowance).FirstOrDefault();
            var (totalBefore, againstBefore) = earlier.GetValueOrDefault((payout.VolunteerId, allowance));
            decimal? remaining = allowance == AllowanceKind.None
                ? null
                : PayoutCalculation.RemainingCap(caps.GetValueOrDefault(month.Year), allowance, payee?.DeclaredElsewhere(month.Year, allowance) ?? 0m,
                    againstBefore + payout.PaidAgainst(allowance));
            await outbox.PublishAsync(new PayoutApproved(Guid.NewGuid(), now, payout.Id, run.Id, payout.VolunteerId, payee?.Email ?? string.Empty,
                payout.DisplayName, month, [.. payout.Lines.Select(l => new ContractLine(l.Text, Math.Round(l.Quantity, 2), l.Amount) { Unit = l.Unit })],
                payout.Total, payout.WithheldAboveCap)
            {
                YearToDate = totalBefore + payout.Total,
                RemainingAllowance = remaining,
                AllowanceName = AllowanceNames.Of(allowance),
            });
        }

        run.Status = RunStatus.Approved;
        run.ApprovedBy = user.Id;
        run.ApprovedByName = user.DisplayName;
        run.ApprovedAt = now;
        run.History.Add(new RunEvent(now, user.Id, user.DisplayName, $"freigegeben ({paid.Count} Auszahlungen, {GermanMonths.Euro(paid.Sum(p => p.Total))})"));
        session.UpdateRevision(run, run.Version + 1);
        return await session.SaveOrConflictAsync(outbox, run.Version + 1, cancellationToken);
    }

    /// <summary>Per volunteer and allowance: the year's earlier total paid and what it paid against that allowance.</summary>
    private async Task<Dictionary<(Guid, AllowanceKind), (decimal Total, decimal Against)>> EarlierThisYearAsync(YearMonth month, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(Guid, AllowanceKind), (decimal, decimal)>();
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH earlier AS (
                SELECT p.volunteer_id, p.data FROM {CompensationDocuments.Payouts} p
                WHERE p.month_key >= {month.Year * 100 + 1} AND p.month_key < {Accrual.KeyOf(month)}
                  AND NOT coalesce((p.data ->> 'Held')::boolean, false)),
            totals AS (SELECT volunteer_id, sum((data ->> 'Total')::numeric) AS total FROM earlier GROUP BY 1),
            kinds AS (SELECT e.volunteer_id, c ->> 'Allowance' AS kind, sum((c ->> 'Paid')::numeric) AS paid
                      FROM earlier e CROSS JOIN LATERAL jsonb_array_elements(e.data -> 'Caps') AS c GROUP BY 1, 2)
            SELECT t.volunteer_id, k.kind, t.total, coalesce(k.paid, 0) FROM totals t LEFT JOIN kinds k ON k.volunteer_id = t.volunteer_id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var total = reader.GetDecimal(2);
            var kind = !reader.IsDBNull(1) && Enum.TryParse<AllowanceKind>(reader.GetString(1), out var k) ? k : AllowanceKind.None;
            result[(reader.GetGuid(0), kind)] = (total, reader.GetDecimal(3));
            result.TryAdd((reader.GetGuid(0), AllowanceKind.None), (total, 0m));
        }

        return result;
    }
}

internal sealed record PreparedRun(Guid RunId, string Month);

internal static class AllowanceNames
{
    public static string Of(AllowanceKind kind) => kind switch
    {
        AllowanceKind.Ehrenamtspauschale => "Ehrenamtspauschale",
        AllowanceKind.Uebungsleiterpauschale => "Übungsleiterpauschale",
        _ => string.Empty,
    };

    public static string Long(AllowanceKind kind) => kind switch
    {
        AllowanceKind.Ehrenamtspauschale => "Ehrenamtspauschale (§3 Nr. 26a EStG)",
        AllowanceKind.Uebungsleiterpauschale => "Übungsleiterpauschale (§3 Nr. 26 EStG)",
        _ => "kein Freibetrag",
    };

    public static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Draft => "Entwurf, wartet auf Freigabe",
        RunStatus.Approved => "freigegeben",
        RunStatus.Exported => "exportiert",
        _ => "bezahlt",
    };
}
