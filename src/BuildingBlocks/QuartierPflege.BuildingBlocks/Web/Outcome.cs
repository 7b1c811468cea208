using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QuartierPflege.BuildingBlocks.Validation;

namespace QuartierPflege.BuildingBlocks.Web;

public enum OutcomeKind
{
    Done,
    Invalid,
    NotFound,
    Conflict,

    /// <summary>
    /// The record exists but this person may not see it: the API answers 404 (ids one may not know stay unknown), a
    /// page says "Kein Zugriff" (403).
    /// </summary>
    Denied,
}

/// <summary>
/// What a use case answers, whoever called it: the API turns it into a status code with problem details, a page
/// into inline messages. Keeps both surfaces saying the same thing for the same input.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, IReadOnlyDictionary<string, string[]>? errors, string? message)
    {
        Kind = kind;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Message = message;
    }

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    /// <summary>Field (camelCase, as in the API) → German messages; an empty key is about the whole form.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public string? Message { get; }

    public bool IsDone => Kind == OutcomeKind.Done;

    public static Outcome<T> Done(T value) => new(OutcomeKind.Done, value, null, null);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, errors, null);

    public static Outcome<T> Invalid(ValidationResult result) => Invalid(result.ToFieldMessages());

    public static Outcome<T> Invalid(string field, string message)
        => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome<T> NotFound(string message = "Der Eintrag wurde nicht gefunden.") => new(OutcomeKind.NotFound, default, null, message);

    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, null, message);

    /// <summary>No access; <paramref name="notFoundMessage"/> is what the API says (as for an unknown id).</summary>
    public static Outcome<T> Denied(string notFoundMessage = "Der Eintrag wurde nicht gefunden.") => new(OutcomeKind.Denied, default, null, notFoundMessage);

    /// <summary>The same refusal for another value type (a use case passing on what a lookup answered).</summary>
    public Outcome<TOther> Refusal<TOther>() => Kind == OutcomeKind.Done
        ? throw new InvalidOperationException("A done outcome is no refusal.")
        : new(Kind, default, Errors, Message);

    public IResult ToHttpResult(Func<T, IResult> onDone) => Kind switch
    {
        OutcomeKind.Done => onDone(Value!),
        OutcomeKind.Invalid => ApiProblems.Validation(Errors.ToDictionary(e => e.Key, e => e.Value)),
        OutcomeKind.NotFound or OutcomeKind.Denied => ApiProblems.NotFound(Message!),
        _ => ApiProblems.Conflict(Message!),
    };

    /// <summary>Copies the messages onto a page's form; <paramref name="prefix"/> is the bound property ("Input").</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix)
        => CopyTo(modelState, field => field.Length == 0 ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}");

    /// <summary>Copies the messages onto a page's form, each field to the form key <paramref name="formKey"/> gives.</summary>
    public void CopyTo(ModelStateDictionary modelState, Func<string, string> formKey)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(formKey);
        foreach (var (field, messages) in Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(formKey(field), message);
            }
        }

        if (Kind is OutcomeKind.NotFound or OutcomeKind.Conflict or OutcomeKind.Denied && Message is not null)
        {
            modelState.AddModelError(string.Empty, Message);
        }
    }
}
