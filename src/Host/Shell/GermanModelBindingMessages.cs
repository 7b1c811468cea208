using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace QuartierPflege.Host.Shell;

internal static class GermanModelBindingMessages
{
    /// <summary>Form fields that cannot be read at all (a letter in a number field) get a German inline message.</summary>
    public static void UseGermanMessages(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Der Wert „{value}“ ist für „{field}“ nicht gültig.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Bitte geben Sie „{field}“ an.");
        messages.SetMissingKeyOrValueAccessor(() => "Ein Wert fehlt.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Der Inhalt der Anfrage fehlt.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist nicht gültig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Der Wert ist nicht gültig.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Der Wert für „{field}“ ist nicht gültig.");
        messages.SetValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist nicht gültig.");
        messages.SetValueMustBeANumberAccessor(field => $"„{field}“ muss eine Zahl sein.");
        messages.SetValueMustNotBeNullAccessor(field => $"Bitte geben Sie „{field}“ an.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Der Wert muss eine Zahl sein.");
    }
}
