using System.Net.Mail;
using System.Text.RegularExpressions;
using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Quartiere.Contracts;
using Wolverine.Marten;

namespace QuartierPflege.Partners.Directory;

internal sealed record ContactPersonInput(string? Name, string? Role, string? Phone, string? Email, bool ForReferrals);

/// <summary>A partner as coordination enters it; <see cref="Version"/> is the revision read (edits only).</summary>
internal sealed record SavePartnerRequest(
    string? Name,
    string? Kind,
    List<string>? ServiceCategories,
    List<string>? Quartiere,
    string? Address,
    string? Phone,
    string? Email,
    string? Website,
    string? OpeningHours,
    List<string>? Languages,
    List<ContactPersonInput>? ContactPersons,
    PartnerCapacity? Capacity,
    int? Version = null);

/// <summary>The shapes of contact data; shared by the partner's own fields and its contact persons.</summary>
internal static partial class ContactRules
{
    public const string EmailMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an (z. B. name@beispiel.de).";
    public const string PhoneMessage = "Bitte geben Sie eine gültige Telefonnummer an (Ziffern, Leerzeichen, + / - ( ) erlaubt).";
    public const string WebsiteMessage = "Bitte geben Sie eine gültige Internetadresse an, die mit http:// oder https:// beginnt.";

    public static bool IsEmail(string? value)
        => string.IsNullOrWhiteSpace(value)
           || (MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal));

    public static bool IsPhone(string? value)
        => string.IsNullOrWhiteSpace(value) || (Phone().IsMatch(value.Trim()) && value.Count(char.IsAsciiDigit) >= 5);

    public static bool IsWebsite(string? value)
        => string.IsNullOrWhiteSpace(value)
           || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal));

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\+?[0-9 ()/\-]{5,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}

internal sealed class SavePartnerRequestValidator : AbstractValidator<SavePartnerRequest>
{
    public const int MaxContacts = 10;

    public SavePartnerRequestValidator(IQuartierList quartiere)
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Bitte geben Sie den Namen des Partners an.")
            .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Kind).NotEmpty().WithMessage("Bitte wählen Sie die Art des Partners.")
            .Must(k => k is null || PartnerKinds.Names.ContainsKey(k)).WithMessage("Diese Art von Partner gibt es nicht.");
        RuleFor(r => r.ServiceCategories).NotEmpty().WithMessage("Bitte wählen Sie mindestens eine Leistungsart.");
        RuleForEach(r => r.ServiceCategories).Must(c => c is not null && ServiceCategories.IsKnown(c)).WithMessage("Diese Leistungsart gibt es nicht.");
        RuleFor(r => r.Quartiere).NotEmpty().WithMessage("Bitte wählen Sie mindestens ein Quartier.");
        RuleForEach(r => r.Quartiere)
            .MustAsync(async (q, ct) => q is not null && await quartiere.FindAsync(q, ct) is not null)
            .WithMessage((_, q) => $"Das Quartier „{q}“ steht nicht in der Liste der Quartiere.");
        RuleForEach(r => r.Languages).Must(l => l is not null && PartnerLanguages.Names.ContainsKey(l)).WithMessage("Diese Sprache steht nicht zur Auswahl.");
        RuleFor(r => r.Address).MaximumLength(300).WithMessage("Die Anschrift darf höchstens 300 Zeichen lang sein.");
        RuleFor(r => r.Phone).MaximumLength(30).WithMessage("Die Telefonnummer darf höchstens 30 Zeichen lang sein.")
            .Must(ContactRules.IsPhone).WithMessage(ContactRules.PhoneMessage);
        RuleFor(r => r.Email).MaximumLength(200).WithMessage("Die E-Mail-Adresse darf höchstens 200 Zeichen lang sein.")
            .Must(ContactRules.IsEmail).WithMessage(ContactRules.EmailMessage);
        RuleFor(r => r.Website).MaximumLength(300).WithMessage("Die Internetadresse darf höchstens 300 Zeichen lang sein.")
            .Must(ContactRules.IsWebsite).WithMessage(ContactRules.WebsiteMessage);
        RuleFor(r => r.OpeningHours).MaximumLength(1000).WithMessage("Die Öffnungszeiten dürfen höchstens 1000 Zeichen lang sein.");
        RuleFor(r => r.Capacity).NotNull().WithMessage("Bitte geben Sie an, ob der Partner Menschen aufnimmt.")
            .IsInEnum().WithMessage("Diese Angabe zur Aufnahme gibt es nicht.");
        RuleFor(r => r.ContactPersons).Must(c => c is null || c.Count <= MaxContacts)
            .WithMessage($"Es sind höchstens {MaxContacts} Ansprechpersonen möglich.");
        RuleForEach(r => r.ContactPersons).ChildRules(c =>
        {
            c.RuleFor(p => p.Name).NotEmpty().WithMessage("Bitte geben Sie den Namen der Ansprechperson an.")
                .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
            c.RuleFor(p => p.Role).MaximumLength(100).WithMessage("Die Funktion darf höchstens 100 Zeichen lang sein.");
            c.RuleFor(p => p.Phone).MaximumLength(30).WithMessage("Die Telefonnummer darf höchstens 30 Zeichen lang sein.")
                .Must(ContactRules.IsPhone).WithMessage(ContactRules.PhoneMessage);
            c.RuleFor(p => p.Email).MaximumLength(200).WithMessage("Die E-Mail-Adresse darf höchstens 200 Zeichen lang sein.")
                .Must(ContactRules.IsEmail).WithMessage(ContactRules.EmailMessage);
        });
    }
}

