using FluentValidation;
using Marten;
using FluentValidation.Results;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Features.Planning.HomeVisits;

/// <summary>A home visit with the checklist's answers (question key → "yes"/"no", "0"–"3" or text); unanswered questions are left out.</summary>
internal sealed record RecordHomeVisitRequest(
    LocalDate? VisitedOn,
    string? VisitedBy,
    string? TemplateKey,
    int? TemplateVersion,
    Dictionary<string, string>? Answers,
    Dictionary<string, string>? DomainNotes,
    List<string>? FlaggedDomains,
    string? Notes);

internal sealed class RecordHomeVisitRequestValidator : AbstractValidator<RecordHomeVisitRequest>
{
    public RecordHomeVisitRequestValidator()
    {
        RuleFor(r => r.VisitedOn).NotNull().WithMessage("Bitte geben Sie das Datum des Besuchs an.");
        RuleFor(r => r.VisitedBy).NotEmpty().WithMessage("Bitte geben Sie an, wer den Besuch gemacht hat.")
            .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Notes).MaximumLength(4000).WithMessage("Die Notiz darf höchstens 4000 Zeichen lang sein.");
        RuleFor(r => r).Custom((request, context) =>
        {
            var template = HomeVisitTemplates.Find(request.TemplateKey ?? HomeVisitTemplates.Current.Key, request.TemplateVersion ?? HomeVisitTemplates.Current.Version);
            if (template is null)
            {
                context.AddFailure(new ValidationFailure("TemplateKey", "Diese Checkliste (Vorlage und Version) ist nicht bekannt."));
                return;
            }

            foreach (var (key, answer) in request.Answers ?? [])
            {
                var question = template.FindQuestion(key);
                if (question is null)
                {
                    context.AddFailure(new ValidationFailure($"Answers.{key}", "Diese Frage gehört nicht zur Checkliste."));
                }
                else if (answer is null || !HomeVisitAnswers.IsValid(question, answer))
                {
                    context.AddFailure(new ValidationFailure($"Answers.{key}", question.Type == AnswerType.YesNo
                        ? "Bitte antworten Sie mit „ja“ oder „nein“."
                        : "Bitte wählen Sie einen Wert von 0 bis 3."));
                }
                else if (answer.Length > 1000)
                {
                    context.AddFailure(new ValidationFailure($"Answers.{key}", "Die Antwort darf höchstens 1000 Zeichen lang sein."));
                }
            }

            foreach (var (key, note) in request.DomainNotes ?? [])
            {
                if (template.FindDomain(key) is null)
                {
                    context.AddFailure(new ValidationFailure($"DomainNotes.{key}", "Dieser Bereich gehört nicht zur Checkliste."));
                }
                else if (note is { Length: > 1000 })
                {
                    context.AddFailure(new ValidationFailure($"DomainNotes.{key}", "Die Notiz darf höchstens 1000 Zeichen lang sein."));
                }
            }

            foreach (var key in request.FlaggedDomains ?? [])
            {
                if (template.FindDomain(key ?? string.Empty) is null)
                {
                    context.AddFailure(new ValidationFailure("FlaggedDomains", $"Der Bereich „{key}“ gehört nicht zur Checkliste."));
                }
            }
        });
    }
}

internal sealed class RecordHomeVisit(
    PlanningCases cases,
    IDocumentSession session,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<RecordHomeVisitRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, RecordHomeVisitRequest request, CancellationToken cancellationToken)
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

        var visitedOn = request.VisitedOn!.Value;
        if (visitedOn < @case.OpenedOn)
        {
            return Outcome<Guid>.Invalid("visitedOn", $"Der Besuch darf nicht vor der Eröffnung des Falls ({GermanDates.Show(@case.OpenedOn)}) liegen.");
        }

        if (visitedOn > clock.Today())
        {
            return Outcome<Guid>.Invalid("visitedOn", "Der Besuch darf nicht in der Zukunft liegen.");
        }

        var template = HomeVisitTemplates.Find(request.TemplateKey ?? HomeVisitTemplates.Current.Key, request.TemplateVersion ?? HomeVisitTemplates.Current.Version)!;
        var visit = new HomeVisit
        {
            CaseId = @case.Id,
            VisitedOn = visitedOn,
            VisitedBy = request.VisitedBy!.Trim(),
            TemplateKey = template.Key,
            TemplateVersion = template.Version,
            Content = new HomeVisitContent(
                (request.Answers ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim()),
                (request.DomainNotes ?? []).Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value.Trim()),
                (request.FlaggedDomains ?? []).Distinct().ToList(),
                string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim()),
            RecordedAt = clock.GetCurrentInstant(),
            RecordedBy = user.Id,
        };
        session.Insert(visit);
        audit.Record(AuditAction.Create, "HomeVisit", visit.Id, $"Hausbesuch vom {GermanDates.Show(visitedOn)} erfasst ({template.Id})", @case.ResidentId, @case.Id);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(visit.Id);
    }
}
