using System.Globalization;
using NodaTime;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.Quartiere.Features.Lagebild;

/// <summary>One problem kind: open cases now and at the end of each month of the picture (people, suppressed).</summary>
internal sealed record NeedLine(string ProblemKind, string Name, Figure OpenNow, IReadOnlyList<Figure> Trend);

/// <summary>One service category: active, accepting partners (organisations, not people: never suppressed).</summary>
internal sealed record OfferLine(string ServiceCategory, string Name, int ActivePartners, bool SinglePointOfFailure);

/// <summary>Programme-wide: in how many Quartiere a category has no partner, or exactly one.</summary>
internal sealed record OfferSummary(string ServiceCategory, string Name, int ActivePartners, int QuartiereWithout, int QuartiereWithOne);

/// <summary>One role: active neighbours, hours last month, free hours this month ("ohne Grenze" for a role without a limit).</summary>
internal sealed record NeighbourLine(string RoleProfileKey, string Name, Figure ActiveVolunteers, Figure HoursLastMonth, Figure FreeHoursThisMonth);

/// <summary>Where need meets no offer or no free neighbour hours, said in plain German.</summary>
internal sealed record Gap(string Quartier, string ProblemKind, string Text, bool NoPartner, bool NoFreeHours);

internal sealed record QuartierPicture(
    string Quartier, IReadOnlyList<string> Months, IReadOnlyList<NeedLine> Needs, Figure NeedTotal,
    IReadOnlyList<OfferLine> Offers, IReadOnlyList<NeighbourLine> Neighbours, IReadOnlyList<Gap> Gaps);

internal sealed record QuartierSummary(string Quartier, Figure NeedTotal, int Gaps);

internal sealed record ProgrammePicture(
    IReadOnlyList<string> Months, IReadOnlyList<NeedLine> Needs, Figure NeedTotal, Figure OpenConcerns,
    IReadOnlyList<OfferSummary> Offers, IReadOnlyList<NeighbourLine> Neighbours, IReadOnlyList<QuartierSummary> Quartiere,
    IReadOnlyList<Gap> Gaps);

/// <summary>The whole Lagebild: the programme and each Quartier, all from the same suppressed tables.</summary>
internal sealed record LagebildData(ProgrammePicture Programme, IReadOnlyDictionary<string, QuartierPicture> Quartiere)
{
    /// <summary>When the modules were read (the pages show it as „Stand“).</summary>
    public Instant ReadAt { get; init; }
}

