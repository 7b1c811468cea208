using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.Features.Activities;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>
/// Quartiere's answers: for a volunteer the activities they help with. Survey answers and forum meetings name no data
/// subject the programme can find (answers are anonymous, forum names are free text), so a copy cannot hold them.
/// </summary>
internal sealed class QuartierePersonalDataHolder(IQuerySession session) : IPersonalDataHolder
{
    public string Module => QuartierePersonalData.ModuleName;

    public Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
        => QuartiereRetentionWork.RunAsync(session, null, date, periods, cancellationToken);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var activities = await ActivitiesOfAsync(session, subject, cancellationToken);
        return new PersonalDataSection(Module, [.. activities
            .OrderBy(a => a.Quartier, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal)
            .Select(a => Record(a, a.Helpers.First(h => h.VolunteerId == subject.Id)))]);
    }

    public Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>The activities the subject helps with (a resident helps with none).</summary>
    internal static async Task<IReadOnlyList<Activity>> ActivitiesOfAsync(IQuerySession session, DataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.Kind != DataSubjectKind.Volunteer)
        {
            return [];
        }

        // A programme has a few dozen activities: reading them all is cheaper than an index on the nested helpers.
        return [.. (await session.Query<Activity>().ToListAsync(cancellationToken)).Where(a => a.Helpers.Any(h => h.VolunteerId == subject.Id))];
    }

    private static PersonalDataRecord Record(Activity activity, ActivityHelper helper)
        => new(QuartierePersonalData.ActivityHelperKey, $"Mithilfe bei „{activity.Title}“",
        [
            new("Angebot", activity.Title),
            new("Quartier", activity.Quartier),
            new("Ort", activity.Place),
            new("Wann", activity.When),
            new("Name, wie angezeigt", helper.Name),
            new("Hilft mit seit", GermanDates.Show(helper.Since)),
        ]);
}
