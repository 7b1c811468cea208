using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Quartiere.Features.Surveys;

internal sealed record QuestionInput(
    QuestionKind? Kind, string? Text, List<string>? Options, int? ScaleFrom, int? ScaleTo, string? LowLabel, string? HighLabel);

/// <summary>A questionnaire as coordination designs it: title, Quartier, the last day answers are taken, the questions.</summary>
internal sealed record DesignSurveyRequest(string? Title, string? Quartier, LocalDate? ClosesOn, List<QuestionInput>? Questions);

internal sealed class DesignSurveyRequestValidator : AbstractValidator<DesignSurveyRequest>
{
    public const int TitleMax = 200;
    public const int QuestionMax = 500;
    public const int OptionMax = 200;
    public const int LabelMax = 100;
    public const int MaxQuestions = 30;
    public const int MaxOptions = 20;

    /// <summary>A scale of more than 11 steps is no longer answerable at a door.</summary>
    public const int MaxScaleSteps = 11;

    public DesignSurveyRequestValidator(IClock clock, IQuartierList quartiere)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Bitte geben Sie der Befragung einen Titel.")
            .Must(t => t!.Trim().Length <= TitleMax).WithMessage($"Der Titel darf höchstens {TitleMax} Zeichen lang sein.");
        RuleFor(r => r.Quartier).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("Bitte wählen Sie das Quartier.")
            .MustAsync(async (q, ct) => (await quartiere.FindAsync(q!, ct))?.Active == true)
            .WithMessage("Bitte wählen Sie ein Quartier aus der Liste.");
        RuleFor(r => r.ClosesOn).NotNull().WithMessage("Bitte geben Sie an, bis wann Antworten erfasst werden.")
            .Must(d => d!.Value >= clock.Today()).WithMessage("Das Ende der Befragung darf nicht in der Vergangenheit liegen.");
        RuleFor(r => r.Questions).Must(q => q is { Count: > 0 }).WithMessage("Eine Befragung braucht mindestens eine Frage.")
            .Must(q => q!.Count <= MaxQuestions).WithMessage($"Eine Befragung hat höchstens {MaxQuestions} Fragen.");
        RuleForEach(r => r.Questions).ChildRules(q =>
        {
            q.RuleLevelCascadeMode = CascadeMode.Stop;
            q.RuleFor(x => x.Kind).NotNull().WithMessage("Bitte wählen Sie die Art der Frage.");
            q.RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Bitte geben Sie den Text der Frage ein.")
                .Must(t => t!.Trim().Length <= QuestionMax).WithMessage($"Eine Frage darf höchstens {QuestionMax} Zeichen lang sein.");
            q.When(x => x.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice, () =>
            {
                q.RuleFor(x => x.Options).Must(o => Filled(o).Count >= 2)
                    .WithMessage("Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten.")
                    .Must(o => Filled(o).Count <= MaxOptions).WithMessage($"Eine Frage hat höchstens {MaxOptions} Antwortmöglichkeiten.")
                    .Must(o => Filled(o).All(t => t.Length <= OptionMax)).WithMessage($"Eine Antwortmöglichkeit darf höchstens {OptionMax} Zeichen lang sein.")
                    .Must(o => Filled(o).Distinct(StringComparer.OrdinalIgnoreCase).Count() == Filled(o).Count)
                    .WithMessage("Jede Antwortmöglichkeit darf nur einmal vorkommen.");
            });
            q.When(x => x.Kind == QuestionKind.Scale, () =>
            {
                q.RuleFor(x => x.ScaleFrom).NotNull().WithMessage("Bitte geben Sie den kleinsten Wert der Skala an.");
                q.RuleFor(x => x.ScaleTo).NotNull().WithMessage("Bitte geben Sie den größten Wert der Skala an.")
                    .Must((x, to) => x.ScaleFrom is null || to > x.ScaleFrom).WithMessage("Der größte Wert muss größer sein als der kleinste.")
                    .Must((x, to) => x.ScaleFrom is null || to - x.ScaleFrom < MaxScaleSteps)
                    .WithMessage($"Eine Skala hat höchstens {MaxScaleSteps} Stufen.");
                q.RuleFor(x => x.LowLabel).Must(l => l is null || l.Trim().Length <= LabelMax).WithMessage($"Eine Beschriftung darf höchstens {LabelMax} Zeichen lang sein.");
                q.RuleFor(x => x.HighLabel).Must(l => l is null || l.Trim().Length <= LabelMax).WithMessage($"Eine Beschriftung darf höchstens {LabelMax} Zeichen lang sein.");
            });
        });
    }

    public static List<string> Filled(IEnumerable<string>? options)
        => [.. (options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim())];
}

/// <summary>Coordination designs a questionnaire; it is stored only when every part of it is valid.</summary>
internal sealed class DesignSurvey(IDocumentSession session, ICurrentUser user, IClock clock, IValidator<DesignSurveyRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(DesignSurveyRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var survey = new Survey
        {
            Title = request.Title!.Trim(),
            Quartier = request.Quartier!.Trim(),
            ClosesOn = request.ClosesOn!.Value,
            Questions = [.. request.Questions!.Select(ToQuestion)],
            CreatedByName = user.DisplayName,
            CreatedAt = clock.GetCurrentInstant(),
        };
        session.Insert(survey);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(survey.Id);
    }

    private static SurveyQuestion ToQuestion(QuestionInput q) => q.Kind!.Value switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice =>
            new SurveyQuestion(Guid.NewGuid(), q.Kind.Value, q.Text!.Trim(), DesignSurveyRequestValidator.Filled(q.Options)),
        QuestionKind.Scale => new SurveyQuestion(Guid.NewGuid(), QuestionKind.Scale, q.Text!.Trim(), [], q.ScaleFrom, q.ScaleTo,
            string.IsNullOrWhiteSpace(q.LowLabel) ? null : q.LowLabel.Trim(), string.IsNullOrWhiteSpace(q.HighLabel) ? null : q.HighLabel.Trim()),
        _ => new SurveyQuestion(Guid.NewGuid(), QuestionKind.FreeText, q.Text!.Trim(), []),
    };
}
