using FluentValidation;

namespace QuartierPflege.Compensation.Features.Sepa;

internal static class IbanRules
{
    /// <summary>The field must be a valid IBAN of a SEPA country; the message says what is wrong with it, in German.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeIban<T>(this IRuleBuilder<T, string?> rule)
        => rule.Custom((value, context) =>
        {
            if (Iban.ErrorFor(value) is { } error)
            {
                context.AddFailure(error);
            }
        });
}
