using System.Text.Json.Serialization;

namespace VarBot.Protocol.Schema;

/// <summary>
/// Where to send a proactive message later: the channel's connector, the conversation and the two parties, ids only
/// (Bot Framework "ConversationReference"; the Agents SDK calls <see cref="Bot"/> "agent" but keeps "bot" on the wire).
/// </summary>
public sealed record ConversationReference
{
    public required string ChannelId { get; init; }

    public required string ServiceUrl { get; init; }

    /// <summary>Id, type and tenant of the conversation.</summary>
    public required ConversationAccount Conversation { get; init; }

    /// <summary>The bot's account in the conversation (id only).</summary>
    [JsonPropertyName("bot")]
    public required ChannelAccount Bot { get; init; }

    /// <summary>The user's account (id and Entra object id), absent for a channel or group chat as a whole.</summary>
    public ChannelAccount? User { get; init; }

    public string? Locale { get; init; }
}

/// <summary>Body of "Create Conversation" (POST /v3/conversations).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }

    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The first message of the new conversation (in a Teams channel: the new thread's post).</summary>
    public Activity? Activity { get; init; }

    public System.Text.Json.Nodes.JsonNode? ChannelData { get; init; }
}

/// <summary>The connector's answer to "Create Conversation".</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
