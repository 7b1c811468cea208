using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>
/// ISO text for NodaTime values in the API ("2026-03-01", "2026-03", "2026-03-01T07:00:00Z") through NodaTime's own
/// serialization package. A value that does not parse becomes a JsonException (the package wraps its parse errors),
/// which the API reports as a 400 naming the field.
/// </summary>
public static class NodaTimeJson
{
    public static JsonSerializerOptions AddNodaTimeConverters(this JsonSerializerOptions options)
        => options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
}
