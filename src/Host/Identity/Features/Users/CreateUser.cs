using FluentValidation;
using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Identity.Features.Users;

internal sealed record CreateUserRequest(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles);

internal sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Bitte geben Sie eine E-Mail-Adresse ein.")
            .EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse ein.")
            .MaximumLength(256).WithMessage("Die E-Mail-Adresse darf höchstens 256 Zeichen lang sein.");
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("Bitte geben Sie den Namen ein.")
            .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Bitte vergeben Sie ein Anfangspasswort.")
            .MaximumLength(256).WithMessage("Das Passwort darf höchstens 256 Zeichen lang sein.");
        RuleFor(r => r.Roles).ValidRoles();
    }
}

internal static class RoleRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ValidRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule)
        => rule
            .NotNull().WithMessage("Bitte wählen Sie mindestens eine Rolle.")
            .Must(roles => roles is { Count: > 0 }).WithMessage("Bitte wählen Sie mindestens eine Rolle.")
            .Must(roles => roles is null || roles.All(Roles.All.Contains))
            .WithMessage($"Unbekannte Rolle. Möglich sind: {string.Join(", ", Roles.All)}.");
}

internal sealed class CreateUser(UserManager<AppUser> users, IValidator<CreateUserRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var email = request.Email.Trim();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = request.DisplayName.Trim() };

        // Check the password first so that a rejected password leaves no half-created account behind.
        foreach (var passwordValidator in users.PasswordValidators)
        {
            var check = await passwordValidator.ValidateAsync(users, user, request.Password);
            if (!check.Succeeded)
            {
                return Outcome<Guid>.Invalid(check.ToFieldMessages());
            }
        }

        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return Outcome<Guid>.Invalid(created.ToFieldMessages());
        }

        var withRoles = await users.AddToRolesAsync(user, request.Roles.Distinct());
        if (!withRoles.Succeeded)
        {
            await users.DeleteAsync(user);
            return Outcome<Guid>.Invalid(withRoles.ToFieldMessages());
        }

        return Outcome<Guid>.Done(user.Id);
    }
}
