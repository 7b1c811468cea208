using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>
/// An IBAN of a SEPA country, checked when it is made: known country, that country's length, mod 97 check digits.
/// Kept in its electronic form (no spaces, capitals); <see cref="Grouped"/> is how people read it, <see cref="Masked"/>
/// how lists show it so that a list on a shared screen does not give away bank details.
/// </summary>
[JsonConverter(typeof(IbanJsonConverter))]
internal sealed record Iban
{
    /// <summary>
    /// IBAN lengths of the SEPA scheme's countries (EPC list of countries, 2025), including the non-EEA members.
    /// Territories that use another country's IBAN (Åland → FI, French overseas departments → FR, Jersey → GB) need no row.
    /// </summary>
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AL"] = 28, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23,
        ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MT"] = 31, ["NL"] = 18,
        ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["VA"] = 22,
    };

    private Iban(string value) => Value = value;

    /// <summary>The electronic form: capitals and digits only, e.g. <c>DE89370400440532013000</c>.</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    /// <summary>In groups of four, as printed on a bank card: <c>DE89 3704 0044 0532 0130 00</c>.</summary>
    public string Grouped => Group(Value);

    /// <summary>Country, check digits and the last four characters, the rest hidden: <c>DE89 •••• •••• •••• ••30 00</c>.</summary>
    public string Masked
    {
        get
        {
            var hidden = new StringBuilder(Value.Length);
            for (var i = 0; i < Value.Length; i++)
            {
                hidden.Append(i < 4 || i >= Value.Length - 4 ? Value[i] : '•');
            }

            return Group(hidden.ToString());
        }
    }

    /// <summary>The longest an IBAN can be entered (34 characters and the spaces between groups of four).</summary>
    public const int MaxInputLength = 42;

    public static Iban Parse(string? text)
        => TryParse(text, out var iban, out var error) ? iban : throw new FormatException(error);

    /// <summary>
    /// Reads an IBAN as people type it (spaces, small letters); <paramref name="error"/> is a German sentence for the form
    /// when it is not a valid IBAN of a SEPA country.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Iban? iban, [NotNullWhen(false)] out string? error)
    {
        iban = null;
        var value = Normalise(text);
        error = Check(value);
        if (error is not null)
        {
            return false;
        }

        iban = new Iban(value);
        return true;
    }

    /// <summary>The German message for an invalid entry, or <c>null</c> when it is a valid IBAN (for validators).</summary>
    public static string? ErrorFor(string? text) => Check(Normalise(text));

    public override string ToString() => Value;

    private static string Normalise(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return "Bitte geben Sie eine IBAN an.";
        }

        if (value.Length > 34)
        {
            return $"Eine IBAN hat höchstens 34 Zeichen, eingegeben wurden {value.Length}.";
        }

        if (!value.All(char.IsAsciiLetterOrDigit))
        {
            return "Die IBAN darf nur Buchstaben und Ziffern enthalten (Leerzeichen sind erlaubt).";
        }

        if (value.Length < 4 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return "Die IBAN beginnt mit dem Ländercode und zwei Prüfziffern, zum Beispiel „DE89 3704 0044 0532 0130 00“.";
        }

        var country = value[..2];
        if (!Lengths.TryGetValue(country, out var length))
        {
            return $"„{country}“ ist kein Land des SEPA-Zahlungsraums; bitte geben Sie eine IBAN aus dem SEPA-Raum an.";
        }

        if (value.Length != length)
        {
            return $"Eine IBAN mit dem Ländercode {country} hat {length} Zeichen, eingegeben wurden {value.Length}.";
        }

        return Mod97(value) == 1 ? null : "Die Prüfziffern der IBAN stimmen nicht. Bitte prüfen Sie die IBAN auf Tippfehler.";
    }

    /// <summary>ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end, letters as 10…35.</summary>
    private static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value[4..] + value[..4])
        {
            var digits = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = digits >= 10 ? ((remainder * 100) + digits) % 97 : ((remainder * 10) + digits) % 97;
        }

        return remainder;
    }

    private static string Group(string value)
    {
        var builder = new StringBuilder(value.Length + (value.Length / 4));
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }
}

/// <summary>Stores an IBAN as its electronic form (documents, API); an invalid stored value is refused, never half-read.</summary>
internal sealed class IbanJsonConverter : JsonConverter<Iban>
{
    public override Iban Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Iban.TryParse(reader.GetString(), out var iban, out var error) ? iban : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, Iban value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }
}
