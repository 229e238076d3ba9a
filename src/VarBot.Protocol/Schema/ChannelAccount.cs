using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Protocol.Schema;

/// <summary>A user or bot on a channel ("ChannelAccount object").</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    /// <summary>"user" or "bot".</summary>
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
