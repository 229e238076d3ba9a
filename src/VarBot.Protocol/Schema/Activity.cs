using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VarBot.Protocol.Schema;

// Spec: Bot Framework REST API reference, "Activity schema" (Azure Bot Service docs, bot-framework-rest-connector-api-reference#activity-object).
/// <summary>The subset of the Bot Framework Activity that VarBot reads and writes; unknown fields round-trip through <see cref="Properties"/>.</summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The sender's local time, with the sender's UTC offset (Teams sends it).</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone name of the sender, e.g. "Europe/Amsterdam".</summary>
    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public List<Entity>? Entities { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public JsonNode? Value { get; set; }

    /// <summary>Name of an invoke or event activity, e.g. "adaptiveCard/action".</summary>
    public string? Name { get; set; }

    /// <summary>"add" or "remove" for installationUpdate.</summary>
    public string? Action { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>"normal" (default) or "expectReplies".</summary>
    public string? DeliveryMode { get; set; }

    public JsonNode? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A message that answers this activity: from and recipient swapped, same conversation, <c>replyToId</c> set.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = Recipient.Role },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId, Role = From.Role },
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            Name = Conversation.Name,
            ConversationType = Conversation.ConversationType,
            TenantId = Conversation.TenantId,
            IsGroup = Conversation.IsGroup,
        },
        Locale = Locale,
        Text = text,
        TextFormat = text is null ? null : TextFormats.Plain,
        Entities = [],
        Attachments = [],
    };

    /// <summary>A typing indicator addressed like <see cref="CreateReply"/>.</summary>
    public Activity CreateTypingReply()
    {
        var typing = CreateReply();
        typing.Type = ActivityTypes.Typing;
        typing.Entities = null;
        typing.Attachments = null;
        return typing;
    }

    /// <summary>An unaddressed typing indicator; the turn context fills in the conversation.</summary>
    public static Activity CreateTyping() => new() { Type = ActivityTypes.Typing };

    /// <summary>The activity that carries an invoke's HTTP answer (the SDK's "invokeResponse" convention).</summary>
    public static Activity CreateInvokeResponse(InvokeResponse response) => new()
    {
        Type = ActivityTypes.InvokeResponse,
        Value = JsonSerializer.SerializeToNode(response, BotJson.Options),
    };

    /// <summary>All mention entities.</summary>
    public IEnumerable<Entity> GetMentions() =>
        Entities?.Where(e => string.Equals(e.Type, EntityTypes.Mention, StringComparison.OrdinalIgnoreCase)) ?? [];

    /// <summary>
    /// Removes the text of mentions of the recipient (the bot), e.g. "&lt;at&gt;VarBot&lt;/at&gt;", which Teams puts in
    /// messages in channels and group chats. Returns the remaining text, trimmed.
    /// </summary>
    public string? RemoveRecipientMention() => Recipient?.Id is { } id ? RemoveMentionText(id) : Text;

    /// <summary>Removes the text of every mention of the account <paramref name="id"/>; returns the remaining text, trimmed.</summary>
    public string? RemoveMentionText(string id)
    {
        if (string.IsNullOrEmpty(Text))
        {
            return Text;
        }

        var text = Text;
        foreach (var mention in GetMentions().Where(m => string.Equals(m.Mentioned?.Id, id, StringComparison.OrdinalIgnoreCase)))
        {
            var mentionText = !string.IsNullOrEmpty(mention.Text) ? mention.Text
                : mention.Mentioned?.Name is { Length: > 0 } name ? "<at>" + name + "</at>"
                : null;
            if (mentionText is not null)
            {
                text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        Text = CollapseSpaces(text);
        return Text;
    }

    private static string CollapseSpaces(string text)
    {
        var parts = text.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts).Trim();
    }
}
