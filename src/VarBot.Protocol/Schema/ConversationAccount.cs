using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Protocol.Schema;

/// <summary>A conversation ("ConversationAccount object"); Teams types are "personal", "groupChat" and "channel".</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
