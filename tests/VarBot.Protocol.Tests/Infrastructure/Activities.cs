using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Tests.Infrastructure;

/// <summary>Sample activities shaped like what Teams (and the Agents Playground) send.</summary>
internal static class Activities
{
    public const string ConversationId = "a:1Xy-conv;messageid=1234";

    public static Activity Message(string serviceUrl, string text = "hallo", string id = "act-1", string conversationId = ConversationId) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:user-1", Name = "Jan Jansen", AadObjectId = "aad-1" },
        Recipient = new ChannelAccount { Id = "28:bot-app-id", Name = "VarBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = "tenant-1" },
        Text = text,
        Locale = "nl-NL",
    };

    public static Activity Invoke(string serviceUrl, string name = "adaptiveCard/action")
    {
        var invoke = Message(serviceUrl, text: null!);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Text = null;
        invoke.Name = name;
        invoke.Value = System.Text.Json.Nodes.JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"volgende","data":{"q":"x"}}}""");
        return invoke;
    }
}
