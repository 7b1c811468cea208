using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Host.Identity.PersonalData;

/// <summary>Art. 17 for a volunteer: the sign-in account goes for good; the confirmation comes from "Anmeldung".</summary>
public static class SignInAccountErasureHandler
{
    // Not async itself: the Host may not hold contract types in fields (an async method's state machine would).
    public static Task<DataSubjectErased> HandleAsync(EraseDataSubject command, ISignInAccounts accounts, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(accounts);
        return command.Subject is { Kind: DataSubjectKind.Volunteer, Email: { } email }
            ? EraseAsync(email, command.RequestId, accounts, clock)
            : Task.FromResult(Answer(command.RequestId, [], clock));
    }

    private static async Task<DataSubjectErased> EraseAsync(string email, Guid requestId, ISignInAccounts accounts, IClock clock)
    {
        var result = await accounts.EraseVolunteerAsync(email);
        return Answer(requestId, [Line(result)], clock);
    }

    private static ErasureLine Line(SignInAccountErasure result) => result switch
    {
        SignInAccountErasure.Deleted => new ErasureLine(SignInPersonalData.AccountKind, 1, 0, null, "Konto gelöscht; Anmeldung nicht mehr möglich."),
        SignInAccountErasure.VolunteerRoleRemoved => new ErasureLine(SignInPersonalData.AccountKind, 0, 0, null,
            "Konto bleibt für die Mitarbeit; die Rolle Ehrenamt ist entfernt."),
        _ => new ErasureLine(SignInPersonalData.AccountKind, 0, 0, null, "Kein Anmeldekonto."),
    };

    private static DataSubjectErased Answer(Guid requestId, IReadOnlyList<ErasureLine> lines, IClock clock)
        => new(Guid.NewGuid(), clock.GetCurrentInstant(), requestId, SignInPersonalData.ModuleName, lines);
}

/// <summary>Accounts are not swept by age (see <see cref="SignInPersonalData"/>): the sweep's report says so with zeros.</summary>
public static class SignInAccountsRetentionSweepHandler
{
    public static RetentionSwept Handle(RetentionSweep sweep, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), sweep.SweepId, SignInPersonalData.ModuleName,
            [new RetentionCount(SignInPersonalData.AccountKind, 0, 0)]);
    }
}
