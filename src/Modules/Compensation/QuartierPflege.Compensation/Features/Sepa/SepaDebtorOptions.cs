using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>The account the programme pays from (configuration section <c>Compensation:Debtor</c>).</summary>
internal sealed partial class SepaDebtorOptions
{
    public const string Section = "Compensation:Debtor";

    public string Name { get; set; } = string.Empty;

    public string Iban { get; set; } = string.Empty;

    public string Bic { get; set; } = string.Empty;

    public SepaDebtor ToDebtor() => new(Name.Trim(), Features.Sepa.Iban.Parse(Iban), Bic.Trim().ToUpperInvariant());

    /// <summary>The configuration's faults in plain words (the Host refuses to start with any of them).</summary>
    public IEnumerable<string> Faults()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{Section}:Name is required (the account holder the bank knows).";
        }
        else if (DkCharacters.Convert(Name.Trim()) is { Replaced: true } or { Value.Length: > 70 })
        {
            yield return $"{Section}:Name must fit the DK character set and 70 characters.";
        }

        if (Features.Sepa.Iban.ErrorFor(Iban) is { } ibanError)
        {
            yield return $"{Section}:Iban is not a valid SEPA IBAN: {ibanError}";
        }

        if (!BicPattern().IsMatch(Bic.Trim().ToUpperInvariant()))
        {
            yield return $"{Section}:Bic must be a BIC of 8 or 11 characters (e.g. COBADEFFXXX).";
        }
    }

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        // A Host with a broken debtor account refuses to start instead of failing at finance's first download.
        services.AddOptions<SepaDebtorOptions>()
            .Bind(configuration.GetSection(Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SepaDebtorOptions>, Validation>();
    }

    [GeneratedRegex("^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$")]
    private static partial Regex BicPattern();

    private sealed class Validation : IValidateOptions<SepaDebtorOptions>
    {
        public ValidateOptionsResult Validate(string? name, SepaDebtorOptions options)
        {
            var faults = options.Faults().ToList();
            return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
        }
    }
}
