using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>One read of a payee's bank details by someone other than the payee.</summary>
internal sealed class PayeeReadAudit : VolunteerDataRead;

/// <summary>The bank-details read log.</summary>
internal sealed class PayeeReadLog(IDocumentStore store, ICurrentUser user, IClock clock)
    : VolunteerDataReadLog<PayeeReadAudit>(store, user, clock);
