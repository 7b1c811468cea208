using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Features.Planning.Plan;

/// <summary>
/// A problem situation with the alternatives considered and the path chosen with the resident. For a change,
/// <paramref name="Version"/> is the version that was read (409 when someone saved in between).
/// </summary>
internal sealed record ProblemRequest(
    ProblemKind? Kind,
    string? OtherText,
    string? Description,
    List<string>? Alternatives,
    string? ChosenAlternative,
    string? ChoiceReason,
    int? Version = null);

internal sealed class ProblemRequestValidator : AbstractValidator<ProblemRequest>
{
    public ProblemRequestValidator()
    {
        RuleFor(r => r.Kind).NotNull().WithMessage("Bitte wählen Sie die Problemlage.")
            .IsInEnum().WithMessage("Diese Problemlage ist nicht bekannt.");
        RuleFor(r => r.OtherText).NotEmpty().When(r => r.Kind == ProblemKind.Other)
            .WithMessage("Bitte beschreiben Sie bei „Sonstiges“ kurz, worum es geht.");
        RuleFor(r => r.OtherText).MaximumLength(200).WithMessage("Die Bezeichnung darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Description).MaximumLength(2000).WithMessage("Die Beschreibung darf höchstens 2000 Zeichen lang sein.");
        RuleFor(r => r.Alternatives).Must(a => a is null || a.Count <= 10).WithMessage("Bitte nennen Sie höchstens 10 Lösungswege.");
        RuleForEach(r => r.Alternatives).NotEmpty().WithMessage("Ein Lösungsweg darf nicht leer sein.")
            .MaximumLength(1000).WithMessage("Ein Lösungsweg darf höchstens 1000 Zeichen lang sein.");
        RuleFor(r => r.ChosenAlternative).MaximumLength(1000).WithMessage("Der gewählte Weg darf höchstens 1000 Zeichen lang sein.");
        RuleFor(r => r.ChoiceReason).NotEmpty().When(r => !string.IsNullOrWhiteSpace(r.ChosenAlternative))
            .WithMessage("Bitte begründen Sie, warum dieser Weg mit der Bewohnerin oder dem Bewohner gewählt wurde.");
        RuleFor(r => r.ChoiceReason).MaximumLength(2000).WithMessage("Die Begründung darf höchstens 2000 Zeichen lang sein.");
    }
}

internal sealed class SaveProblem(PlanningCases cases, IDocumentSession session, AuditTrail audit, IClock clock, IValidator<ProblemRequest> validator)
{
    public async Task<Outcome<Guid>> AddAsync(Guid caseId, ProblemRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var (@case, refusal) = await cases.EditableAsync<Guid>(caseId, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var problem = new ProblemSituation { CaseId = @case.Id, CreatedAt = clock.GetCurrentInstant() };
        Apply(problem, request);
        session.Insert(problem);
        audit.Record(AuditAction.Create, "ProblemSituation", problem.Id, $"Problemlage angelegt: {problem.Title}", @case.ResidentId, @case.Id);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(problem.Id);
    }

    public async Task<Outcome<Guid>> ChangeAsync(Guid caseId, Guid problemId, ProblemRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        if (request.Version is not { } version)
        {
            return Outcome<Guid>.Invalid("version", PlanningCases.VersionMissingMessage);
        }

        var (@case, refusal) = await cases.EditableAsync<Guid>(caseId, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var problem = await session.LoadAsync<ProblemSituation>(problemId, cancellationToken);
        if (problem is null || problem.CaseId != caseId)
        {
            return Outcome<Guid>.NotFound(PlanningCases.ProblemNotFoundMessage);
        }

        Apply(problem, request);
        cases.StoreSeen(problem, version);
        audit.Record(AuditAction.Update, "ProblemSituation", problem.Id, $"Problemlage geändert: {problem.Title}", @case.ResidentId, @case.Id);
        return await cases.SaveAsync(problem.Id, cancellationToken);
    }

    private static void Apply(ProblemSituation problem, ProblemRequest request)
    {
        problem.Kind = request.Kind!.Value;
        problem.OtherText = request.Kind == ProblemKind.Other ? request.OtherText?.Trim() : null;
        problem.Description = Clean(request.Description);
        problem.Alternatives = (request.Alternatives ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        problem.ChosenAlternative = Clean(request.ChosenAlternative);
        problem.ChoiceReason = Clean(request.ChoiceReason);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
