using System.Globalization;
using NodaTime;

namespace QuartierPflege.Volunteers.Domain;

/// <summary>What an enrolment still lacks: the role's requirements without a valid certificate on the date.</summary>
internal static class Requirements
{
    public static IReadOnlyList<string> Missing(RoleProfile role, IEnumerable<Certificate> certificates, LocalDate date)
    {
        var valid = certificates.Where(c => c.ValidOn(date)).Select(c => c.CourseKey).ToHashSet(StringComparer.Ordinal);
        return [.. role.Requirements.Where(r => !valid.Contains(r))];
    }

    /// <summary>
    /// The state an enrolment should be in: active when nothing is missing; suspended when it was active (or suspended)
    /// and something lapsed; otherwise applied or in training. Ended stays ended.
    /// </summary>
    public static EnrolmentState Next(EnrolmentState current, bool anythingMissing, bool anyCertificate) => current switch
    {
        EnrolmentState.Ended => EnrolmentState.Ended,
        _ when !anythingMissing => EnrolmentState.Active,
        EnrolmentState.Active or EnrolmentState.Suspended => EnrolmentState.Suspended,
        _ => anyCertificate ? EnrolmentState.InTraining : EnrolmentState.Applied,
    };
}

/// <summary>The checks on a chosen helper, as a pure function: the role's limits and, for §45a roles, the Saxon rules.</summary>
internal static class AssignmentRules
{
    public const int Section45aMaxHoursPerMonth = 40;

    public sealed record Declarations(bool NotRelatedUpToSecondDegree, bool NotSameHousehold, bool NotRegisteredCarer);

    public static IReadOnlyList<string> Refusals(
        Volunteer? volunteer,
        RoleProfile? role,
        HelpRequest request,
        IReadOnlyCollection<Assignment> activeAssignments,
        Declarations declarations,
        LocalDate today)
    {
        if (volunteer is null)
        {
            return ["Die gewählte Person ist als Ehrenamtliche:r nicht (mehr) bekannt."];
        }

        if (role is null)
        {
            return [$"Das Rollenprofil „{request.RoleProfileKey}“ gibt es nicht."];
        }

        var reasons = new List<string>();
        if (request.Withdrawn)
        {
            reasons.Add("Die Nachbarschaftshilfe wurde zurückgezogen.");
        }

        if (!volunteer.ActiveRoles.Contains(role.Id))
        {
            reasons.Add($"{volunteer.DisplayName} ist in der Rolle „{role.Name}“ derzeit nicht einsatzbereit.");
        }

        var plannedHours = activeAssignments.Where(a => a.RoleProfileKey == role.Id).Sum(a => a.HoursPerMonth) + request.HoursPerMonth;
        if (role.MaxHoursPerMonth > 0 && plannedHours > role.MaxHoursPerMonth)
        {
            reasons.Add($"Mit diesem Einsatz käme {volunteer.DisplayName} auf {plannedHours} Stunden im Monat; die Rolle erlaubt höchstens {role.MaxHoursPerMonth}.");
        }

        if (role.MaxPeoplePerHelper > 0 && activeAssignments.Count(a => a.RoleProfileKey == role.Id) + 1 > role.MaxPeoplePerHelper)
        {
            reasons.Add($"{volunteer.DisplayName} begleitet schon {role.MaxPeoplePerHelper} Personen; mehr erlaubt die Rolle nicht.");
        }

        if (role.Section45a)
        {
            reasons.AddRange(Section45a(volunteer, request, activeAssignments, declarations, today));
        }

        return reasons;
    }

