using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>Writes and lists the reads of partners' contact persons (Koordination sees them on the partner page).</summary>
internal sealed class ContactReadAudit(IDocumentSession session, ICurrentUser user, IClock clock)
{
    public const string OnPage = "Partnerseite";
    public const string OnApi = "API";

    /// <summary>How many entries the partner page shows (newest first).</summary>
    public const int Shown = 50;

    /// <summary>Records that the current user was shown the partner's contact persons; a partner without any leaves no entry.</summary>
    public async Task RecordAsync(Partner partner, string where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        if (partner.ContactPersons.Count == 0)
        {
            return;
        }

        session.Insert(new PartnerContactRead
        {
            PartnerId = partner.Id,
            ReadAt = clock.GetCurrentInstant(),
            ReaderId = user.Id,
            ReaderName = user.DisplayName,
            Where = where,
            ContactCount = partner.ContactPersons.Count,
        });
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PartnerContactRead>> LatestAsync(Guid partnerId, CancellationToken cancellationToken)
        => await session.Query<PartnerContactRead>().Where(r => r.PartnerId == partnerId)
            .OrderByDescending(r => r.ReadAt).Take(Shown).ToListAsync(cancellationToken);
}
