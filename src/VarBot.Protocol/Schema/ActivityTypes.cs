namespace VarBot.Protocol.Schema;

/// <summary>Values of <see cref="Activity.Type"/>.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    public const string Event = "event";

    /// <summary>Not sent on the wire: a handler sends it to set the HTTP answer of an invoke.</summary>
    public const string InvokeResponse = "invokeResponse";
}

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}

/// <summary>Values of <see cref="Activity.TextFormat"/>.</summary>
public static class TextFormats
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}

/// <summary>Values of <see cref="Entity.Type"/>.</summary>
public static class EntityTypes
{
    public const string Mention = "mention";
}
