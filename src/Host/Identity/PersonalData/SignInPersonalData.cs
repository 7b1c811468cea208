using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Host.Identity.PersonalData;

/// <summary>
/// The sign-in accounts as the record of processing activities lists them. They live in Identity's EF tables, not in
/// Marten, so the kind names no stored types. Accounts are not swept by age: a volunteer's account goes with the
/// volunteer's erasure (Art. 17), a staff account when coordination removes the person.
/// </summary>
internal sealed class SignInPersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Anmeldung";
    public const string AccountKind = "sign-in.account";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(AccountKind, "Anmeldekonto",
            "Mitarbeitende, Ehrenamtliche",
            "E-Mail-Adresse, Name, Rollen, Passwort (nur als Hash), fehlgeschlagene Anmeldungen, Sperre",
            "Anmeldung und Zugriffsrechte je Rolle.",
            "Art. 6 Abs. 1 lit. b DSGVO (Mitarbeit, Ehrenamtsvereinbarung); Art. 32 DSGVO (Sicherheit)",
            "niemand außerhalb des Programms",
            new RetentionRule("ab dem Ende der Mitarbeit (das Konto wird mit der Löschung der Person entfernt)", RetentionDuration.OfDays(0),
                RetentionDuration.OfDays(0), RetentionDuration.OfMonths(3), RetentionAction.Delete, null),
            []),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } = [];
}

/// <summary>The accounts' side of Art. 15 and the forecast: a volunteer's account, found by e-mail address.</summary>
internal sealed class SignInPersonalDataHolder(ISignInAccounts accounts) : IPersonalDataHolder
{
    public string Module => SignInPersonalData.ModuleName;

    public Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<RetentionCount>>([new RetentionCount(SignInPersonalData.AccountKind, 0, 0)]);

    // Not async itself: the Host may not hold contract types in fields (an async method's state machine would).
    public Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject is { Kind: DataSubjectKind.Volunteer, Email: { } email }
            ? ExportAsync(email)
            : Task.FromResult(new PersonalDataSection(Module, []));
    }

    private async Task<PersonalDataSection> ExportAsync(string email)
    {
        var account = await accounts.DescribeAsync(email);
        return account is null ? new PersonalDataSection(Module, []) : Section(account);
    }

    private PersonalDataSection Section(SignInAccountDescription account) => new(Module,
    [
        new PersonalDataRecord(SignInPersonalData.AccountKind, "Anmeldekonto",
        [
            new PersonalDataField("E-Mail-Adresse", account.Email),
            new PersonalDataField("Name", account.DisplayName),
            new PersonalDataField("Rollen", string.Join(", ", account.Roles)),
            new PersonalDataField("Passwort gesetzt", account.HasPassword ? "ja (gespeichert nur als Hash)" : "nein"),
            new PersonalDataField("Gesperrt", account.Locked ? "ja" : "nein"),
        ]),
    ]);

    public Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);
}
