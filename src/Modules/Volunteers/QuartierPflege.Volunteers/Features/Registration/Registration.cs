using System.Text.RegularExpressions;
using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using Wolverine.Marten;

namespace QuartierPflege.Volunteers.Features.Registration;

/// <summary>What a neighbour enters to register, and (without e-mail) to change their profile.</summary>
internal sealed record ProfileInput(
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string? Street,
    string? HouseNumber,
    string? Flat,
    string? Quartier,
    LocalDate? BirthDate,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Availability,
    string? Skills,
    int? Version = null);

internal sealed partial class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public const int SkillsLimit = 1000;

    public ProfileInputValidator(IQuartierList quartiere, IClock clock)
    {
        RuleFor(r => r.FirstName).NotEmpty().WithMessage("Bitte geben Sie Ihren Vornamen ein.")
            .MaximumLength(100).WithMessage("Der Vorname darf höchstens 100 Zeichen lang sein.");
        RuleFor(r => r.LastName).NotEmpty().WithMessage("Bitte geben Sie Ihren Nachnamen ein.")
            .MaximumLength(100).WithMessage("Der Nachname darf höchstens 100 Zeichen lang sein.");
        RuleFor(r => r.Email).NotEmpty().WithMessage("Bitte geben Sie Ihre E-Mail-Adresse ein.")
            .MaximumLength(256).WithMessage("Die E-Mail-Adresse darf höchstens 256 Zeichen lang sein.")
            .Must(e => e is null || EmailPattern().IsMatch(e.Trim())).WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse ein (z. B. name@beispiel.de).");
        RuleFor(r => r.Phone).NotEmpty().WithMessage("Bitte geben Sie eine Telefonnummer ein.")
            .MaximumLength(30).WithMessage("Die Telefonnummer darf höchstens 30 Zeichen lang sein.")
            .Must(p => p is null || PhonePattern().IsMatch(p.Trim())).WithMessage("Bitte geben Sie eine gültige Telefonnummer ein (Ziffern, z. B. 03431 123456 oder +49 171 1234567).");
        RuleFor(r => r.Street).NotEmpty().WithMessage("Bitte geben Sie Ihre Straße ein.")
            .MaximumLength(150).WithMessage("Die Straße darf höchstens 150 Zeichen lang sein.");
        RuleFor(r => r.HouseNumber).NotEmpty().WithMessage("Bitte geben Sie die Hausnummer ein.")
            .MaximumLength(10).WithMessage("Die Hausnummer darf höchstens 10 Zeichen lang sein.");
        RuleFor(r => r.Flat).MaximumLength(50).WithMessage("Die Wohnungsangabe darf höchstens 50 Zeichen lang sein.");
        RuleFor(r => r.Quartier).NotEmpty().WithMessage("Bitte wählen Sie Ihr Quartier.")
            .MustAsync(async (q, ct) => q is null || (await quartiere.FindAsync(q, ct)) is { Active: true })
            .WithMessage("Bitte wählen Sie ein Quartier aus der Liste.");
        RuleFor(r => r.BirthDate).NotNull().WithMessage("Bitte geben Sie Ihr Geburtsdatum ein.")
            .Must(d => d is null || (d < clock.Today() && d > clock.Today().PlusYears(-110))).WithMessage("Bitte geben Sie ein gültiges Geburtsdatum ein.")
            .Must(d => d is null || d <= clock.Today().PlusYears(-16)).WithMessage("Mitmachen können Sie ab 16 Jahren.");
        RuleFor(r => r.Languages).Must(l => l is null || (l.Count <= 10 && l.All(x => x.Length <= 50)))
            .WithMessage("Bitte nennen Sie höchstens 10 Sprachen mit je höchstens 50 Zeichen.");
        RuleFor(r => r.Availability).Must(a => a is null || a.All(Domain.Availability.AllSlots.Contains))
            .WithMessage("Bitte wählen Sie die Zeiten aus der Liste.");
        RuleFor(r => r.Skills).MaximumLength(SkillsLimit).WithMessage($"Die Fähigkeiten dürfen höchstens {SkillsLimit} Zeichen lang sein.");
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 /()-]{4,28}$")]
    private static partial Regex PhonePattern();
}

internal sealed class Register(IDocumentSession session, IValidator<ProfileInput> validator, IClock clock)
{
    /// <summary>At most this many registrations in ten minutes (all together): a script filling the form is slowed down.</summary>
    public const int RegistrationsPerTenMinutes = 30;

    public async Task<Outcome<Guid>> HandleAsync(ProfileInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var now = clock.GetCurrentInstant();
        var since = now - Duration.FromMinutes(10);
        if (await session.Query<Volunteer>().CountAsync(v => v.RegisteredAt > since, cancellationToken) >= RegistrationsPerTenMinutes)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Gerade melden sich sehr viele an. Bitte versuchen Sie es in einigen Minuten noch einmal.");
        }

