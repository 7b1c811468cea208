using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;
using Wolverine.Marten;

namespace QuartierPflege.Compensation.Features.Payees;

/// <summary>
/// What a volunteer enters about being paid: IBAN, account holder and, for the running calendar year, how much of each
/// allowance they already use elsewhere (empty means nothing). <see cref="Version"/> is the revision read.
/// </summary>
internal sealed record SaveBankDetailsRequest(string? Iban, string? AccountHolder, decimal? DeclaredEhrenamtspauschale, decimal? DeclaredUebungsleiterpauschale, int? Version);

internal sealed class SaveBankDetailsRequestValidator : AbstractValidator<SaveBankDetailsRequest>
{
    public const int MaxHolderLength = 70;

    public SaveBankDetailsRequestValidator()
    {
        RuleFor(r => r.Iban).NotEmpty().WithMessage("Bitte geben Sie Ihre IBAN ein.")
            .MaximumLength(Sepa.Iban.MaxInputLength).WithMessage($"Die IBAN darf mit Leerzeichen höchstens {Sepa.Iban.MaxInputLength} Zeichen lang sein.")
            .DependentRules(() => RuleFor(r => r.Iban).MustBeIban());
        RuleFor(r => r.AccountHolder).NotEmpty().WithMessage("Bitte geben Sie den Namen der Kontoinhaberin oder des Kontoinhabers ein.")
            .Must(h => h is null || DkCharacters.Convert(h.Trim()).Value.Length <= MaxHolderLength)
            .WithMessage($"Der Name der Kontoinhaberin oder des Kontoinhabers darf höchstens {MaxHolderLength} Zeichen lang sein (Umlaute und ß zählen doppelt, wie die Bank sie schreibt).")
            .Must(h => h is null || (DkCharacters.Convert(h.Trim()) is { Replaced: false } dk && dk.Value.Any(char.IsAsciiLetter)))
            .WithMessage("Bitte schreiben Sie den Namen in lateinischen Buchstaben (Umlaute, ß und Akzente sind erlaubt), wie er bei der Bank geführt wird.");
        RuleFor(r => r.DeclaredEhrenamtspauschale).InclusiveBetween(0m, 100_000m).WithMessage("Der anderweitig genutzte Betrag muss zwischen 0 und 100.000 € liegen.")
            .Must(v => v is null || decimal.Round(v.Value, 2) == v.Value).WithMessage("Beträge höchstens mit zwei Nachkommastellen (Cent).");
        RuleFor(r => r.DeclaredUebungsleiterpauschale).InclusiveBetween(0m, 100_000m).WithMessage("Der anderweitig genutzte Betrag muss zwischen 0 und 100.000 € liegen.")
            .Must(v => v is null || decimal.Round(v.Value, 2) == v.Value).WithMessage("Beträge höchstens mit zwei Nachkommastellen (Cent).");
        RuleFor(r => r.Version).NotNull().WithMessage("Die Version fehlt. Bitte laden Sie die Seite neu.");
    }
}

/// <summary>
/// Saves the signed-in volunteer's own bank details and declaration. Every change is recorded on the payee (who, when,
/// what; an IBAN only by its last four characters) and mailed to the volunteer through <see cref="BankDetailsChanged"/>,
/// in the same transaction. Saving what is already stored changes nothing and mails nothing.
/// </summary>
internal sealed class SaveBankDetails(
    IDocumentSession session, IMartenOutbox outbox, IClock clock, ICurrentUser user, PayeeAccess access, IValidator<SaveBankDetailsRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(Guid volunteerId, SaveBankDetailsRequest request, CancellationToken cancellationToken)
    {
        if (!await access.IsSelfAsync(volunteerId, cancellationToken))
        {
            return Outcome<int>.Denied(PayeeAccess.NotFoundMessage);
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        var payee = await session.LoadAsync<Payee>(volunteerId, cancellationToken);
        if (payee is null)
        {
            return Outcome<int>.NotFound("Ihre Auszahlungsdaten sind noch nicht angelegt. Das geschieht, sobald die Koordination Ihre Anmeldung bestätigt hat.");
        }

        if (request.Version!.Value != payee.Version)
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        var year = clock.Today().Year;
        var iban = Sepa.Iban.Parse(request.Iban).Value;
        var holder = request.AccountHolder!.Trim();
        var declaration = new AllowanceDeclaration(year, request.DeclaredEhrenamtspauschale ?? 0m, request.DeclaredUebungsleiterpauschale ?? 0m);
        var changes = Changes(payee, iban, holder, declaration);
        if (changes.Count == 0)
        {
            return Outcome<int>.Done(payee.Version);
        }

        var now = clock.GetCurrentInstant();
        payee.Iban = iban;
        payee.AccountHolder = holder;
        payee.Declarations.RemoveAll(d => d.Year == year);
        payee.Declarations.Add(declaration);
        payee.History.Add(new PayeeChange(now, user.Id, user.DisplayName, string.Join(" ", changes)));
        var next = payee.Version + 1;
        session.UpdateRevision(payee, next);
        await outbox.PublishAsync(new BankDetailsChanged(Guid.NewGuid(), now, payee.Id, payee.Email, payee.DisplayName, user.DisplayName, changes));
        return await session.SaveOrConflictAsync(outbox, next, cancellationToken);
    }

    /// <summary>The last four characters, all an audit line or a mail may show of an IBAN.</summary>
    public static string Ending(string iban) => iban[^4..];

    private static List<string> Changes(Payee payee, string iban, string holder, AllowanceDeclaration declaration)
    {
        var changes = new List<string>();
        if (payee.Iban is null)
        {
            changes.Add($"IBAN eingetragen (endet auf {Ending(iban)}).");
        }
        else if (!string.Equals(payee.Iban, iban, StringComparison.Ordinal))
        {
            changes.Add($"IBAN geändert (bisher endend auf {Ending(payee.Iban)}, jetzt auf {Ending(iban)}).");
        }

        if (!string.Equals(payee.AccountHolder, holder, StringComparison.Ordinal))
        {
            changes.Add(payee.AccountHolder is null ? $"Kontoinhaber eingetragen: {holder}." : $"Kontoinhaber geändert: {holder} (bisher {payee.AccountHolder}).");
        }

        var before = payee.Declarations.FirstOrDefault(d => d.Year == declaration.Year) ?? new AllowanceDeclaration(declaration.Year, 0m, 0m);
        if (before != declaration)
        {
            changes.Add($"Erklärung {declaration.Year}: anderweitig genutzt Ehrenamtspauschale {GermanMonths.Euro(declaration.Ehrenamtspauschale)}, "
                + $"Übungsleiterpauschale {GermanMonths.Euro(declaration.Uebungsleiterpauschale)}.");
        }

        return changes;
    }
}
