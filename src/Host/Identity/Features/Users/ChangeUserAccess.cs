using FluentValidation;
using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Identity.Features.Users;

/// <summary>
/// What coordination may change about an account: name, roles, active or not, and a new password. Re-activating an
/// account also lifts a lockout after failed sign-ins.
/// </summary>
internal sealed record ChangeUserAccessRequest(
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Active,
    string? NewPassword,
    string ConcurrencyStamp);

internal sealed class ChangeUserAccessRequestValidator : AbstractValidator<ChangeUserAccessRequest>
{
    public ChangeUserAccessRequestValidator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("Bitte geben Sie den Namen ein.")
            .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Roles).ValidRoles();
        RuleFor(r => r.NewPassword).MaximumLength(256).WithMessage("Das Passwort darf höchstens 256 Zeichen lang sein.");
        RuleFor(r => r.ConcurrencyStamp).NotEmpty().WithMessage("Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
    }
}

internal sealed class ChangeUserAccess(
    UserManager<AppUser> users,
    IdentityDb db,
    ICurrentUser currentUser,
    IValidator<ChangeUserAccessRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid userId, ChangeUserAccessRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Outcome<Guid>.NotFound("Das Benutzerkonto wurde nicht gefunden.");
        }

        if (user.ConcurrencyStamp != request.ConcurrencyStamp)
        {
            return Outcome<Guid>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        if (user.Id == currentUser.Id && (!request.Active || !request.Roles.Contains(Roles.Koordination)))
        {
            return Outcome<Guid>.Invalid("roles",
                "Sie können sich nicht selbst deaktivieren oder sich die Rolle Koordination entziehen.");
        }

        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            foreach (var passwordValidator in users.PasswordValidators)
            {
                var check = await passwordValidator.ValidateAsync(users, user, request.NewPassword);
                if (!check.Succeeded)
                {
                    return Outcome<Guid>.Invalid(check.ToFieldMessages().ToDictionary(
                        e => e.Key == "password" ? "newPassword" : e.Key, e => e.Value));
                }
            }
        }

        // All changes of one edit land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = request.DisplayName.Trim();
        user.LockoutEnd = request.Active ? null : DateTimeOffset.MaxValue;
        if (request.Active)
        {
            user.AccessFailedCount = 0;
        }

        var steps = new List<Func<Task<IdentityResult>>>
        {
            () => users.UpdateAsync(user),
            async () =>
            {
                var current = await users.GetRolesAsync(user);
                var removed = await users.RemoveFromRolesAsync(user, current.Except(request.Roles));
                return removed.Succeeded ? await users.AddToRolesAsync(user, request.Roles.Distinct().Except(current)) : removed;
            },
        };
        if (!request.Active)
        {
            // A new stamp makes every cookie of the account invalid at its next check (at most a minute away, see
            // IdentitySetup): deactivating ends the sessions, not only future sign-ins.
            steps.Add(() => users.UpdateSecurityStampAsync(user));
        }

        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            steps.Add(async () =>
            {
                var removed = await users.RemovePasswordAsync(user);
                return removed.Succeeded ? await users.AddPasswordAsync(user, request.NewPassword) : removed;
            });
        }

        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                    ? Outcome<Guid>.Conflict(ApiProblems.ConcurrentEditMessage)
                    : Outcome<Guid>.Invalid(result.ToFieldMessages());
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Done(user.Id);
    }
}
