using System.Globalization;
using Marten;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Documents;
using QuartierPflege.Compensation.Domain;
using PayoutLine = QuartierPflege.Compensation.Domain.PayoutLine;
using Wolverine;

namespace QuartierPflege.Compensation.Features.Runs;

/// <summary>Who prepares a run: a person (who then may not approve it) or the nightly job (<see cref="Id"/> null).</summary>
internal sealed record Preparer(Guid? Id, string Name)
{
    public static Preparer Job { get; } = new(null, "Automatisch (Monatslauf)");
}

/// <summary>
/// Prepares (or, while it is a draft, recomputes) the payout run of a month: one payout per volunteer with the month's
/// lines, adjustment lines for corrections of months already approved, the caps of the calendar year including the
/// volunteer's declaration, and flags. Does not commit: the caller's transaction stores the documents and the
/// <c>payout-run-prepared</c> it returns together. A month's run and payouts have ids derived from month and volunteer
/// (and unique indexes), so two Hosts preparing at once make one of the two commits fail, never a second payout.
/// </summary>
internal static class PreparePayoutRunWork
{
    public const string FlagNoBankDetails = "Keine gültige Bankverbindung";

    public static async Task<Outcome<PayoutRunPrepared>> PrepareAsync(IDocumentSession session, IClock clock, YearMonth month, Preparer by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(by);
        var now = clock.GetCurrentInstant();
        var runId = PayoutRun.IdOf(month);
        var run = await session.LoadAsync<PayoutRun>(runId, cancellationToken);
        if (run is not null && run.Status != RunStatus.Draft)
        {
            return Outcome<PayoutRunPrepared>.Conflict(
                $"Der Auszahlungslauf {GermanMonths.Show(month)} ist bereits freigegeben. Spätere Korrekturen werden als Ausgleich im nächsten Lauf abgerechnet.");
        }

        var models = await Catalogue.ModelsAsync(session, cancellationToken);
        var caps = await Catalogue.CapsAsync(session, cancellationToken);
        var payees = (await session.Query<Payee>().ToListAsync(cancellationToken)).ToDictionary(p => p.Id);
        var assignments = (await session.Query<AssignmentModel>().ToListAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.ModelKey);
        var enrolments = (await session.Query<EnrolmentModel>().ToListAsync(cancellationToken)).ToDictionary(e => e.Id, e => e.ModelKey, StringComparer.Ordinal);
        var monthKey = Accrual.KeyOf(month);

        var work = await ReadAccrualsAsync(session, $"a.month_key = {monthKey}", cancellationToken);
        var corrected = await ReadAccrualsAsync(session, 
            $"(a.volunteer_id, a.month_key) IN (SELECT c.volunteer_id, c.month_key FROM {CompensationDocuments.Accruals} c WHERE c.corrected AND c.month_key < {monthKey})",
            cancellationToken);
        var settledRuns = await SettledMonthsAsync(session, corrected.Select(c => c.MonthKey).Distinct().ToList(), cancellationToken);
        corrected = [.. corrected.Where(c => settledRuns.Contains(c.MonthKey))];
        var earlierLines = await EarlierLinesAsync(session, corrected.Select(c => c.VolunteerId).Distinct().ToList(), monthKey, cancellationToken);
        var paidThisYear = await PaidThisYearAsync(session, month, cancellationToken);
        var held = (await session.Query<Payout>().Where(p => p.RunId == runId && p.Held).ToListAsync(cancellationToken)).ToDictionary(p => p.VolunteerId);
        var existing = (await session.Query<Payout>().Where(p => p.RunId == runId).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

        string ModelOf(AccrualRow row) =>
            row.AssignmentId is { } a && assignments.TryGetValue(a, out var byAssignment) ? byAssignment
            : enrolments.TryGetValue(EnrolmentModel.IdOf(row.VolunteerId, row.RoleProfileKey), out var byRole) ? byRole
            : row.RoleProfileKey.Length == 0 ? string.Empty : $"?{row.RoleProfileKey}";
        string NameOf(string key) => models.TryGetValue(key, out var m) ? m.Name : key;

        var byVolunteer = work.GroupBy(w => w.VolunteerId).ToDictionary(g => g.Key, g => g.ToList());
        var adjustmentsByVolunteer = corrected.GroupBy(c => c.VolunteerId).ToDictionary(g => g.Key, g => g.ToList());
        var payouts = new List<Payout>();
        foreach (var volunteerId in byVolunteer.Keys.Union(adjustmentsByVolunteer.Keys))
        {
            var flags = new List<string>();
            var lines = new List<PayoutLine>();
            if (byVolunteer.TryGetValue(volunteerId, out var rows))
            {
                lines.AddRange(LinesOf(month, rows, ModelOf, models, flags));
            }

            if (adjustmentsByVolunteer.TryGetValue(volunteerId, out var correctedRows))
            {
                var settled = earlierLines.GetValueOrDefault(volunteerId) ?? [];
                foreach (var monthRows in correctedRows.GroupBy(r => r.MonthKey))
                {
                    var settledMonth = Accrual.MonthOf(monthRows.Key);
                    var now2 = LinesOf(settledMonth, [.. monthRows], ModelOf, models, flags);
                    lines.AddRange(PayoutCalculation.Adjustments(settledMonth, now2, settled, NameOf));
                }
            }

            if (lines.Count == 0 && flags.Count == 0)
            {
                continue;
            }

            payees.TryGetValue(volunteerId, out var payee);
            var year = month.Year;
            var figures = PayoutCalculation.Settle(lines, kind => PayoutCalculation.RemainingCap(caps.GetValueOrDefault(year), kind,
                payee?.DeclaredElsewhere(year, kind) ?? 0m, (paidThisYear.TryGetValue((volunteerId, kind), out var before) ? before : 0m)));
            flags.AddRange(figures.Flags);
            if (payee is not { HasBankDetails: true } && figures.Total > 0m)
            {
                flags.Add(FlagNoBankDetails);
            }

            var wasHeld = held.GetValueOrDefault(volunteerId);
            payouts.Add(new Payout
            {
                Id = Payout.IdOf(volunteerId, month),
                RunId = runId,
                VolunteerId = volunteerId,
                MonthKey = monthKey,
                DisplayName = payee?.DisplayName ?? "(unbekannt)",
                Quartier = payee?.Quartier ?? string.Empty,
                Lines = [.. figures.Lines],
                Caps = [.. figures.Caps],
                Mileage = figures.Mileage,
                Total = figures.Total,
                WithheldAboveCap = figures.WithheldAboveCap,
                Flags = [.. flags.Distinct(StringComparer.Ordinal)],
                // A claw-back is never exported: finance settles it by hand.
                Held = wasHeld is not null || figures.Total < 0m,
                HeldReason = wasHeld?.HeldReason ?? (figures.Total < 0m ? PayoutCalculation.FlagNegative : null),
            });
        }

        foreach (var payout in payouts)
        {
            session.Store(payout);
        }

        foreach (var gone in existing.Except(payouts.Select(p => p.Id)))
        {
            session.Delete<Payout>(gone);
        }

        var isNew = run is null;
        run ??= new PayoutRun { Id = runId, Month = month, MonthKey = monthKey, Status = RunStatus.Draft };
        run.PreparedAt = now;
        if (by.Id is { } person && !run.Editors.Contains(person))
        {
            run.Editors.Add(person);
        }

        run.PayoutCount = payouts.Count;
        run.Total = payouts.Where(p => !p.Held).Sum(p => p.Total);
        run.Withheld = payouts.Sum(p => p.WithheldAboveCap);
        run.FlaggedCount = payouts.Count(p => p.Flags.Count > 0);
        run.History.Add(new RunEvent(now, by.Id, by.Name, isNew ? "vorbereitet" : "neu berechnet"));
        if (isNew)
        {
            run.Version = 1;
            session.Insert(run);
        }
        else
        {
            session.UpdateRevision(run, run.Version + 1);
        }

        return Outcome<PayoutRunPrepared>.Done(new PayoutRunPrepared(Guid.NewGuid(), now, runId, month, run.PayoutCount, run.Total, run.FlaggedCount));
    }

    private static List<PayoutLine> LinesOf(YearMonth month, IReadOnlyList<AccrualRow> rows, Func<AccrualRow, string> modelOf,
        IReadOnlyDictionary<string, CompensationModel> models, List<string> flags)
    {
        var lines = new List<PayoutLine>();
        foreach (var group in rows.GroupBy(modelOf, StringComparer.Ordinal))
        {
            if (!models.TryGetValue(group.Key, out var model))
            {
                flags.Add(group.Key.Length == 0 ? "Tätigkeit ohne Rolle: kein Vergütungsmodell" : $"Kein Vergütungsmodell für die Rolle „{group.Key.TrimStart('?')}“");
                continue;
            }

            lines.AddRange(PayoutCalculation.MonthLines(model.Terms(), month, group.Select(r => new WorkDone(r.Date, r.Minutes, r.Kilometres))));
        }

        return lines;
    }

    private sealed record AccrualRow(Guid VolunteerId, Guid? AssignmentId, string RoleProfileKey, LocalDate Date, int MonthKey, int Minutes, decimal Kilometres);

    /// <summary>The month's activities as plain rows: 600,000 of them read in about a second, as documents in many.</summary>
    private static async Task<List<AccrualRow>> ReadAccrualsAsync(IDocumentSession session, string where, CancellationToken cancellationToken)
    {
        var rows = new List<AccrualRow>();
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT a.volunteer_id, a.data ->> 'AssignmentId', a.data ->> 'RoleProfileKey', a.data ->> 'Date', a.month_key,
                   (a.data ->> 'Minutes')::int, (a.data ->> 'Kilometres')::numeric
            FROM {CompensationDocuments.Accruals} a
            WHERE {where} AND NOT coalesce((a.data ->> 'Cancelled')::boolean, false)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AccrualRow(
                reader.GetGuid(0),
                reader.IsDBNull(1) ? null : Guid.Parse(reader.GetString(1)),
                reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                LocalDatePattern.Iso.Parse(reader.GetString(3)).Value,
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.GetDecimal(6)));
        }

