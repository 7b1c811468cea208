using System.Globalization;
using Marten;
using NodaTime;
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

    /// <summary>Held without anyone deciding it: recomputed on every preparation (a person's hold stays).</summary>
    public static bool IsAutomaticHold(string? reason) => reason is FlagNoBankDetails or PayoutCalculation.FlagNegative;

    /// <param name="phase">Told the name of each phase as it ends (the benchmark's timings); null in the product.</param>
    public static async Task<Outcome<PayoutRunPrepared>> PrepareAsync(IDocumentSession session, IClock clock, YearMonth month, Preparer by, CancellationToken cancellationToken,
        Action<string>? phase = null)
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
        var monthKey = Accrual.KeyOf(month);
        phase?.Invoke("load_run_and_catalogue");
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);

        var work = await ReadAccrualsAsync(connection, $"a.month_key = {monthKey}", cancellationToken);
        var corrected = await ReadAccrualsAsync(connection,
            $"(a.volunteer_id, a.month_key) IN (SELECT c.volunteer_id, c.month_key FROM {CompensationDocuments.Accruals} c WHERE c.corrected AND c.month_key < {monthKey})",
            cancellationToken);
        phase?.Invoke("read_accruals");
        var settledRuns = await SettledMonthsAsync(session, corrected.Select(c => c.MonthKey).Distinct().ToList(), cancellationToken);
        corrected = [.. corrected.Where(c => settledRuns.Contains(c.MonthKey))];
        var earlierLines = await EarlierLinesAsync(session, corrected.Select(c => c.VolunteerId).Distinct().ToList(), monthKey, cancellationToken);
        var volunteers = work.Select(w => w.VolunteerId).Concat(corrected.Select(c => c.VolunteerId)).Distinct().ToArray();
        var payees = await PayeesAsync(connection, volunteers, month.Year, cancellationToken);
        var paidThisYear = await PaidThisYearAsync(connection, month, cancellationToken);
        var existing = await ExistingAsync(connection, runId, cancellationToken);
        phase?.Invoke("read_payees_and_year");

        string NameOf(string key) => models.TryGetValue(key, out var m) ? m.Name : key;

        var byVolunteer = work.GroupBy(w => w.VolunteerId).ToDictionary(g => g.Key, g => g.ToList());
        var adjustmentsByVolunteer = corrected.GroupBy(c => c.VolunteerId).ToDictionary(g => g.Key, g => g.ToList());
        var payouts = new List<Payout>(volunteers.Length);
        foreach (var volunteerId in volunteers)
        {
            var flags = new List<string>();
            var lines = new List<PayoutLine>();
            if (byVolunteer.TryGetValue(volunteerId, out var rows))
            {
                lines.AddRange(LinesOf(month, rows, models, flags));
            }

            if (adjustmentsByVolunteer.TryGetValue(volunteerId, out var correctedRows))
            {
                var settled = earlierLines.GetValueOrDefault(volunteerId) ?? [];
                foreach (var monthRows in correctedRows.GroupBy(r => r.MonthKey))
                {
                    var settledMonth = Accrual.MonthOf(monthRows.Key);
                    var now2 = LinesOf(settledMonth, [.. monthRows], models, flags);
                    lines.AddRange(PayoutCalculation.Adjustments(settledMonth, now2, settled, NameOf));
                }
            }

            if (lines.Count == 0 && flags.Count == 0)
            {
                continue;
            }

            payees.TryGetValue(volunteerId, out var payee);
            var figures = PayoutCalculation.Settle(lines, kind => PayoutCalculation.RemainingCap(caps.GetValueOrDefault(month.Year), kind,
                payee?.DeclaredElsewhere(kind) ?? 0m, paidThisYear.TryGetValue((volunteerId, kind), out var before) ? before : 0m));
            flags.AddRange(figures.Flags);
            var noBankDetails = payee is not { HasBankDetails: true } && figures.Total > 0m;
            if (noBankDetails)
            {
                flags.Add(FlagNoBankDetails);
            }

            // A person's hold stays; the automatic ones follow today's figures and bank details. A claw-back is never
            // exported (finance settles it by hand), nor is money for which there is no account to transfer it to.
            existing.TryGetValue(volunteerId, out var previous);
            var personHold = previous is { Held: true } && !IsAutomaticHold(previous.Reason) ? previous.Reason : null;
            var reason = personHold ?? (figures.Total < 0m ? PayoutCalculation.FlagNegative : noBankDetails ? FlagNoBankDetails : null);
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
                Flagged = flags.Count > 0,
                Held = reason is not null,
                HeldReason = reason,
            });
        }

        phase?.Invoke("compute");
        WritePayouts(session, runId, payouts);

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
        run.FlaggedCount = payouts.Count(p => p.Flagged);
        run.HeldCount = payouts.Count(p => p.Held);
        run.FlagCounts = payouts.SelectMany(p => p.Flags).GroupBy(f => f, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
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

        phase?.Invoke("queue_writes");
        return Outcome<PayoutRunPrepared>.Done(new PayoutRunPrepared(Guid.NewGuid(), now, runId, month, run.PayoutCount, run.Total, run.FlaggedCount));
    }

    private const int RowsPerInsert = 2_000;

    /// <summary>
    /// Replaces the draft's payouts in the caller's transaction with a few set-based statements: 20,000 documents one by
    /// one through the unit of work took most of the run's time. Same table, same JSON (Marten's serializer), so Marten
    /// reads them as its own; the unique index on volunteer and month still refuses a second Host's payouts.
    /// </summary>
    private static void WritePayouts(IDocumentSession session, Guid runId, List<Payout> payouts)
    {
        session.QueueSqlCommand($"DELETE FROM {CompensationDocuments.Payouts} WHERE run_id = ?", runId);
        var dotnetType = typeof(Payout).FullName!;
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var chunk in payouts.Chunk(RowsPerInsert))
        {
            session.QueueSqlCommand($"""
                INSERT INTO {CompensationDocuments.Payouts} (id, data, mt_dotnet_type, volunteer_id, month_key, run_id, flagged)
                SELECT p.id, p.data, ?, p.volunteer_id, p.month_key, p.run_id, p.flagged
                FROM unnest(?::uuid[], ?::jsonb[], ?::uuid[], ?::int[], ?::uuid[], ?::boolean[]) AS p(id, data, volunteer_id, month_key, run_id, flagged)
                """,
                dotnetType,
                chunk.Select(p => p.Id).ToArray(),
                chunk.Select(p => serializer.ToJson(p)).ToArray(),
                chunk.Select(p => p.VolunteerId).ToArray(),
                chunk.Select(p => p.MonthKey).ToArray(),
                chunk.Select(p => p.RunId).ToArray(),
                chunk.Select(p => p.Flagged).ToArray());
        }
    }

    private static List<PayoutLine> LinesOf(YearMonth month, IReadOnlyList<AccrualRow> rows, IReadOnlyDictionary<string, CompensationModel> models, List<string> flags)
    {
        var lines = new List<PayoutLine>();
        foreach (var group in rows.GroupBy(r => r.ModelKey, StringComparer.Ordinal))
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

    /// <summary>An activity with the key of the model that pays it ("" without role, "?role" when nothing says).</summary>
    private sealed record AccrualRow(Guid VolunteerId, string ModelKey, LocalDate Date, int MonthKey, int Minutes, decimal Kilometres);

    /// <summary>
    /// The activities as plain rows with their model resolved in the same query (the assignment's, else the role's):
    /// 600,000 of them read in seconds, where loading documents and every assignment and enrolment took far longer.
    /// </summary>
    private static async Task<List<AccrualRow>> ReadAccrualsAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken)
    {
        var rows = new List<AccrualRow>();
        await using var command = new NpgsqlCommand($"""
            SELECT a.volunteer_id,
                   coalesce(asg.data ->> 'ModelKey', enr.data ->> 'ModelKey',
                            CASE WHEN coalesce(a.data ->> 'RoleProfileKey', '') = '' THEN '' ELSE '?' || (a.data ->> 'RoleProfileKey') END),
                   (a.data ->> 'Date')::date, a.month_key, (a.data ->> 'Minutes')::int, (a.data ->> 'Kilometres')::numeric
            FROM {CompensationDocuments.Accruals} a
            LEFT JOIN {CompensationDocuments.AssignmentModels} asg ON asg.id = (a.data ->> 'AssignmentId')::uuid
            LEFT JOIN {CompensationDocuments.EnrolmentModels} enr ON enr.id = replace(a.volunteer_id::text, '-', '') || '/' || (a.data ->> 'RoleProfileKey')
            WHERE {where} AND NOT coalesce((a.data ->> 'Cancelled')::boolean, false) AND a.data ->> 'RestrictedUntil' IS NULL
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AccrualRow(
                reader.GetGuid(0),
                reader.GetString(1),
                LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2)),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetDecimal(5)));
        }

        return rows;
    }

    /// <summary>What the run needs of a payee, and only of the payees in it.</summary>
    private sealed record PayeeRow(string DisplayName, string Quartier, bool HasBankDetails, decimal DeclaredEhrenamt, decimal DeclaredUebungsleiter)
    {
        public decimal DeclaredElsewhere(AllowanceKind kind) => kind switch
        {
            AllowanceKind.Ehrenamtspauschale => DeclaredEhrenamt,
            AllowanceKind.Uebungsleiterpauschale => DeclaredUebungsleiter,
            _ => 0m,
        };
    }

    private static async Task<Dictionary<Guid, PayeeRow>> PayeesAsync(NpgsqlConnection connection, Guid[] volunteers, int year, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, PayeeRow>(volunteers.Length);
        await using var command = new NpgsqlCommand($"""
            SELECT p.id, p.data ->> 'DisplayName', p.data ->> 'Quartier',
                   coalesce(p.data ->> 'Iban', '') <> '' AND btrim(coalesce(p.data ->> 'AccountHolder', '')) <> '',
                   coalesce((d ->> 'Ehrenamtspauschale')::numeric, 0), coalesce((d ->> 'Uebungsleiterpauschale')::numeric, 0)
            FROM {CompensationDocuments.Payees} p
            LEFT JOIN LATERAL (SELECT x FROM jsonb_array_elements(p.data -> 'Declarations') x WHERE (x ->> 'Year')::int = @year LIMIT 1) AS decl(d) ON true
            WHERE p.id = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", volunteers);
        command.Parameters.AddWithValue("year", year);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetGuid(0)] = new PayeeRow(reader.IsDBNull(1) ? string.Empty : reader.GetString(1), reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                reader.GetBoolean(3), reader.GetDecimal(4), reader.GetDecimal(5));
        }

        return result;
    }

    private sealed record ExistingPayout(Guid Id, bool Held, string? Reason);

    /// <summary>The draft's payouts by volunteer, for the holds a person made (they stay held).</summary>
    private static async Task<Dictionary<Guid, ExistingPayout>> ExistingAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, ExistingPayout>();
        await using var command = new NpgsqlCommand($"""
            SELECT p.volunteer_id, p.id, coalesce((p.data ->> 'Held')::boolean, false), p.data ->> 'HeldReason'
            FROM {CompensationDocuments.Payouts} p WHERE p.run_id = @run
            """, connection);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetGuid(0)] = new ExistingPayout(reader.GetGuid(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return result;
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
    private static async Task<Dictionary<(Guid, AllowanceKind), decimal>> PaidThisYearAsync(NpgsqlConnection connection, YearMonth month, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(Guid, AllowanceKind), decimal>();
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
