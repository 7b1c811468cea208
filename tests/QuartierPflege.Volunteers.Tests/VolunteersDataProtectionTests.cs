using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.DataProtection;
using QuartierPflege.Volunteers.Domain;
using Wolverine.Tracking;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>
/// Volunteers' part of data protection through the message bus and HTTP, on one database: the sweep, a person's copy
/// (volunteer and resident), erasure of a volunteer and of a resident, the finder and the profile read log. Records are
/// stored directly with dates set; each test uses its own people and cases.
/// </summary>
public sealed class VolunteersDataProtectionTests(VolunteersApp app) : IClassFixture<VolunteersApp>
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    /// <summary>The first message through a handler generates its code; on a shared 2-core machine that can take long.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(90);

    private RetentionPeriods DefaultPeriods() => app.DefaultRetentionPeriods();

    private static IPersonalDataHolder Holder(IServiceProvider services) => services.HolderOf(VolunteersPersonalData.ModuleName);

    private static T Reply<T>(ITrackedSession tracked, Func<T, bool> which)
        => tracked.FindEnvelopesWithMessageType<T>().Select(e => e.Message).OfType<T>().Distinct().Single(which);

    private static Volunteer Neighbour(string lastName, Instant registeredAt) => new()
    {
        FirstName = "Hanne", LastName = lastName, Email = $"{lastName.ToLowerInvariant()}-{Guid.NewGuid():N}@beispiel.de", Phone = "03431 123456",
        Street = "Ritterstraße", HouseNumber = "7", Quartier = "Hartha", BirthDate = new LocalDate(1958, 4, 1), Status = VolunteerStatus.Confirmed,
        RegisteredAt = registeredAt,
    };

    private static Assignment AssignmentOf(Volunteer volunteer, Guid caseId, LocalDate startsOn, LocalDate? endedOn) => new()
    {
        RequestId = Guid.NewGuid(), CaseId = caseId, VolunteerId = volunteer.Id, RoleProfileKey = "einkaufshilfe", CompensationModelKey = "unentgeltlich",
        Street = "Lindenweg", HouseNumber = "3", Description = "Einkauf am Dienstag", HoursPerMonth = 4, StartsOn = startsOn,
        Status = endedOn is null ? AssignmentStatus.Active : AssignmentStatus.Ended, EndedOn = endedOn, EndReason = endedOn is null ? null : "Fall abgeschlossen",
    };

    private static ActivityLog LogOf(Volunteer volunteer, Assignment assignment, LocalDate date) => new()
    {
        VolunteerId = volunteer.Id, AssignmentId = assignment.Id, RoleProfileKey = assignment.RoleProfileKey, Date = date, Minutes = 60, Kind = "einkauf",
        Note = "Frau L. war gut gelaunt", State = ActivityState.Confirmed,
    };

    private static Instant On(int year, int month, int day) => Instant.FromUtc(year, month, day, 9, 0);

    [Fact]
    public async Task The_sweep_deletes_the_profile_of_a_volunteer_who_left_three_years_ago_anonymises_old_assignments_and_logs_and_counts_each_once()
    {
        var left = Neighbour("Gegangen", On(2019, 1, 10));
        var stays = Neighbour("Geblieben", On(2019, 1, 10));
        stays.Enrolments.Add(new Enrolment { RoleProfileKey = "einkaufshilfe", State = EnrolmentState.Active, Since = new LocalDate(2019, 2, 1) });
        stays.RefreshActiveRoles();
        var old = AssignmentOf(left, Guid.NewGuid(), new LocalDate(2020, 1, 1), new LocalDate(2022, 6, 30));
        var oldLog = LogOf(left, old, new LocalDate(2022, 6, 1));
        var recent = AssignmentOf(stays, Guid.NewGuid(), new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));
        var certificate = new Certificate { VolunteerId = left.Id, CourseKey = "erste-hilfe", CourseName = "Erste Hilfe", IssuedOn = new LocalDate(2019, 3, 1), Verified = true };
        await app.StoreAsync(left, stays, old, oldLog, recent, certificate);
        var sweep = new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), Today, DefaultPeriods());

        var forecast = await app.InScopeAsync(s => Holder(s).DueAsync(Today, DefaultPeriods(), CancellationToken.None));
        var reply = Reply<RetentionSwept>(await app.PublishAndTrackAsync(sweep, Slow), r => r.Module == VolunteersPersonalData.ModuleName);

        Assert.Equal(sweep.SweepId, reply.SweepId);
        Assert.Equal(forecast, reply.Counts);
        Assert.Null(await app.LoadAsync<Volunteer>(left.Id));
        Assert.Null(await app.LoadAsync<Certificate>(certificate.Id));
        Assert.NotNull(await app.LoadAsync<Volunteer>(stays.Id));
        var anonymised = (await app.LoadAsync<Assignment>(old.Id))!;
        Assert.Equal(VolunteersRetention.Anonymised, anonymised.Street);
        Assert.Equal(VolunteersRetention.Anonymised, anonymised.Description);
        Assert.Equal(4, anonymised.HoursPerMonth);
        Assert.Equal(new LocalDate(2022, 6, 30), anonymised.EndedOn);
        Assert.Equal("Lindenweg", (await app.LoadAsync<Assignment>(recent.Id))!.Street);
        var log = (await app.LoadAsync<ActivityLog>(oldLog.Id))!;
        Assert.Null(log.Note);
        Assert.Equal(Guid.Empty, log.VolunteerId);
        Assert.Equal(60, log.Minutes);

        var again = Reply<RetentionSwept>(await app.PublishAndTrackAsync(sweep with { MessageId = Guid.NewGuid() }, Slow), r => r.Module == VolunteersPersonalData.ModuleName);
        Assert.All(again.Counts, c => Assert.True(c.Deleted == 0 && c.Anonymised == 0, $"{c.KindKey} counted again"));
    }

    [Fact]
    public async Task Erasing_a_volunteer_with_a_running_assignment_is_objected_to_naming_it_and_erases_nothing()
    {
        var busy = Neighbour("Beschaeftigt", On(2025, 1, 10));
        var running = AssignmentOf(busy, Guid.NewGuid(), new LocalDate(2025, 2, 1), null);
        await app.StoreAsync(busy, running);
        var subject = new DataSubject(DataSubjectKind.Volunteer, busy.Id, busy.DisplayName, [], busy.Email);

        var objections = await app.InScopeAsync(s => Holder(s).ErasureObjectionsAsync(subject, CancellationToken.None));
        var reply = Reply<DataSubjectErased>(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), subject, Today), Slow),
            r => r.Module == VolunteersPersonalData.ModuleName);

        var objection = Assert.Single(objections);
        Assert.Contains("Einkaufshilfe", objection, StringComparison.Ordinal);
        Assert.Contains("Lindenweg 3", objection, StringComparison.Ordinal);
        Assert.Contains("01.02.2025", objection, StringComparison.Ordinal);
        Assert.All(reply.Lines, l => Assert.Equal(0, l.Erased));
        Assert.NotNull(await app.LoadAsync<Volunteer>(busy.Id));
    }

    [Fact]
    public async Task Erasing_a_volunteer_deletes_profile_certificates_and_logs_and_keeps_the_residents_assignments_without_the_helper()
    {
        var (volunteer, own) = await app.VolunteerAsync("Loeschen");
        var ended = AssignmentOf(volunteer, Guid.NewGuid(), new LocalDate(2025, 2, 1), new LocalDate(2025, 12, 31));
        var log = LogOf(volunteer, ended, new LocalDate(2025, 6, 3));
        var certificate = new Certificate { VolunteerId = volunteer.Id, CourseKey = "erste-hilfe", CourseName = "Erste Hilfe", IssuedOn = new LocalDate(2025, 3, 1), Verified = true };
        var request = new HelpRequest
        {
            Id = Guid.NewGuid(), CaseId = ended.CaseId, Quartier = "Hartha", Street = "Lindenweg", HouseNumber = "3", RoleProfileKey = "einkaufshilfe",
            Description = "Einkauf", StartsOn = new LocalDate(2025, 2, 1), Proposed = [volunteer.Id],
        };
        await app.StoreAsync(ended, log, certificate, request);
        var subject = (await app.InScopeAsync(s => s.GetServices<IDataSubjectFinder>().Single(f => f.Kind == DataSubjectKind.Volunteer).FindAsync(volunteer.Id, CancellationToken.None)))!;
        Assert.Equal(volunteer.Email, subject.Email);

        var reply = Reply<DataSubjectErased>(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), subject, Today), Slow),
            r => r.Module == VolunteersPersonalData.ModuleName);

        Assert.Equal(1, reply.Lines.Single(l => l.KindKey == VolunteersPersonalData.Profile).Erased);
        Assert.Equal(1, reply.Lines.Single(l => l.KindKey == VolunteersPersonalData.VisitLog).Erased);
        Assert.Equal(1, reply.Lines.Single(l => l.KindKey == VolunteersPersonalData.CertificateKind).Erased);
        Assert.Null(await app.LoadAsync<Volunteer>(volunteer.Id));
        Assert.Null(await app.LoadAsync<ActivityLog>(log.Id));
        Assert.Null(await app.LoadAsync<Certificate>(certificate.Id));
        Assert.Empty((await app.LoadAsync<HelpRequest>(request.Id))!.Proposed);
        var kept = (await app.LoadAsync<Assignment>(ended.Id))!;
        Assert.Equal(Guid.Empty, kept.VolunteerId);
        Assert.Equal("Lindenweg", kept.Street);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync("/api/volunteers/me")).StatusCode);
    }

    [Fact]
    public async Task A_residents_copy_shows_the_neighbour_help_of_their_cases_with_the_helpers_first_name_only_and_their_erasure_removes_the_address()
    {
        var helper = Neighbour("Helferin", On(2025, 1, 10));
        var caseId = Guid.NewGuid();
        var otherCase = Guid.NewGuid();
        var help = AssignmentOf(helper, caseId, new LocalDate(2025, 2, 1), null);
        var other = AssignmentOf(helper, otherCase, new LocalDate(2025, 2, 1), null);
        other.Street = "Fremdweg";
        var request = new HelpRequest
        {
            Id = help.RequestId, CaseId = caseId, Quartier = "Hartha", Street = "Lindenweg", HouseNumber = "3", RoleProfileKey = "einkaufshilfe",
            Description = "Einkauf am Dienstag", StartsOn = new LocalDate(2025, 2, 1),
        };
        await app.StoreAsync(helper, help, other, request);
        var resident = new DataSubject(DataSubjectKind.Resident, Guid.NewGuid(), "Frau Linde", [caseId], null);

        var section = await app.InScopeAsync(s => Holder(s).ExportAsync(resident, CancellationToken.None));

        Assert.Equal(2, section.Records.Count);
        var assignment = section.Records.Single(r => r.KindKey == VolunteersPersonalData.AssignmentKind);
        Assert.Equal("Hanne", assignment.Fields.Single(f => f.Label == "Helferin oder Helfer (Vorname)").Value);
        var everything = string.Join(" ", section.Records.SelectMany(r => r.Fields.Select(f => f.Value)));
        Assert.DoesNotContain("Helferin ", everything.Replace("Helferin oder", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(helper.LastName, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Fremdweg", everything, StringComparison.Ordinal);
        Assert.Contains("Lindenweg 3", everything, StringComparison.Ordinal);

        var reply = Reply<DataSubjectErased>(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), resident, Today), Slow),
            r => r.Module == VolunteersPersonalData.ModuleName);
        Assert.Equal(1, reply.Lines.Single(l => l.KindKey == VolunteersPersonalData.HelpRequestKind).Erased);
        Assert.Equal(1, reply.Lines.Single(l => l.KindKey == VolunteersPersonalData.AssignmentKind).Erased);
        Assert.Equal(VolunteersRetention.Anonymised, (await app.LoadAsync<HelpRequest>(request.Id))!.Description);
        Assert.Equal(VolunteersRetention.Anonymised, (await app.LoadAsync<Assignment>(help.Id))!.Street);
        Assert.Equal("Fremdweg", (await app.LoadAsync<Assignment>(other.Id))!.Street);
    }

    [Fact]
    public async Task A_volunteers_copy_shows_profile_roles_certificates_assignments_by_street_and_task_and_logs()
    {
        var (volunteer, _) = await app.VolunteerAsync("Kopie", activeRoles: ["einkaufshilfe"]);
        var assignment = AssignmentOf(volunteer, Guid.NewGuid(), new LocalDate(2025, 2, 1), null);
        await app.StoreAsync(assignment, LogOf(volunteer, assignment, new LocalDate(2025, 6, 3)),
            new Certificate { VolunteerId = volunteer.Id, CourseKey = "erste-hilfe", CourseName = "Erste Hilfe", IssuedOn = new LocalDate(2025, 3, 1), Verified = true });

        var section = await app.InScopeAsync(s => Holder(s).ExportAsync(new DataSubject(DataSubjectKind.Volunteer, volunteer.Id, volunteer.DisplayName, [], null), CancellationToken.None));

        Assert.Equal("Kopie", section.Records.Single(r => r.Title == "Profil").Fields.Single(f => f.Label == "Nachname").Value);
        Assert.Contains(section.Records, r => r.Title == "Rolle: Einkaufshilfe");
        Assert.Contains(section.Records, r => r.Title == "Nachweis: Erste Hilfe");
        var shown = section.Records.Single(r => r.KindKey == VolunteersPersonalData.AssignmentKind);
        Assert.Equal(["Straße", "Aufgabe", "Stunden im Monat", "Beginn", "Ende", "Grund des Endes"], shown.Fields.Select(f => f.Label));
        Assert.Equal("Lindenweg 3", shown.Fields[0].Value);
        Assert.Equal("Frau L. war gut gelaunt", section.Records.Single(r => r.Title == "Einsatznachweis vom 03.06.2025").Fields.Single(f => f.Label == "Notiz").Value);
    }

    [Fact]
    public async Task Coordination_finds_a_volunteer_by_name_and_reading_a_profile_leaves_an_entry_that_cannot_be_updated()
    {
        var (volunteer, own) = await app.VolunteerAsync("Zugriffsprobe");
        var finder = await app.InScopeAsync(s => s.GetServices<IDataSubjectFinder>().Single(f => f.Kind == DataSubjectKind.Volunteer)
            .SearchAsync("test zugriffs", CancellationToken.None));
        Assert.Equal(volunteer.Id, Assert.Single(finder).Id);

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/volunteers/{volunteer.Id}")).StatusCode);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync($"/api/volunteers/{volunteer.Id}")).StatusCode);
        var page = await (await coordination.GetAsync($"/Volunteers/Person/{volunteer.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("Zugriffe auf das Profil", page, StringComparison.Ordinal);
        Assert.Contains("Profil (API)", page, StringComparison.Ordinal);
        var reads = await coordination.GetFromJsonAsync<JsonElement>($"/api/volunteers/{volunteer.Id}/reads");
        Assert.Equal(2, reads.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/api/volunteers/{volunteer.Id}/reads")).StatusCode);

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE volunteers.mt_doc_volunteer_read_audit SET data = data || '{\"ReaderName\":\"niemand\"}' WHERE volunteer_id = @id", connection);
        update.Parameters.AddWithValue("id", volunteer.Id);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
    }
}