/// <summary>
/// Combines the three modules' figures into the Lagebild, free of storage. Needs and neighbours are people: each table
/// (kinds × Quartiere per month; roles × Quartiere) is suppressed as a whole (<see cref="Suppression"/>), so the
/// programme page and every Quartier page show the same figures and together give away no hidden cell.
/// </summary>
internal static class QuartierPictures
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static LagebildData Build(
        NeedFigures needs, IReadOnlyList<OfferCell> offers, IReadOnlyList<NeighbourCell> neighbours, IReadOnlyList<string> listedQuartiere,
        IReadOnlyDictionary<string, string> roleNames)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(neighbours);
        var quartiere = listedQuartiere.Concat(needs.Series.Select(s => s.Quartier)).Concat(neighbours.Select(n => n.Quartier))
            .Distinct(StringComparer.Ordinal).ToList();
        var q = quartiere.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var kinds = ProblemKindKeys.Names.Keys.Concat(needs.Series.Select(s => s.ProblemKind)).Distinct(StringComparer.Ordinal).ToList();
        var k = kinds.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var monthCount = needs.Months.Count;

        // One table per month: kinds × Quartiere.
        var tables = Enumerable.Range(0, monthCount).Select(m =>
        {
            var cells = new int[kinds.Count, quartiere.Count];
            foreach (var s in needs.Series)
            {
                cells[k[s.ProblemKind], q[s.Quartier]] += s.OpenAtMonthEnd[m];
            }

            return Suppression.Apply(cells);
        }).ToList();
        var now = tables[^1];

        var roles = roleNames.Keys.Concat(neighbours.Select(n => n.RoleProfileKey)).Distinct(StringComparer.Ordinal).ToList();
        var ro = roles.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var people = new int[roles.Count, quartiere.Count];
        var hours = new decimal[roles.Count + 1, quartiere.Count + 1];
        var free = new decimal?[roles.Count + 1, quartiere.Count + 1];
        foreach (var n in neighbours)
        {
            people[ro[n.RoleProfileKey], q[n.Quartier]] += n.ActiveVolunteers;
        }

        var neighbourTable = Suppression.Apply(people);
        for (var r = 0; r <= roles.Count; r++)
        {
            for (var c = 0; c <= quartiere.Count; c++)
            {
                free[r, c] = 0;
            }
        }

        foreach (var n in neighbours)
        {
            var (r, c) = (ro[n.RoleProfileKey], q[n.Quartier]);
            foreach (var (rr, cc) in new[] { (r, c), (r, quartiere.Count), (roles.Count, c), (roles.Count, quartiere.Count) })
            {
                hours[rr, cc] += n.HoursLastMonth;
                free[rr, cc] = n.FreeHoursThisMonth is null || free[rr, cc] is null ? null : free[rr, cc] + n.FreeHoursThisMonth;
            }
        }

        var months = needs.Months.Select(MonthName).ToList();
        var offerCounts = offers.GroupBy(o => (o.Quartier, o.ServiceCategory)).ToDictionary(g => g.Key, g => g.Sum(o => o.ActivePartners));
        var categories = offers.Select(o => o.ServiceCategory).Distinct(StringComparer.Ordinal).ToList();
        string RoleName(string key) => roleNames.GetValueOrDefault(key) ?? neighbours.FirstOrDefault(n => n.RoleProfileKey == key)?.RoleName ?? key;

        IReadOnlyList<NeedLine> NeedLines(int column) => [.. kinds.Select((kind, r) => new NeedLine(kind, ProblemKindKeys.NameOf(kind),
            now.Figure(r, column), [.. tables.Select(t => t.Figure(r, column))]))];

        IReadOnlyList<NeighbourLine> NeighbourLines(int column) => [.. roles.Select((role, r) => new NeighbourLine(role, RoleName(role),
            neighbourTable.Figure(r, column), neighbourTable.Masked(r, column, hours[r, column]),
            free[r, column] is { } f ? neighbourTable.Masked(r, column, f) : new Figure(null, "ohne Grenze", ShownAs.Number)))];

        var gaps = new List<Gap>();
        var pictures = new Dictionary<string, QuartierPicture>(StringComparer.Ordinal);
        foreach (var quartier in quartiere)
        {
            var column = q[quartier];
            var local = new List<Gap>();
            foreach (var kind in kinds)
            {
                var r = k[kind];
                if (now.ValueOf(r, column) == 0)
                {
                    continue;
                }

                var answer = NeedAnswers.For(kind);
                var partners = answer.ServiceCategories.Sum(c => offerCounts.GetValueOrDefault((quartier, c)));
                var volunteersHere = answer.Roles.Where(ro.ContainsKey).Sum(role => people[ro[role], column]);
                var freeHere = answer.Roles.Where(ro.ContainsKey).Select(role => free[ro[role], column]).ToList();
                var noPartner = answer.ServiceCategories.Count > 0 && partners == 0;
                var noFreeHours = answer.Roles.Count > 0 && freeHere.All(h => h is not null && h <= 0);
                if (noPartner || noFreeHours)
                {
                    local.Add(new Gap(quartier, kind, GapText(quartier, kind, now.Figure(r, column), tables, r, column, answer, partners, volunteersHere, noFreeHours, RoleName), noPartner, noFreeHours));
                }
            }

            gaps.AddRange(local);
            pictures[quartier] = new QuartierPicture(quartier, months, NeedLines(column), now.Figure(kinds.Count, column),
                [.. categories.Select(c => new OfferLine(c, ServiceCategories.NameOf(c), offerCounts.GetValueOrDefault((quartier, c)), offerCounts.GetValueOrDefault((quartier, c)) == 1))],
                NeighbourLines(column), local);
        }

        var programme = new ProgrammePicture(
            months, NeedLines(quartiere.Count), now.Figure(kinds.Count, quartiere.Count), Suppression.Apply(new[,] { { needs.OpenConcerns } }).Figure(0, 0),
            [.. categories.Select(c => new OfferSummary(c, ServiceCategories.NameOf(c),
                offers.Where(o => o.ServiceCategory == c).Sum(o => o.ActivePartners),
                offers.Count(o => o.ServiceCategory == c && o.ActivePartners == 0), offers.Count(o => o.ServiceCategory == c && o.SinglePointOfFailure)))],
            NeighbourLines(quartiere.Count),
            [.. quartiere.Select(name => new QuartierSummary(name, pictures[name].NeedTotal, pictures[name].Gaps.Count))],
            gaps);
        return new LagebildData(programme, pictures);
    }

    private static string GapText(
        string quartier, string kind, Figure openNow, List<SuppressedTable> tables, int row, int column, NeedAnswer answer, int partners,
        int volunteers, bool noFreeHours, Func<string, string> roleName)
    {
        var first = tables[0].Figure(row, column);
        var rising = tables[^1].ValueOf(row, column) > tables[0].ValueOf(row, column);
        var parts = new List<string>
        {
            $"{quartier}, {ProblemKindKeys.NameOf(kind)}: {openNow.Text} Personen mit offenem Fall" + (rising ? $", steigend (vor elf Monaten: {first.Text})" : ""),
        };
        var categoryNames = string.Join(", ", answer.ServiceCategories.Select(ServiceCategories.NameOf));
        if (answer.ServiceCategories.Count > 0)
        {
            parts.Add(partners switch
            {
                0 => $"kein Netzwerkpartner ({categoryNames})",
                1 => $"nur ein Netzwerkpartner ({categoryNames}) – fällt er aus, gibt es keinen",
                _ => $"{partners} Netzwerkpartner ({categoryNames})",
            });
        }

        if (noFreeHours)
        {
            var roles = string.Join(", ", answer.Roles.Select(roleName));
            parts.Add(volunteers == 0 ? $"keine aktiven Nachbar:innen ({roles})" : $"keine freien Stunden bei Nachbar:innen in diesem Monat ({roles})");
        }

        return string.Join("; ", parts) + ".";
    }

    private static string MonthName(YearMonth month) => new LocalDate(month.Year, month.Month, 1).ToString("MMM yyyy", German);
}