/// <summary>
/// Creates or edits a partner (coordination). Every changed field is written to the partner's history in the same
/// save; an edit of a stale revision is refused (409). Status changes have their own use case (they publish).
/// </summary>
internal sealed class SavePartner(IDocumentSession session, IMartenOutbox outbox, ICurrentUser user, IClock clock, IValidator<SavePartnerRequest> validator)
{
    public async Task<Outcome<Guid>> CreateAsync(SavePartnerRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var name = request.Name!.Trim();
        if (await session.Query<Partner>().AnyAsync(p => p.Name == name, cancellationToken))
        {
            return Outcome<Guid>.Invalid("name", "Es gibt schon einen Partner mit diesem Namen.");
        }

        var partner = new Partner { Name = name };
        Apply(partner, request, recordHistory: false);
        partner.History.Add(new PartnerChange(clock.GetCurrentInstant(), user.Id, user.DisplayName, "Angelegt", null, name));
        session.Insert(partner);
        return await session.SaveOrConflictAsync(outbox, partner.Id, cancellationToken);
    }

    public async Task<Outcome<int>> UpdateAsync(Guid id, SavePartnerRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (request.Version is not { } version)
        {
            return Outcome<int>.Invalid("version", "Die Version des gelesenen Stands fehlt. Bitte laden Sie die Seite neu.");
        }

        var partner = await session.LoadAsync<Partner>(id, cancellationToken);
        if (partner is null)
        {
            return Outcome<int>.NotFound("Der Netzwerkpartner wurde nicht gefunden.");
        }

        var name = request.Name!.Trim();
        if (name != partner.Name && await session.Query<Partner>().AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
        {
            return Outcome<int>.Invalid("name", "Es gibt schon einen Partner mit diesem Namen.");
        }

        var changes = Apply(partner, request, recordHistory: true);
        if (changes == 0)
        {
            return version == partner.Version ? Outcome<int>.Done(version) : Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        session.UpdateRevision(partner, version + 1L);
        return await session.SaveOrConflictAsync(outbox, version + 1, cancellationToken);
    }

    private int Apply(Partner partner, SavePartnerRequest request, bool recordHistory)
    {
        var now = clock.GetCurrentInstant();
        var changes = 0;

        void Track<TValue>(string what, TValue before, TValue after, Func<TValue, string?> show, Action<TValue> set)
        {
            var was = show(before);
            var now2 = show(after);
            if (was == now2)
            {
                return;
            }

            set(after);
            changes++;
            if (recordHistory)
            {
                partner.History.Add(new PartnerChange(now, user.Id, user.DisplayName, what, was, now2));
            }
        }

        static string? List(IEnumerable<string> values, Func<string, string> name) => string.Join(", ", values.Select(name));

        Track("Name", partner.Name, request.Name!.Trim(), v => v, v => partner.Name = v);
        Track("Art", partner.Kind, request.Kind!, PartnerKinds.NameOf, v => partner.Kind = v);
        Track("Leistungsarten", partner.ServiceCategories, [.. request.ServiceCategories!.Distinct()], v => List(v, ServiceCategories.NameOf), v => partner.ServiceCategories = v);
        Track("Quartiere", partner.Quartiere, [.. request.Quartiere!.Distinct()], v => List(v, q => q), v => partner.Quartiere = v);
        Track("Anschrift", partner.Address, ContactRules.Clean(request.Address), v => v, v => partner.Address = v);
        Track("Telefon", partner.Phone, ContactRules.Clean(request.Phone), v => v, v => partner.Phone = v);
        Track("E-Mail", partner.Email, ContactRules.Clean(request.Email), v => v, v => partner.Email = v);
        Track("Internet", partner.Website, ContactRules.Clean(request.Website), v => v, v => partner.Website = v);
        Track("Öffnungszeiten", partner.OpeningHours, ContactRules.Clean(request.OpeningHours), v => v, v => partner.OpeningHours = v);
        Track("Sprachen", partner.Languages, [.. (request.Languages ?? []).Distinct()], v => List(v, PartnerLanguages.NameOf), v => partner.Languages = v);
        Track("Aufnahme", partner.Capacity, request.Capacity!.Value, PartnerTexts.Of, v => partner.Capacity = v);
        var contacts = (request.ContactPersons ?? [])
            .Select(c => new ContactPerson(c.Name!.Trim(), ContactRules.Clean(c.Role), ContactRules.Clean(c.Phone), ContactRules.Clean(c.Email), c.ForReferrals))
            .ToList();
        Track("Ansprechpersonen", partner.ContactPersons, contacts, ShowContacts, v => partner.ContactPersons = v);
        partner.RefreshSearchText();
        return changes;
    }

    private static string ShowContacts(List<ContactPerson> contacts)
        => string.Join("; ", contacts.Select(c => string.Join(", ", new[] { c.Name, c.Role, c.Phone, c.Email, c.ForReferrals ? "für Vermittlungen" : null }
            .Where(s => s is not null))));
}
