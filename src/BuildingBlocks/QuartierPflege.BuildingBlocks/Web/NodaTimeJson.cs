using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>
/// ISO text for NodaTime values in the API ("2026-03-01", "2026-03", "2026-03-01T07:00:00Z"). The NodaTime
/// serialization package is not available from our package source; these few converters are all the API needs.
/// A value that does not parse becomes a JsonException, which the API reports as a 400 naming the field.
/// </summary>
public static class NodaTimeJson
{
    public static void AddNodaTimeConverters(this JsonSerializerOptions options)
    {
        options.Converters.Add(new PatternConverter<LocalDate>(LocalDatePattern.Iso));
        options.Converters.Add(new PatternConverter<YearMonth>(YearMonthPattern.Iso));
        options.Converters.Add(new PatternConverter<Instant>(InstantPattern.ExtendedIso));
        options.Converters.Add(new PatternConverter<LocalTime>(LocalTimePattern.ExtendedIso));
    }

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string for {typeof(T).Name}.");
            }

            var result = pattern.Parse(reader.GetString() ?? string.Empty);
            return result.Success ? result.Value : throw new JsonException(result.Exception.Message);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
            => writer.WriteStringValue(pattern.Format(value));
    }
}
