using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VarBot.Answering;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// Channels and group chats over the protocol against the real host: the bot answers only when @mentioned (or when its
/// card is used), replies in the thread, and keeps each member's follow-up context apart.
/// </summary>
[Collection(BotHostCollection.Name)]
public sealed class ChannelTests(BotHostFixture fixture)
{
    private const string Today = "2026-11-22T10:00:00+01:00";
    private static readonly DateOnly TodayDate = new(2026, 11, 22);

    private static string NewThread() => $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1763800000000";

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task Message_GroupConversationWithoutMention_NoReply(string conversationType)
    {
        var activity = TeamsActivities.Group("Wie is de voorzitter van de VAR?", NewThread(), "29:alice", mention: false, conversationType);

        var replies = await fixture.Client.ExpectRepliesAsync(activity);

        Assert.Empty(replies);
    }

    [Fact]
    public async Task Message_GroupConversationMentioningSomeoneElse_NoReply()
    {
        var activity = TeamsActivities.Group("<at>Bob</at> wie is de voorzitter?", NewThread(), "29:alice", mention: false, "groupChat");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Bob</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:bob", ["name"] = "Bob" },
        });

        Assert.Empty(await fixture.Client.ExpectRepliesAsync(activity));
    }

    [Fact]
    public async Task Message_ChannelWithMention_RepliesInTheThreadThroughTheConnector()
    {
        await using var connector = await RecordingConnector.StartAsync();
        var thread = NewThread();
        var activity = TeamsActivities.Group("Wie is de voorzitter van de VAR?", thread, "29:alice", mention: true, localTimestamp: Today);
        activity["serviceUrl"] = connector.ServiceUrl;

        using var response = await fixture.Client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await connector.WaitUntilAsync(r => r.Any(x => (string?)x.Body["type"] == "message"), TimeSpan.FromSeconds(30), "the answer");
        var answer = connector.Received.Single(r => (string?)r.Body["type"] == "message");
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(thread)}/activities/{Uri.EscapeDataString((string)activity["id"]!)}", answer.Path);
        Assert.Equal(thread, (string?)answer.Body["conversation"]?["id"]);
        Assert.Equal((string?)activity["id"], (string?)answer.Body["replyToId"]);
        var expected = fixture.Engine.Ask(new Question("Wie is de voorzitter van de VAR?", TodayDate));
        Assert.Equal(expected.Text, answer.Body.AnswerText());
    }

    [Fact]
    public async Task FollowUp_TwoMembersInOneThread_EachContinuesOnlyTheirOwnQuestion()
    {
        var thread = NewThread();
        const string budget = "Wat is de begroting voor 2026?";
        const string chair = "Wie is de voorzitter van de VAR?";
        const string followUp = "En in 2020?";
        var afterBudget = fixture.Engine.Ask(new Question(followUp, TodayDate, fixture.Engine.Ask(new Question(budget, TodayDate)).Context));
        var afterChair = fixture.Engine.Ask(new Question(followUp, TodayDate, fixture.Engine.Ask(new Question(chair, TodayDate)).Context));
        Assert.NotEqual(afterBudget.Text, afterChair.Text); // the follow-up depends on whose context it continues

        await fixture.Client.ExpectRepliesAsync(TeamsActivities.Group(budget, thread, "29:alice", mention: true, localTimestamp: Today));
        await fixture.Client.ExpectRepliesAsync(TeamsActivities.Group(chair, thread, "29:bob", mention: true, localTimestamp: Today));
        var aliceReply = Assert.Single(await fixture.Client.ExpectRepliesAsync(TeamsActivities.Group(followUp, thread, "29:alice", mention: true, localTimestamp: Today)));
        var bobReply = Assert.Single(await fixture.Client.ExpectRepliesAsync(TeamsActivities.Group(followUp, thread, "29:bob", mention: true, localTimestamp: Today)));

        Assert.Equal(afterBudget.Text, aliceReply.AnswerText());
        Assert.Equal(afterChair.Text, bobReply.AnswerText());
    }

    [Fact]
    public async Task FollowUp_NewMemberInThread_GetsNoContextFromOthers()
    {
        var thread = NewThread();
        const string followUp = "En in 2025?";
        var alone = fixture.Engine.Ask(new Question(followUp, TodayDate));
        var inContext = fixture.Engine.Ask(new Question(followUp, TodayDate, fixture.Engine.Ask(new Question("Wat is de begroting voor 2026?", TodayDate)).Context));
        Assert.NotEqual(alone.Text, inContext.Text);

        await fixture.Client.ExpectRepliesAsync(TeamsActivities.Group("Wat is de begroting voor 2026?", thread, "29:alice", mention: true, localTimestamp: Today));
        var carolReply = Assert.Single(await fixture.Client.ExpectRepliesAsync(TeamsActivities.Group(followUp, thread, "29:carol", mention: true, localTimestamp: Today)));

        Assert.Equal(alone.Text, carolReply.AnswerText());
    }

    [Fact]
    public async Task CardSubmit_InChannelWithoutMention_IsHandled()
    {
        var activity = TeamsActivities.Group("", NewThread(), "29:alice", mention: false);
        activity.Remove("text");
        activity["value"] = new JsonObject { ["feedback"] = "up", ["answerId"] = "0123456789abcdef" };

        var reply = Assert.Single(await fixture.Client.ExpectRepliesAsync(activity));

        Assert.Equal("message", (string?)reply["type"]);
    }

    [Fact]
    public async Task Message_SharedSearchCardWithoutWords_NoReply()
    {
        // What Teams (and the Agents Playground) send when a member inserts a search extension result and sends it.
        var activity = Activities.Message("<span class=\"inline-compose-card\" itemid=\"0\"></span>", "a:" + Guid.NewGuid().ToString("N"), Today);
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() },
        });

        Assert.Empty(await fixture.Client.ExpectRepliesAsync(activity));
    }

    [Fact]
    public async Task ChannelInfo_MentionInChannel_RepliesWithChannelIdAndServiceUrl()
    {
        var thread = NewThread();
        var activity = TeamsActivities.Group("kanaal-id", thread, "29:alice", mention: true);

        var reply = Assert.Single(await fixture.Client.ExpectRepliesAsync(activity));

        var text = (string)reply["text"]!;
        Assert.Contains(thread.Split(';')[0], text);
        Assert.DoesNotContain("messageid", text);
        Assert.Contains(Activities.ServiceUrl, text);
        Assert.Contains("Teams:NewsletterChannels", text);
    }

    [Fact]
    public async Task RemindMe_InChannel_PointsToThePersonalChat()
    {
        var reply = Assert.Single(await fixture.Client.ExpectRepliesAsync(TeamsActivities.Group("Herinner mij aan Leerhuizen", NewThread(), "29:alice", mention: true)));

        Assert.Contains("persoonlijke chat", (string?)reply["text"]);
    }
}
