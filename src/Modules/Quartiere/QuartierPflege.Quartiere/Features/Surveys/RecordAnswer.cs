using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;
using Wolverine.Marten;

namespace QuartierPflege.Quartiere.Features.Surveys;

/// <summary>The answer to one question: option indexes (0-based) for choices, a value for a scale, a text.</summary>
internal sealed record AnswerInput(Guid? QuestionId, List<int>? Choices, int? Scale, string? Text);

/// <summary>Contact details a resident wants to leave; only with <paramref name="Consent"/> ticked.</summary>
internal sealed record ContactInput(string? Name, string? Phone, string? Address, string? Note, bool Consent);

internal sealed record RecordAnswerRequest(List<AnswerInput>? Answers, ContactInput? Contact);

/// <summary>
/// A volunteer or a staff member records one door-step conversation. Anonymous unless the resident leaves contact
/// details with consent: then the answer says only "contact left" and the details go to Case Management as a message
/// in the same commit.
/// </summary>
internal sealed class RecordAnswer(IDocumentSession session, IMartenOutbox outbox, ICurrentUser user, IClock clock)
{
    public const int TextMax = 2000;
    public const int NameMax = 200;
    public const int PhoneMax = 50;
    public const int AddressMax = 300;
    public const int NoteMax = 2000;

    /// <summary>Volunteers and staff at the door; finance has no part in the survey.</summary>
    public static bool MayRecord(ICurrentUser user)
        => user.IsInRole(Roles.Ehrenamt) || user.IsInRole(Roles.Fallmanagement) || user.IsInRole(Roles.Koordination);

    public async Task<Outcome<Guid>> HandleAsync(Guid surveyId, RecordAnswerRequest request, CancellationToken cancellationToken)
    {
        var survey = await session.LoadAsync<Survey>(surveyId, cancellationToken);
        if (survey is null || !MayRecord(user))
        {
            return Outcome<Guid>.NotFound("Die Befragung wurde nicht gefunden.");
        }

        if (!survey.IsOpenOn(clock.Today()))
        {
            return Outcome<Guid>.Invalid("survey",
                $"Die Befragung „{survey.Title}“ ist seit dem {GermanDates.Show(survey.ClosesOn.PlusDays(1))} geschlossen; es werden keine Antworten mehr erfasst.");
        }

        var errors = new Dictionary<string, string[]>();
        var answers = Answers(survey, request.Answers ?? [], errors);
        var contact = Contact(request.Contact, errors);
        if (errors.Count == 0 && answers.Count == 0)
        {
            errors["answers"] = ["Bitte erfassen Sie mindestens eine Antwort."];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var now = clock.GetCurrentInstant();
        var answer = new SurveyAnswer { SurveyId = survey.Id, RecordedBy = user.Id, RecordedAt = now, Answers = answers, ContactLeft = contact is not null };
        session.Insert(answer);
        if (contact is not null)
        {
            await outbox.PublishAsync(new SurveyContactLeft(Guid.NewGuid(), now, survey.Id, answer.Id, survey.Title, survey.Quartier,
                contact.Name!, contact.Phone, contact.Address, contact.Note, user.Id, user.DisplayName));
        }

        return await session.SaveOrConflictAsync(outbox, answer.Id, cancellationToken);
    }

    private static List<QuestionAnswer> Answers(Survey survey, List<AnswerInput> inputs, Dictionary<string, string[]> errors)
    {
        var answers = new List<QuestionAnswer>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var field = $"answers[{i}]";
            var question = survey.Questions.FirstOrDefault(q => q.Id == input.QuestionId);
            if (question is null)
            {
                errors[$"{field}.questionId"] = ["Diese Frage gehört nicht zur Befragung. Bitte laden Sie die Seite neu."];
                continue;
            }

            if (answers.Any(a => a.QuestionId == question.Id))
            {
                errors[$"{field}.questionId"] = ["Jede Frage wird nur einmal beantwortet."];
                continue;
            }

            var choices = (input.Choices ?? []).Distinct().ToList();
            var text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
            switch (question.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    if (choices.Any(c => c < 0 || c >= question.Options.Count))
                    {
                        errors[$"{field}.choices"] = ["Bitte wählen Sie eine der angebotenen Antworten."];
                    }
                    else if (question.Kind == QuestionKind.SingleChoice && choices.Count > 1)
                    {
                        errors[$"{field}.choices"] = ["Bei dieser Frage ist nur eine Antwort möglich."];
                    }
                    else if (choices.Count > 0)
                    {
                        answers.Add(new QuestionAnswer(question.Id, [.. choices.Order()], null, null));
                    }

                    break;
                case QuestionKind.Scale:
                    if (input.Scale is { } value && (value < question.ScaleFrom || value > question.ScaleTo))
                    {
                        errors[$"{field}.scale"] = [$"Bitte wählen Sie einen Wert von {question.ScaleFrom} bis {question.ScaleTo}."];
                    }
                    else if (input.Scale is { } chosen)
                    {
                        answers.Add(new QuestionAnswer(question.Id, [], chosen, null));
                    }

                    break;
                default:
                    if (text is { Length: > TextMax })
                    {
                        errors[$"{field}.text"] = [$"Eine Antwort darf höchstens {TextMax} Zeichen lang sein (jetzt {text.Length})."];
                    }
                    else if (text is not null)
                    {
                        answers.Add(new QuestionAnswer(question.Id, [], null, text));
                    }

                    break;
            }
        }

        return answers;
    }

    private static ContactInput? Contact(ContactInput? input, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            return null;
        }

        var contact = new ContactInput(Trimmed(input.Name), Trimmed(input.Phone), Trimmed(input.Address), Trimmed(input.Note), input.Consent);
        var anyDetail = contact.Name is not null || contact.Phone is not null || contact.Address is not null || contact.Note is not null;
        if (!anyDetail && !contact.Consent)
        {
            return null;
        }

        if (!contact.Consent)
        {
            errors["contact.consent"] = ["Kontaktdaten werden nur mit Einwilligung der Person aufgenommen. Bitte bestätigen Sie die Einwilligung oder lassen Sie die Felder leer."];
        }

        if (contact.Name is null)
        {
            errors["contact.name"] = ["Bitte geben Sie den Namen der Person an."];
        }
        else if (contact.Name.Length > NameMax)
        {
            errors["contact.name"] = [$"Der Name darf höchstens {NameMax} Zeichen lang sein."];
        }

        if (contact.Phone is null && contact.Address is null)
        {
            errors["contact.phone"] = ["Bitte geben Sie eine Telefonnummer oder eine Adresse an."];
        }
        else if (contact.Phone is { Length: > PhoneMax })
        {
            errors["contact.phone"] = [$"Die Telefonnummer darf höchstens {PhoneMax} Zeichen lang sein."];
        }

        if (contact.Address is { Length: > AddressMax })
        {
            errors["contact.address"] = [$"Die Adresse darf höchstens {AddressMax} Zeichen lang sein."];
        }

        if (contact.Note is { Length: > NoteMax })
        {
            errors["contact.note"] = [$"Die Notiz darf höchstens {NoteMax} Zeichen lang sein."];
        }

        return contact;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
