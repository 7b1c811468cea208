using Marten;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using NodaTime;

namespace QuartierPflege.Quartiere.Features.Forum;

/// <summary>Two forum meetings in Döbeln-Ost (one agreed action done, one still open) and the Seniorentreff Körnerplatz.</summary>
internal sealed class DemoForum(IDocumentSession session, IClock clock) : IDemoDataSeeder
{
    public static readonly Guid FirstMeetingId = new("7c2e4d50-1b0f-4d62-8e1f-6b2000000001");
    public static readonly Guid SecondMeetingId = new("7c2e4d50-1b0f-4d62-8e1f-6b2000000002");
    public static readonly Guid GroupId = new("7c2e4d50-1b0f-4d62-8e1f-6b2000000010");
    public const string OpenActionText = "Gespräch mit der Wohnungsgenossenschaft über einen Gemeinschaftsraum";

    public int Order => 61;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<ForumMeeting>(FirstMeetingId, cancellationToken) is not null)
        {
            return;
        }

        var today = clock.Today();
        session.Insert(
            new ForumMeeting
            {
                Id = FirstMeetingId,
                Quartier = "Döbeln-Ost",
                Date = today.PlusDays(-42),
                Place = "Gemeindesaal Ost, Sörmitzer Straße",
                Agenda = "1. Ergebnisse der Haustürgespräche\n2. Treffpunkte im Quartier\n3. Verschiedenes",
                NamedParticipants = ["Gisela Hartmann", "Werner Kühn"],
                NamesConsented = true,
                OtherParticipants = 14,
                Minutes = "Viele Ältere fühlen sich nachmittags allein. Es fehlt ein Ort zum Treffen. Die Bänke an der Mulde sollen erneuert werden.",
                Actions = [new ForumAction(new Guid("7c2e4d50-1b0f-4d62-8e1f-6b2000000101"), "Antrag auf neue Bänke bei der Stadt stellen", "Werner Kühn",
                    today.PlusDays(-14), today.PlusDays(-20), "Koordination (Demo)")],
            },
            new ForumMeeting
            {
                Id = SecondMeetingId,
                Quartier = "Döbeln-Ost",
                Date = today.PlusDays(-7),
                Place = "Gemeindesaal Ost, Sörmitzer Straße",
                Agenda = "1. Stand Bänke\n2. Gemeinschaftsraum\n3. Nachbarschaftscafé",
                OtherParticipants = 11,
                Minutes = "Die Bänke sind beantragt. Für einen Gemeinschaftsraum wird die Wohnungsgenossenschaft angesprochen.",
                Actions = [new ForumAction(new Guid("7c2e4d50-1b0f-4d62-8e1f-6b2000000102"), OpenActionText, "Gisela Hartmann", today.PlusDays(21))],
            });
        session.Insert(new ResidentGroup
        {
            Id = GroupId,
            Name = "Seniorentreff Körnerplatz",
            Quartier = "Döbeln-Zentrum",
            ContactPerson = "Ingrid Vogel",
            Rhythm = "jeden 2. Dienstag, 15 Uhr",
            Place = "Begegnungsstätte am Körnerplatz",
        });
        await session.SaveChangesAsync(cancellationToken);
    }
}
