using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.DataProtection;

internal sealed record LegalHoldRequest(string? Reason);

internal sealed class LegalHoldRequestValidator : AbstractValidator<LegalHoldRequest>
{
    public const int MaxReason = 1000;

    public LegalHoldRequestValidator()
    {
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Bitte geben Sie den Grund an.")
            .Must(r => r is null || r.Trim().Length <= MaxReason).WithMessage($"Der Grund darf höchstens {MaxReason} Zeichen lang sein.");
    }
}

/// <summary>
/// Sperrvermerk: coordination stops the retention sweep for a case (a lawsuit, an authority's request) and lifts it
/// again, each time with a reason that goes into the case's protocol.
/// </summary>
internal sealed class LegalHolds(IDocumentSession session, AuditTrail audit, ICurrentUser user, IClock clock, IValidator<LegalHoldRequest> validator)
{
    public Task<Outcome<bool>> SetAsync(Guid caseId, LegalHoldRequest request, CancellationToken cancellationToken)
        => ChangeAsync(caseId, request, hold: true, cancellationToken);

    public Task<Outcome<bool>> LiftAsync(Guid caseId, LegalHoldRequest request, CancellationToken cancellationToken)
        => ChangeAsync(caseId, request, hold: false, cancellationToken);

    private async Task<Outcome<bool>> ChangeAsync(Guid caseId, LegalHoldRequest request, bool hold, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<bool>.Invalid(validation);
        }

        if (await session.LoadAsync<Case>(caseId, cancellationToken) is not { } @case)
        {
            return Outcome<bool>.NotFound("Der Fall wurde nicht gefunden.");
        }

        if (@case.AnonymisedOn is not null)
        {
            return Outcome<bool>.Invalid(string.Empty, "Der Fall ist bereits anonymisiert; ein Sperrvermerk hält nichts mehr auf.");
        }

        var reason = request.Reason!.Trim();
        if (hold == @case.LegalHold is not null)
        {
            return Outcome<bool>.Invalid(string.Empty, hold ? "Der Fall hat bereits einen Sperrvermerk." : "Der Fall hat keinen Sperrvermerk.");
        }

        @case.LegalHold = hold ? new LegalHold(reason, user.Id, user.DisplayName, clock.GetCurrentInstant()) : null;
        session.StoreNextRevision(@case);
        audit.Record(AuditAction.Update, "Case", @case.Id,
            hold ? $"Sperrvermerk gesetzt (Aufbewahrung wegen Rechtsstreit): {reason}" : $"Sperrvermerk aufgehoben: {reason}",
            @case.ResidentId, @case.Id);
        return await session.SaveOrConflictAsync(hold, cancellationToken);
    }
}

internal static class LegalHoldEndpoints
{
    public static RouteGroupBuilder MapLegalHoldEndpoints(this RouteGroupBuilder api)
    {
        var hold = api.MapGroup("/cases/{id:guid}/legal-hold").RequireAuthorization(Policies.Administration);
        hold.MapPost(string.Empty, async (Guid id, LegalHoldRequest request, LegalHolds handler, CancellationToken ct) =>
                (await handler.SetAsync(id, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Sperrvermerk setzen: der Fall wird nicht anonymisiert, bis er aufgehoben ist (Grund Pflicht)");
        hold.MapPost("/lift", async (Guid id, LegalHoldRequest request, LegalHolds handler, CancellationToken ct) =>
                (await handler.LiftAsync(id, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Sperrvermerk aufheben (Grund Pflicht)");
        return api;
    }
}