        return rows;
    }

    private static async Task<HashSet<int>> SettledMonthsAsync(IDocumentSession session, List<int> monthKeys, CancellationToken cancellationToken)
    {
        if (monthKeys.Count == 0)
        {
            return [];
        }

        var runs = await session.Query<PayoutRun>().Where(r => monthKeys.Contains(r.MonthKey) && r.Status != RunStatus.Draft).ToListAsync(cancellationToken);
        return [.. runs.Select(r => r.MonthKey)];
    }

    /// <summary>The lines of every earlier payout of these volunteers (what months already settled said).</summary>
    private static async Task<Dictionary<Guid, List<PayoutLine>>> EarlierLinesAsync(IDocumentSession session, List<Guid> volunteers, int monthKey, CancellationToken cancellationToken)
    {
        if (volunteers.Count == 0)
        {
            return [];
        }

        var payouts = await session.Query<Payout>().Where(p => volunteers.Contains(p.VolunteerId) && p.MonthKey < monthKey && !p.Held).ToListAsync(cancellationToken);
        return payouts.GroupBy(p => p.VolunteerId).ToDictionary(g => g.Key, g => g.SelectMany(p => p.Lines).ToList());
    }

    /// <summary>What payouts of earlier months of the same calendar year paid against each allowance, per volunteer.</summary>
    private static async Task<Dictionary<(Guid, AllowanceKind), decimal>> PaidThisYearAsync(IDocumentSession session, YearMonth month, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(Guid, AllowanceKind), decimal>();
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT p.volunteer_id, c ->> 'Allowance', sum((c ->> 'Paid')::numeric)
            FROM {CompensationDocuments.Payouts} p CROSS JOIN LATERAL jsonb_array_elements(p.data -> 'Caps') AS c
            WHERE p.month_key >= {month.Year * 100 + 1} AND p.month_key < {Accrual.KeyOf(month)}
              AND NOT coalesce((p.data ->> 'Held')::boolean, false)
            GROUP BY 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<AllowanceKind>(reader.GetString(1), out var kind))
            {
                result[(reader.GetGuid(0), kind)] = reader.GetDecimal(2);
            }
        }

        return result;
    }
}

/// <summary>The nightly (and on-demand) command: prepares the month's run; a month already approved is left alone.</summary>
public static class PreparePayoutRunHandler
{
    public static async Task<OutgoingMessages> HandleAsync(PreparePayoutRun command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await PreparePayoutRunWork.PrepareAsync(session, clock, command.Month, Preparer.Job, cancellationToken);
        var messages = new OutgoingMessages();
        if (outcome.IsDone)
        {
            messages.Add(outcome.Value!);
        }

        return messages;
    }
}

/// <summary>For the job: the month before the one the clock says (the run on 1 November is for October).</summary>
internal static class PayoutMonths
{
    public static YearMonth Previous(LocalDate today) => today.ToYearMonth().OnDayOfMonth(1).PlusMonths(-1).ToYearMonth();

    public static string Show(YearMonth month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
