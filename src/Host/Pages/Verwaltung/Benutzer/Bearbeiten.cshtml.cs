using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Host.Identity.Features.Users;

namespace QuartierPflege.Host.Pages.Verwaltung.Benutzer;

internal sealed class BearbeitenModel(ListUsers listUsers, ChangeUserAccess changeUserAccess) : PageModel
{
    [BindProperty]
    public EditUserForm Input { get; set; } = new();

    public string Email { get; private set; } = string.Empty;

    public string? LockedUntilText { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await listUsers.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        Show(user);
        Input = new EditUserForm
        {
            DisplayName = user.DisplayName,
            Roles = [.. user.Roles],
            Active = user.Active,
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = new ChangeUserAccessRequest(Input.DisplayName ?? string.Empty, Input.Roles, Input.Active,
            Input.NewPassword, Input.ConcurrencyStamp ?? string.Empty);
        var outcome = await changeUserAccess.HandleAsync(id, request, cancellationToken);
        if (outcome.Kind == BuildingBlocks.Web.OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            Input.NewPassword = null;
            if (await listUsers.FindAsync(id, cancellationToken) is { } user)
            {
                Show(user);
            }

            return Page();
        }

        Message = $"Die Änderungen für {request.DisplayName.Trim()} sind gespeichert.";
        return RedirectToPage("Index");
    }

    private void Show(UserSummary user)
    {
        Email = user.Email;
        LockedUntilText = user.LockedUntil is { } until
            ? $"Nach zu vielen Fehlversuchen gesperrt bis {GermanDates.Show(until)} Uhr."
            : null;
    }

    internal sealed class EditUserForm
    {
        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];

        public bool Active { get; set; }

        public string? NewPassword { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
