using Marten;
using NodaTime;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using Wolverine;

namespace QuartierPflege.Volunteers.Features.Expiry;

/// <summary>
/// The daily check: for each certificate lapsing within 60 days, the one warning due (60, 30 or 7 days before) unless it
/// was sent; and on the day a certificate lapses, the enrolments needing it are suspended. A warning is remembered as a
/// document whose id is the certificate and threshold, in the same transaction as its message: the same day run twice
/// sends nothing new, and two Hosts at once fail the second insert, whose retry finds the warning sent. A certificate
/// renewed in time (a newer valid one of the same course) is not warned about.
/// </summary>
public static class CheckTrainingExpiryHandler
{
    internal static readonly int[] Thresholds = [7, 30, 60];

    /// <summary>How far back lapsed certificates are looked at: a check missed for some days still suspends.</summary>
    internal const int LapseLookBackDays = 30;

    public static async Task<OutgoingMessages> HandleAsync(CheckTrainingExpiry message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var date = message.Date;
        var now = clock.GetCurrentInstant();
        var horizon = date.PlusDays(Thresholds[^1]);
        var lookBack = date.PlusDays(-LapseLookBackDays);

        var relevant = await session.Query<Certificate>()
            .Where(c => c.ExpiresOn != null && c.ExpiresOn > lookBack && c.ExpiresOn <= horizon && c.Verified)
            .ToListAsync(cancellationToken);
        if (relevant.Count == 0)
        {
            return outgoing;
        }

        var volunteerIds = relevant.Select(c => c.VolunteerId).Distinct().ToArray();
        var all = (await session.Query<Certificate>().Where(c => volunteerIds.Contains(c.VolunteerId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.VolunteerId).ToDictionary(g => g.Key, g => g.ToList());
        var volunteers = (await session.LoadManyAsync<Volunteer>(cancellationToken, volunteerIds)).ToDictionary(v => v.Id);

        var expiring = relevant.Where(c => c.ExpiresOn > date && !Renewed(c, all[c.VolunteerId])).ToList();
        var warningIds = expiring.Select(c => ExpiryWarning.IdOf(c.Id, ThresholdFor(c, date))).ToArray();
        var sent = (await session.LoadManyAsync<ExpiryWarning>(cancellationToken, warningIds)).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var certificate in expiring)
        {
            var threshold = ThresholdFor(certificate, date);
            var id = ExpiryWarning.IdOf(certificate.Id, threshold);
            if (sent.Contains(id) || !volunteers.TryGetValue(certificate.VolunteerId, out var volunteer) || volunteer.Status != VolunteerStatus.Confirmed)
            {
                continue;
            }

            var daysLeft = Period.Between(date, certificate.ExpiresOn!.Value, PeriodUnits.Days).Days;
            session.Insert(new ExpiryWarning { Id = id, CertificateId = certificate.Id, DaysBefore = threshold, SentAt = now });
            outgoing.Add(new TrainingExpiring(Guid.NewGuid(), now, volunteer.Id, volunteer.Email, volunteer.DisplayName, certificate.Id,
                certificate.CourseName, certificate.ExpiresOn.Value, daysLeft));
        }

        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        foreach (var volunteerId in relevant.Where(c => c.ExpiresOn <= date).Select(c => c.VolunteerId).Distinct())
        {
            if (!volunteers.TryGetValue(volunteerId, out var volunteer) || volunteer.ActiveRoles.Count == 0)
            {
                continue;
            }

            var changes = Enrolments.Reevaluate(volunteer, roles, all[volunteerId], date, now);
            if (changes.Count == 0)
            {
                continue;
            }

            foreach (var change in changes)
            {
                outgoing.Add(change);
            }

            session.UpdateRevision(volunteer, volunteer.Version + 1);
        }

        return outgoing;
    }

    /// <summary>The smallest threshold the days left fall under: 20 days left is the 30-day warning, never the 60-day one as well.</summary>
    internal static int ThresholdFor(Certificate certificate, LocalDate date)
    {
        var daysLeft = Period.Between(date, certificate.ExpiresOn!.Value, PeriodUnits.Days).Days;
        return Thresholds.First(t => daysLeft <= t);
    }

    private static bool Renewed(Certificate certificate, List<Certificate> ofVolunteer)
        => ofVolunteer.Any(o => o.Id != certificate.Id && o.CourseKey == certificate.CourseKey && o.Verified
                                && (o.ExpiresOn is null || o.ExpiresOn > certificate.ExpiresOn));
}
