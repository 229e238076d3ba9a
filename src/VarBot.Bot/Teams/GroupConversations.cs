using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Teams;

/// <summary>
/// Rules for channels and group chats: the bot takes part only when it is @mentioned (or a card it posted is used), and
/// each member keeps their own follow-up context, so one member's question never shapes another member's answer.
/// </summary>
internal static class GroupConversations
{
    /// <summary>A Teams channel or group chat (anything but a 1:1 chat).</summary>
    public static bool IsGroup(Activity activity) =>
        activity.Conversation is { } conversation
        && (conversation.IsGroup == true || conversation.ConversationType is "channel" or "groupChat");

    /// <summary>The message has a mention entity for the bot (the recipient).</summary>
    public static bool MentionsBot(Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId
        && activity.GetMentions().Any(m => string.Equals(m.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A message the bot should answer: every message in a 1:1 chat; in a channel or group chat only those that @mention
    /// the bot or carry a card's submitted data (a button on a card the bot posted there).
    /// </summary>
    public static bool IsForBot(Activity activity) =>
        !IsGroup(activity) || MentionsBot(activity) || activity.Value is JsonObject;

    /// <summary>
    /// A card a member shares without a word for the bot, e.g. a search extension result inserted in the 1:1 chat: the
    /// message has attachments but no text once markup is removed, and no button data. Not a question.
    /// </summary>
    public static bool IsSharedCardOnly(Activity activity) =>
        activity.Type == ActivityTypes.Message
        && activity.Value is null
        && activity.Attachments is { Count: > 0 }
        && Routing.TurnInput.QuestionText(activity).Length == 0;

    /// <summary>
    /// The key the follow-up context is kept under: the conversation in a 1:1 chat; in a channel thread or group chat the
    /// conversation and the member, hashed, so that members of one thread never continue each other's questions.
    /// </summary>
    public static string ContextKey(Activity activity)
    {
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        if (!IsGroup(activity))
        {
            return conversationId;
        }

        var member = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id ?? "";
        return conversationId + "|member:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(member)))[..32];
    }

    /// <summary>Teams' channel id (channelData.channel.id), else the conversation id without the thread's ";messageid=".</summary>
    public static string ChannelId(Activity activity)
    {
        if (activity.ChannelData is JsonObject data && data["channel"] is JsonObject channel && channel["id"] is JsonValue value
            && value.TryGetValue<string>(out var id) && id.Length > 0)
        {
            return id;
        }

        var conversationId = activity.Conversation?.Id ?? "";
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }
}
