using System.Text.Json.Nodes;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Proactive;

public static class ConversationReferences
{
    /// <summary>
    /// The reference for messaging this conversation later, keeping no more than the channel gives for that: ids, the
    /// service URL and the tenant (from the conversation or Teams' channelData.tenant). Names and message text are left out.
    /// </summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = activity.Conversation ?? throw new InvalidOperationException("The activity has no conversation.");
        var bot = activity.Recipient ?? throw new InvalidOperationException("The activity has no recipient.");
        return new ConversationReference
        {
            ChannelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId."),
            ServiceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."),
            Conversation = new ConversationAccount
            {
                Id = conversation.Id,
                ConversationType = conversation.ConversationType,
                TenantId = conversation.TenantId ?? TenantOf(activity.ChannelData),
                IsGroup = conversation.IsGroup,
            },
            Bot = new ChannelAccount { Id = bot.Id },
            User = activity.From is { } user ? new ChannelAccount { Id = user.Id, AadObjectId = user.AadObjectId } : null,
            Locale = activity.Locale,
        };
    }

    /// <summary>Teams' channelData.tenant.id.</summary>
    public static string? TenantOf(JsonNode? channelData) =>
        channelData is JsonObject data && data["tenant"] is JsonObject tenant && tenant["id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
}
