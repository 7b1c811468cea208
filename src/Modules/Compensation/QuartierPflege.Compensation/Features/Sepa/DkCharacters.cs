using System.Globalization;
using System.Text;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>What a text became in the DK character set, and whether anything had to be replaced (not only transliterated).</summary>
internal sealed record DkText(string Original, string Value, bool Replaced);

/// <summary>
/// The character set the German banks (Deutsche Kreditwirtschaft) accept in SEPA files: Latin letters without accents,
/// digits, space and <c>' : ? , - ( + . ) /</c>. Umlauts and ß are transliterated (ä → ae, ß → ss), accented letters lose
/// their accent (é → e), a few letters and signs have a customary spelling (ł → l, æ → ae, &amp; → +); anything else
/// becomes <c>.</c> and is reported as <see cref="DkText.Replaced"/>, so the export can tell finance instead of a name
/// changing unnoticed.
/// </summary>
internal static class DkCharacters
{
    private const string Signs = "':?,-(+.)/ ";

    private static readonly Dictionary<char, string> Spellings = new()
    {
        ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['Ä'] = "Ae", ['Ö'] = "Oe", ['Ü'] = "Ue", ['ß'] = "ss", ['ẞ'] = "SS",
        ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ø'] = "o", ['Ø'] = "O", ['ł'] = "l", ['Ł'] = "L",
        ['đ'] = "d", ['Đ'] = "D", ['ð'] = "d", ['Ð'] = "D", ['þ'] = "th", ['Þ'] = "Th", ['ı'] = "i", ['&'] = "+",
        ['–'] = "-", ['—'] = "-", ['‐'] = "-", ['’'] = "'", ['‘'] = "'", ['‚'] = ",", ['´'] = "'", ['`'] = "'",
        ['"'] = "'", ['„'] = "'", ['“'] = "'", ['”'] = "'", ['«'] = "'", ['»'] = "'", ['\u00A0'] = " ", ['\t'] = " ",
    };

    public static bool IsPermitted(char c) => char.IsAsciiLetterOrDigit(c) || Signs.Contains(c, StringComparison.Ordinal);

    public static bool IsPermitted(string text) => text.All(IsPermitted);

    public static DkText Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        var replaced = false;
        foreach (var c in text)
        {
            if (IsPermitted(c))
            {
                builder.Append(c);
            }
            else if (Spellings.TryGetValue(c, out var spelling))
            {
                builder.Append(spelling);
            }
            else if (WithoutAccent(c) is { } plain)
            {
                builder.Append(plain);
            }
            else
            {
                builder.Append('.');
                replaced = true;
            }
        }

        return new DkText(text, builder.ToString().Trim(), replaced);
    }

    /// <summary>The base letter of an accented Latin letter (é → e, Č → C), or <c>null</c> when there is none.</summary>
    private static char? WithoutAccent(char c)
    {
        if (char.IsSurrogate(c))
        {
            return null;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToList();
        return kept.Count == 1 && decomposed.Length > 1 && char.IsAsciiLetter(kept[0]) ? kept[0] : null;
    }
}
