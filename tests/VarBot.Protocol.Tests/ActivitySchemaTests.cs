using System.Text.Json;
using System.Text.Json.Nodes;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Tests;

public sealed class ActivitySchemaTests
{
    // Shaped like a Teams channel message (Teams docs "Receive a message" samples), with fields VarBot does not model.
    private const string TeamsChannelMessage = """
        {
          "type": "message",
          "id": "1481567603816",
          "timestamp": "2024-03-05T13:53:23.4560000Z",
          "localTimestamp": "2024-03-05T14:53:23.456+01:00",
          "localTimezone": "Europe/Amsterdam",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw", "name": "Jan Jansen", "aadObjectId": "c6c8a7a8-0000-4000-8000-000000000001" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "tenant-1", "id": "19:channel@thread.skype;messageid=1481567603816" },
          "recipient": { "id": "28:bot-app-id", "name": "VarBot" },
          "textFormat": "plain",
          "text": "<at>VarBot</at> wanneer is het volgende Leerhuis?",
          "locale": "nl-NL",
          "attachments": [ { "contentType": "text/html", "content": "<div><at>VarBot</at> wanneer</div>" } ],
          "entities": [
            { "type": "mention", "mentioned": { "id": "28:bot-app-id", "name": "VarBot" }, "text": "<at>VarBot</at>" },
            { "type": "clientInfo", "locale": "nl-NL", "country": "NL", "platform": "Web", "timezone": "Europe/Amsterdam" }
          ],
          "channelData": { "teamsChannelId": "19:channel@thread.skype", "tenant": { "id": "tenant-1" } },
          "callerId": "urn:botframework:azure"
        }
        """;

    [Fact]
    public void Deserialize_TeamsChannelMessage_ReadsModelledFieldsAndKeepsOffset()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, BotJson.Options)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal(new DateOnly(2024, 3, 5), DateOnly.FromDateTime(activity.LocalTimestamp.Value.DateTime));
        Assert.Equal("Europe/Amsterdam", activity.LocalTimezone);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("c6c8a7a8-0000-4000-8000-000000000001", activity.From!.AadObjectId);
        Assert.Equal("tenant-1", (string?)activity.ChannelData!["tenant"]!["id"]);
        Assert.Equal("NL", activity.Entities![1].Properties!["country"].GetString());
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsUnknownFields()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, BotJson.Options)!;

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.Equal("urn:botframework:azure", (string?)json["callerId"]);
        Assert.Equal("Web", (string?)json["entities"]![1]!["platform"]);
        Assert.Equal("2024-03-05T14:53:23.456+01:00", (string?)json["localTimestamp"]);
        Assert.Null(json["value"]);
    }

    [Theory]
    [InlineData("<at>VarBot</at> wanneer is het volgende Leerhuis?", "wanneer is het volgende Leerhuis?")]
    [InlineData("wanneer is het volgende Leerhuis? <at>VarBot</at>", "wanneer is het volgende Leerhuis?")]
    [InlineData("<at>VarBot</at>&nbsp;help", "&nbsp;help")]
    [InlineData("<AT>VarBot</AT>\u00A0 help", "help")]
    [InlineData("hulp", "hulp")]
    public void RemoveRecipientMention_BotMentioned_StripsMentionText(string text, string expected)
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, BotJson.Options)!;
        activity.Text = text;

        var result = activity.RemoveRecipientMention();

        Assert.Equal(expected, result);
        Assert.Equal(expected, activity.Text);
    }

    [Fact]
    public void RemoveRecipientMention_OtherUserMentioned_KeepsThatMention()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, BotJson.Options)!;
        activity.Text = "<at>VarBot</at> wat vindt <at>Piet</at> ervan";
        activity.Entities!.Add(new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:piet", Name = "Piet" }, Text = "<at>Piet</at>" });

        Assert.Equal("wat vindt <at>Piet</at> ervan", activity.RemoveRecipientMention());
    }

    [Fact]
    public void RemoveRecipientMention_MentionWithoutText_UsesMentionedName()
    {
        var activity = new Activity
        {
            Text = "<at>VarBot</at> budget 2023",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "28:bot", Name = "VarBot" } }],
        };

        Assert.Equal("budget 2023", activity.RemoveRecipientMention());
    }

    [Fact]
    public void CreateReply_Message_SwapsAccountsAndKeepsConversation()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, BotJson.Options)!;

        var reply = activity.CreateReply("antwoord");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("28:bot-app-id", reply.From!.Id);
        Assert.Equal(activity.From!.Id, reply.Recipient!.Id);
        Assert.Equal("1481567603816", reply.ReplyToId);
        Assert.Equal(activity.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(activity.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("nl-NL", reply.Locale);
        Assert.Equal("antwoord", reply.Text);
        Assert.NotSame(activity.Conversation, reply.Conversation);
    }

    [Fact]
    public void CreateTypingReply_Message_IsAddressedTypingWithoutText()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, BotJson.Options)!;

        var typing = activity.CreateTypingReply();

        Assert.Equal(ActivityTypes.Typing, typing.Type);
        Assert.Null(typing.Text);
        Assert.Equal(activity.Conversation!.Id, typing.Conversation!.Id);
    }

    [Fact]
    public void InvokeResponseMessage_Text_IsUniversalActionsMessage()
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(InvokeResponse.Message("klaar"), BotJson.Options))!;

        Assert.Equal(200, (int?)body["status"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["body"]!["type"]);
        Assert.Equal("klaar", (string?)body["body"]!["value"]);
    }
}
