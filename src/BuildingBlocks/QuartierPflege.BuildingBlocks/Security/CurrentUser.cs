using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace QuartierPflege.BuildingBlocks.Security;

/// <summary>The signed-in person as handlers need them: id for audit and ownership, roles for record-level rules.</summary>
public interface ICurrentUser
{
    Guid Id { get; }

    string DisplayName { get; }

    bool IsInRole(string role);
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User
        ?? throw new InvalidOperationException("No signed-in user in this context.");

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new InvalidOperationException("The signed-in user has no id claim.");

    public string DisplayName => Principal.FindFirstValue(QuartierPflegeClaims.DisplayName)
        ?? Principal.Identity?.Name ?? string.Empty;

    public bool IsInRole(string role) => Principal.IsInRole(role);
}

public static class QuartierPflegeClaims
{
    public const string DisplayName = "qp:display_name";
}
