using JasperFx;
using NodaTime;

namespace QuartierPflege.Quartiere.Features.Surveys;

internal enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    Scale,
    FreeText,
}

/// <summary>One question of a questionnaire; options for choices, bounds and their labels for a scale.</summary>
internal sealed record SurveyQuestion(
    Guid Id,
    QuestionKind Kind,
    string Text,
    IReadOnlyList<string> Options,
    int? ScaleFrom = null,
    int? ScaleTo = null,
    string? LowLabel = null,
    string? HighLabel = null);

/// <summary>
/// An activating survey (aktivierende Befragung) in one Quartier, designed by coordination. Answers are taken until
/// and including <see cref="ClosesOn"/> (Berlin calendar).
/// </summary>
internal sealed class Survey : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Title { get; set; } = string.Empty;

    public string Quartier { get; set; } = string.Empty;

    public LocalDate ClosesOn { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];

    public string CreatedByName { get; set; } = string.Empty;

    public Instant CreatedAt { get; set; }

    /// <summary>When retention removed the author's name (the questionnaire itself stays).</summary>
    public LocalDate? AnonymisedOn { get; set; }

    public int Version { get; set; }

    public bool IsOpenOn(LocalDate day) => day <= ClosesOn;
}

/// <summary>What a resident answered to one question: chosen option indexes, a scale value or a text.</summary>
internal sealed record QuestionAnswer(Guid QuestionId, IReadOnlyList<int> Choices, int? Scale, string? Text);

/// <summary>
/// One door-step conversation, anonymous: who recorded it, when, and the answers. Contact details a resident left are
/// never stored here (they leave in <see cref="Contracts.SurveyContactLeft"/>), so results cannot show them.
/// </summary>
internal sealed class SurveyAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SurveyId { get; set; }

    public Guid RecordedBy { get; set; }

    public Instant RecordedAt { get; set; }

    public List<QuestionAnswer> Answers { get; set; } = [];

    /// <summary>Only that contact was left (for the count on the results), not whose.</summary>
    public bool ContactLeft { get; set; }

    /// <summary>When retention removed the free texts and the recorder; the choices and scales stay for the results.</summary>
    public LocalDate? AnonymisedOn { get; set; }
}