        var email = input.Email!.Trim();
        var lower = email.ToLowerInvariant();
        if (await session.Query<Volunteer>().AnyAsync(v => v.Email == lower, cancellationToken))
        {
            // Says no more than that the address is known: the coordinator will get in touch either way.
            return Outcome<Guid>.Invalid("email", "Mit dieser E-Mail-Adresse hat sich schon jemand angemeldet. Bitte melden Sie sich bei der Koordination.");
        }

        var volunteer = new Volunteer
        {
            FirstName = input.FirstName!.Trim(),
            LastName = input.LastName!.Trim(),
            Email = lower,
            Phone = input.Phone!.Trim(),
            Street = input.Street!.Trim(),
            HouseNumber = input.HouseNumber!.Trim(),
            Flat = string.IsNullOrWhiteSpace(input.Flat) ? null : input.Flat.Trim(),
            Quartier = input.Quartier!,
            BirthDate = input.BirthDate!.Value,
            Languages = [.. (input.Languages ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            Availability = [.. (input.Availability ?? []).Distinct(StringComparer.Ordinal)],
            Skills = input.Skills?.Trim() ?? string.Empty,
            RegisteredAt = now,
            Status = VolunteerStatus.Registered,
        };
        session.Insert(volunteer);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(volunteer.Id);
    }
}

/// <summary>
/// A coordinator confirms a registration: the Host creates the <c>Ehrenamt</c> account, the invitation goes out by mail
/// and <c>volunteer-registered</c> is published. Confirming again (e.g. after a failure) creates nothing twice.
/// </summary>
internal sealed class ConfirmVolunteer(IDocumentSession session, IMartenOutbox outbox, IVolunteerAccounts accounts, IClock clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var volunteer = await session.LoadAsync<Volunteer>(volunteerId, cancellationToken);
        if (volunteer is null)
        {
            return Outcome<Guid>.NotFound("Die ehrenamtliche Person wurde nicht gefunden.");
        }

        if (volunteer.Status != VolunteerStatus.Registered)
        {
            return Outcome<Guid>.Conflict("Diese Anmeldung ist schon bestätigt.");
        }

        var account = await accounts.CreateAsync(volunteer.Email, volunteer.DisplayName, cancellationToken);
        if (account is null)
        {
            return Outcome<Guid>.Conflict("Für diese E-Mail-Adresse gibt es schon ein Konto, das nicht zum Ehrenamt gehört. Bitte klären Sie das mit der Person.");
        }

        var now = clock.GetCurrentInstant();
        volunteer.UserId = account.UserId;
        volunteer.Status = VolunteerStatus.Confirmed;
        session.UpdateRevision(volunteer, volunteer.Version + 1);
        await outbox.PublishAsync(new VolunteerRegistered(Guid.NewGuid(), now, volunteer.Id, volunteer.DisplayName, volunteer.Email, volunteer.Quartier));
        await outbox.PublishAsync(new VolunteerInvited(Guid.NewGuid(), now, volunteer.Id, volunteer.DisplayName, volunteer.Email, account.InvitationPath));
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(account.UserId);
    }
}

internal sealed class UpdateProfile(IDocumentSession session, IValidator<ProfileInput> validator, VolunteerAccess access)
{
    public async Task<Outcome<int>> HandleAsync(Guid volunteerId, ProfileInput input, CancellationToken cancellationToken)
    {
        var volunteer = await access.VisibleAsync(volunteerId, cancellationToken);
        if (volunteer is null)
        {
            return Outcome<int>.NotFound("Die ehrenamtliche Person wurde nicht gefunden.");
        }

        // The e-mail address is the sign-in name: it is not changed here.
        var validation = await validator.ValidateAsync(input with { Email = volunteer.Email }, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (input.Version is null)
        {
            return Outcome<int>.Invalid("version", "Die Version des Profils fehlt. Bitte laden Sie die Seite neu.");
        }

        if (input.Version != volunteer.Version)
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        volunteer.FirstName = input.FirstName!.Trim();
        volunteer.LastName = input.LastName!.Trim();
        volunteer.Phone = input.Phone!.Trim();
        volunteer.Street = input.Street!.Trim();
        volunteer.HouseNumber = input.HouseNumber!.Trim();
        volunteer.Flat = string.IsNullOrWhiteSpace(input.Flat) ? null : input.Flat.Trim();
        volunteer.Quartier = input.Quartier!;
        volunteer.BirthDate = input.BirthDate!.Value;
        volunteer.Languages = [.. (input.Languages ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        volunteer.Availability = [.. (input.Availability ?? []).Distinct(StringComparer.Ordinal)];
        volunteer.Skills = input.Skills?.Trim() ?? string.Empty;
        session.UpdateRevision(volunteer, volunteer.Version + 1);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (BuildingBlocks.Documents.ConcurrentEdits.IsConflict(e))
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        return Outcome<int>.Done(volunteer.Version + 1);
    }
}
