using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Protocol.Schema;

/// <summary>JSON settings of the Bot Framework wire format: camelCase, nulls omitted, case-insensitive reading.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
