using System.Text.Json;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>How message payloads are stored: camelCase JSON, NodaTime values as ISO text.</summary>
public static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.AddNodaTimeConverters();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
