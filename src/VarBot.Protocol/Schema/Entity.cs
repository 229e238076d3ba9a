using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Protocol.Schema;

/// <summary>An entity ("Entity object"); for a mention <see cref="Mentioned"/> and <see cref="Text"/> are set, other kinds keep their fields in <see cref="Properties"/>.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    /// <summary>The mention as it appears in the message text, e.g. "&lt;at&gt;VarBot&lt;/at&gt;".</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
