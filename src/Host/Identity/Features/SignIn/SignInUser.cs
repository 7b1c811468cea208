using FluentValidation;
using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Identity.Features.SignIn;

internal sealed record SignInRequest(string Email, string Password);

internal sealed class SignInRequestValidator : AbstractValidator<SignInRequest>
{
    public SignInRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Bitte geben Sie Ihre E-Mail-Adresse ein.").MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().WithMessage("Bitte geben Sie Ihr Passwort ein.").MaximumLength(256);
    }
}

internal sealed record SignedInUser(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>
/// Cookie sign-in for the pages and the API alike. Failed attempts count towards the lockout (5 attempts, 15 minutes);
/// while locked, even the right password is refused.
/// </summary>
internal sealed class SignInUser(SignInManager<AppUser> signIn, IValidator<SignInRequest> validator)
{
    public const string WrongCredentials = "E-Mail-Adresse oder Passwort ist falsch.";

    public const string LockedOut =
        "Ihr Konto ist nach mehreren fehlgeschlagenen Anmeldeversuchen vorübergehend gesperrt. Bitte versuchen Sie es in 15 Minuten erneut oder wenden Sie sich an die Koordination.";

    public async Task<Outcome<SignedInUser>> HandleAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<SignedInUser>.Invalid(validation);
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            return Outcome<SignedInUser>.Invalid(string.Empty, WrongCredentials);
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Outcome<SignedInUser>.Invalid(string.Empty, LockedOut);
        }

        if (!result.Succeeded)
        {
            return Outcome<SignedInUser>.Invalid(string.Empty, WrongCredentials);
        }

        var roles = await signIn.UserManager.GetRolesAsync(user);
        return Outcome<SignedInUser>.Done(new SignedInUser(user.Id, user.Email!, user.DisplayName, [.. roles.Order()]));
    }
}