    /// <summary>§45a SGB XI with SächsPflUVO §10: adult, not in the household, declarations, at most 40 hours a month in total.</summary>
    private static IEnumerable<string> Section45a(
        Volunteer volunteer, HelpRequest request, IReadOnlyCollection<Assignment> activeAssignments, Declarations declarations, LocalDate today)
    {
        if (Period.Between(volunteer.BirthDate, today, PeriodUnits.Years).Years < 18)
        {
            yield return "Nachbarschaftshilfe nach §45a SGB XI dürfen nur Volljährige leisten.";
        }

        if (SameFlat(volunteer, request))
        {
            yield return "Die Helfer:in wohnt im selben Haushalt (gleiche Adresse und Wohnung) – das ist nach §45a SGB XI nicht erlaubt.";
        }

        if (!declarations.NotRelatedUpToSecondDegree)
        {
            yield return "Es fehlt die Erklärung, dass die Helfer:in mit der Bewohner:in nicht bis zum 2. Grad verwandt oder verschwägert ist.";
        }

        if (!declarations.NotSameHousehold)
        {
            yield return "Es fehlt die Erklärung, dass die Helfer:in nicht im selben Haushalt lebt.";
        }

        if (!declarations.NotRegisteredCarer)
        {
            yield return "Es fehlt die Erklärung, dass die Helfer:in nicht die eingetragene Pflegeperson ist.";
        }

        var hours = activeAssignments.Sum(a => a.HoursPerMonth) + request.HoursPerMonth;
        if (hours > Section45aMaxHoursPerMonth)
        {
            yield return $"Nachbarschaftshilfe nach §45a SGB XI ist auf {Section45aMaxHoursPerMonth} Stunden im Monat begrenzt; mit diesem Einsatz wären es {hours}.";
        }
    }

    private static bool SameFlat(Volunteer volunteer, HelpRequest request)
        => Same(volunteer.Street, request.Street) && Same(volunteer.HouseNumber, request.HouseNumber) && Same(volunteer.Flat, request.Flat);

    private static bool Same(string? a, string? b)
        => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);

    private static string Normalise(string? text)
        => string.Concat((text ?? string.Empty).ToLower(CultureInfo.GetCultureInfo("de-DE"))
                .Replace("straße", "str", StringComparison.Ordinal).Replace("strasse", "str", StringComparison.Ordinal)
                .Where(char.IsLetterOrDigit));
}

/// <summary>Weekly availability: seven days × three parts of the day, as slot keys.</summary>
internal static class Availability
{
    public static IReadOnlyList<(string Key, string Name)> Days { get; } =
        [("mo", "Montag"), ("di", "Dienstag"), ("mi", "Mittwoch"), ("do", "Donnerstag"), ("fr", "Freitag"), ("sa", "Samstag"), ("so", "Sonntag")];

    public static IReadOnlyList<(string Key, string Name)> Parts { get; } = [("vormittag", "vormittags"), ("nachmittag", "nachmittags"), ("abend", "abends")];

    public static IReadOnlySet<string> AllSlots { get; } = Days.SelectMany(d => Parts.Select(p => $"{d.Key}-{p.Key}")).ToHashSet(StringComparer.Ordinal);

    private static readonly List<string> SlotOrder = [.. Days.SelectMany(d => Parts.Select(p => $"{d.Key}-{p.Key}"))];

