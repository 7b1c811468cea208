using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using Marten;

namespace QuartierPflege.CaseManagement.Features.Residents.Concerns;

/// <summary>Anyone signed in reports a concern; the person is named in free text (name and/or address).</summary>
internal sealed record ReportConcernRequest(string? ResidentName, string? ResidentAddress, string? Description);

internal sealed class ReportConcernRequestValidator : AbstractValidator<ReportConcernRequest>
{
    public ReportConcernRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.ResidentName)
            .Must((r, name) => !string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(r.ResidentAddress))
            .WithMessage("Bitte geben Sie den Namen oder die Adresse der Person an (oder beides).")
            .Must(name => name is null || name.Trim().Length <= 200).WithMessage("Höchstens 200 Zeichen erlaubt.");
        RuleFor(r => r.ResidentAddress).Must(a => a is null || a.Trim().Length <= 300).WithMessage("Höchstens 300 Zeichen erlaubt.");
        RuleFor(r => r.Description)
            .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Bitte beschreiben Sie, was Ihnen aufgefallen ist.")
            .Must(d => d!.Trim().Length <= 4000).WithMessage("Höchstens 4000 Zeichen erlaubt.");
    }
}

internal sealed class ReportConcern(
    IDocumentSession session,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<ReportConcernRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(ReportConcernRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var concern = new Concern
        {
            ResidentName = Optional(request.ResidentName),
            ResidentAddress = Optional(request.ResidentAddress),
            Description = request.Description!.Trim(),
            ReportedBy = user.Id,
            ReportedByName = user.DisplayName,
            ReportedAt = clock.GetCurrentInstant(),
        };
        session.Insert(concern);
        audit.Record(AuditAction.Create, "Concern", concern.Id, "Hinweis gemeldet");
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(concern.Id);
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