    /// <summary>
    /// The slots a free-text wish such as "Dienstag oder Donnerstag vormittags" names. A text naming only days means the
    /// whole day, only parts means every day; a text naming neither (or none at all) names nothing.
    /// </summary>
    public static IReadOnlySet<string> SlotsIn(string? preferredTimes)
    {
        if (string.IsNullOrWhiteSpace(preferredTimes))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var words = preferredTimes.ToLower(CultureInfo.GetCultureInfo("de-DE"))
            .Split([' ', ',', ';', '/', '-', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var days = Days.Where(d => words.Any(w => w == d.Key || w.StartsWith(d.Name.ToLowerInvariant(), StringComparison.Ordinal))).Select(d => d.Key).ToList();
        var parts = Parts.Where(p => words.Any(w => w.StartsWith(p.Key, StringComparison.Ordinal)
                || (p.Key == "vormittag" && w.StartsWith("morgen", StringComparison.Ordinal)))).Select(p => p.Key).ToList();
        if (days.Count == 0 && parts.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var dayKeys = days.Count == 0 ? Days.Select(d => d.Key) : days;
        var partKeys = parts.Count == 0 ? Parts.Select(p => p.Key) : parts;
        return dayKeys.SelectMany(d => partKeys.Select(p => $"{d}-{p}")).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Slots as bits in a fixed order (Monday morning is bit 0), for ranking by overlap in the database.</summary>
    public static int Mask(IEnumerable<string> slots)
    {
        var mask = 0;
        foreach (var slot in slots)
        {
            var index = SlotOrder.IndexOf(slot);
            if (index >= 0)
            {
                mask |= 1 << index;
            }
        }

        return mask;
    }

    public static string Describe(string slot)
    {
        var (day, part) = (slot[..2], slot[3..]);
        return $"{Days.First(d => d.Key == day).Name} {Parts.First(p => p.Key == part).Name}";
    }
}

/// <summary>
/// Ranks qualified volunteers for a request: same Quartier before neighbouring ones, then more overlap with the wished
/// times, then more hours free this month. Each rank carries its reason in German.
/// </summary>
internal static class Matching
{
    public sealed record Candidate(Volunteer Volunteer, int PlannedHours, int People);

    public sealed record Ranked(Volunteer Volunteer, decimal HoursFree, string Reason);

    public static IReadOnlyList<Ranked> Rank(HelpRequest request, RoleProfile role, IReadOnlyList<string> neighbourQuartiere, IEnumerable<Candidate> candidates, int take = 10)
    {
        var wished = Availability.SlotsIn(request.PreferredTimes);
        var limit = HoursLimit(role);
        return [.. candidates
            .Where(c => c.Volunteer.ActiveRoles.Contains(role.Id) && c.Volunteer.Status == VolunteerStatus.Confirmed)
            .Where(c => c.Volunteer.Quartier == request.Quartier || neighbourQuartiere.Contains(c.Volunteer.Quartier))
            .Select(c =>
            {
                var hoursFree = limit > 0 ? limit - c.PlannedHours : 99m;
                var overlap = c.Volunteer.Availability.Where(wished.Contains).ToList();
                return (c, hoursFree, overlap, same: c.Volunteer.Quartier == request.Quartier);
            })
            .Where(x => x.hoursFree >= request.HoursPerMonth && (role.MaxPeoplePerHelper == 0 || x.c.People < role.MaxPeoplePerHelper))
            .OrderByDescending(x => x.same)
            .ThenByDescending(x => x.overlap.Count)
            .ThenByDescending(x => x.hoursFree)
            .ThenBy(x => x.c.Volunteer.LastName, StringComparer.Ordinal)
            .Take(take)
            .Select(x => new Ranked(x.c.Volunteer, Math.Max(0, x.hoursFree), Reason(x.same, x.c.Volunteer, x.overlap, wished.Count, x.hoursFree, limit)))];
    }

    /// <summary>The hours a month one helper may give in the role (0: no limit); §45a caps every role at 40.</summary>
    public static int HoursLimit(RoleProfile role)
        => role.Section45a
            ? Math.Min(role.MaxHoursPerMonth > 0 ? role.MaxHoursPerMonth : AssignmentRules.Section45aMaxHoursPerMonth, AssignmentRules.Section45aMaxHoursPerMonth)
            : role.MaxHoursPerMonth;

    private static string Reason(bool sameQuartier, Volunteer volunteer, List<string> overlap, int wishedCount, decimal hoursFree, int limit)
    {
        var parts = new List<string>
        {
            sameQuartier ? $"wohnt im selben Quartier ({volunteer.Quartier})" : $"wohnt im Nachbarquartier {volunteer.Quartier}",
        };
        if (wishedCount > 0)
        {
            parts.Add(overlap.Count == 0
                ? "keine Überschneidung mit den gewünschten Zeiten"
                : $"kann {string.Join(", ", overlap.Take(3).Select(Availability.Describe))}");
        }

        if (limit > 0)
        {
            parts.Add($"noch {hoursFree:0.#} Stunden in diesem Monat frei");
        }

        if (volunteer.Languages.Count > 0)
        {
            parts.Add($"spricht {string.Join(", ", volunteer.Languages)}");
        }

        var text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
