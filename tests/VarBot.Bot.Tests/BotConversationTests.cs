using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Answering;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Storage;

namespace VarBot.Bot.Tests;

[Collection(BotHostCollection.Name)]
public sealed class BotConversationTests(BotHostFixture fixture)
{
    private const string Today = "2026-11-22T10:00:00+01:00";

    private static string NewConversation() => "a:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ConversationUpdate_BotAdded_SendsWelcomeCardWithExamples()
    {
        var replies = await fixture.Client.ExpectRepliesAsync(Activities.BotAdded(NewConversation()));

        var card = Assert.Single(replies).Card();
        var text = card.CardText();
        Assert.Contains("Welkom bij VarBot", text);
        Assert.Contains("Wanneer is het volgende Leerhuis?", text);
        Assert.Contains(card.SubmitActions(), a => (string?)a.Data["question"] == "Wanneer is het volgende Leerhuis?");
    }

    [Fact]
    public async Task ConversationUpdate_OnlyUserAdded_SendsNothing()
    {
        var activity = Activities.BotAdded(NewConversation());
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "someone-else" });

        var replies = await fixture.Client.ExpectRepliesAsync(activity);

        Assert.Empty(replies);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("hulp")]
    [InlineData("Hulp!")]
    public async Task Message_HelpWord_SendsHelpCard(string text)
    {
        var reply = await fixture.Client.AskAsync(text, NewConversation());

        Assert.Contains("Wat kunt u mij vragen?", reply.Card().CardText());
    }

    [Fact]
    public async Task Message_WithBotMentionInChannel_AnswersWithoutTheMention()
    {
        const string question = "Wie is de voorzitter van de VAR?";
        var activity = Activities.Message($"<at>VarBot</at> {question}", NewConversation(), Today, conversationType: "channel");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>VarBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "varbot-id", ["name"] = "VarBot" },
        });

        var reply = Assert.Single(await fixture.Client.ExpectRepliesAsync(activity));

        var expected = fixture.Engine.Ask(new Question(question, new DateOnly(2026, 11, 22)));
        Assert.True(reply["text"] is null || ((string)reply["text"]!).StartsWith(expected.Text + " [1]", StringComparison.Ordinal), (string?)reply["text"]); // text only to carry citations
        Assert.Equal(expected.Text, (string?)reply.Card()["fallbackText"]);
    }

    [Fact]
    public async Task Message_FollowUpButtonValue_AnswersTheButtonsQuestionInContext()
    {
        var conversation = NewConversation();
        const string question = "Wat heeft de VAR in 2025 gedaan aan digitale veiligheid?";
        var first = await fixture.Client.AskAsync(question, conversation, Today);
        var button = first.Card().SubmitActions().First(a => a.Data["question"] is not null && a.Data["feedback"] is null);
        var followUp = (string)button.Data["question"]!;

        // Action.Submit arrives as a message without text and with the button's data as value.
        var replies = await fixture.Client.ExpectRepliesAsync(Activities.Message(null, conversation, Today, button.Data.DeepClone()));

        var reply = Assert.Single(replies);
        var today = new DateOnly(2026, 11, 22);
        var expectedFirst = fixture.Engine.Ask(new Question(question, today));
        var expected = fixture.Engine.Ask(new Question(followUp, today, expectedFirst.Context));
        Assert.True(reply["text"] is null || ((string)reply["text"]!).StartsWith(expected.Text + " [1]", StringComparison.Ordinal), (string?)reply["text"]); // text only to carry citations
        Assert.Equal(expected.Text, (string?)reply.Card()["fallbackText"]);
        Assert.Contains((string)expected.Card.Data["title"]!, reply.Card().CardText());
        Assert.NotEqual(first.Card().CardText(), reply.Card().CardText());
    }

    [Fact]
    public async Task Invoke_AdaptiveCardActionWithQuestion_AnswersInlineWithCard()
    {
        var activity = Activities.Invoke(NewConversation(), "ask", new JsonObject { ["question"] = "Wanneer is het volgende Leerhuis?" });
        activity["localTimestamp"] = Today;

        using var response = await fixture.Client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var expected = fixture.Engine.Ask(new Question("Wanneer is het volgende Leerhuis?", new DateOnly(2026, 11, 22)));
        Assert.Contains((string)expected.Card.Data["title"]!, body["value"]!.CardText());
    }

    [Fact]
    public async Task Invoke_UnknownName_Returns400WithErrorBody()
    {
        var activity = Activities.Invoke(NewConversation(), "x", []);
        activity["name"] = "application/unknownInvoke";

        using var response = await fixture.Client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
    }

    [Fact]
    public async Task Message_FeedbackButton_StoresFeedbackWithoutUserIdentity()
    {
        var conversation = NewConversation();
        const string question = "Wat is de begroting voor 2026?";
        var answer = await fixture.Client.AskAsync(question, conversation, Today);
        var down = Assert.Single(answer.Card().SubmitActions(), a => (string?)a.Data["feedback"] == "down");
        Assert.Equal("Niet nuttig", down.Title);
        var blobs = BlobContainerFactory.Create(fixture.Azurite.ConnectionString, fixture.Host.Container);
        var before = await ListFeedbackAsync(blobs);

        var thanks = Assert.Single(await fixture.Client.ExpectRepliesAsync(Activities.Message(null, conversation, Today, down.Data.DeepClone())));

        Assert.Contains("Dank u wel", (string?)thanks["text"]);
        var added = Assert.Single(await WaitForNewFeedbackAsync(blobs, before));
        var json = Encoding.UTF8.GetString((await blobs.GetAsync(added))!.Content);
        var record = JsonNode.Parse(json)!;
        Assert.Equal("down", (string?)record["kind"]);
        Assert.Equal(question, (string?)record["question"]);
        Assert.Equal(answer.AnswerId(), (string?)record["answerId"]);
        Assert.False(string.IsNullOrEmpty((string?)record["intent"])); // from the card's answer ticket
        foreach (var identity in new[] { "user-id-0", "Alex Wilber", "00000000-0000-0000-0000-0000000000aa", conversation, "tenant-1" })
        {
            Assert.DoesNotContain(identity, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Message_UnansweredQuestion_IsStoredForEditorsWithoutIdentity()
    {
        const string question = "Welke partij wint de gemeenteraadsverkiezingen van 2026?";
        var blobs = BlobContainerFactory.Create(fixture.Azurite.ConnectionString, fixture.Host.Container);
        var before = await ListFeedbackAsync(blobs);

        await fixture.Client.AskAsync(question, NewConversation(), Today);

        var added = await WaitForNewFeedbackAsync(blobs, before);
        var records = new List<JsonNode>();
        foreach (var name in added)
        {
            var json = Encoding.UTF8.GetString((await blobs.GetAsync(name))!.Content);
            Assert.DoesNotContain("user-id-0", json, StringComparison.Ordinal);
            records.Add(JsonNode.Parse(json)!);
        }

        var record = Assert.Single(records, r => (string?)r["question"] == question);
        Assert.Equal("unanswered", (string?)record["kind"]);
    }

    [Fact]
    public async Task Message_Empty_AnswersWithHelp()
    {
        var reply = await fixture.Client.AskAsync("   ", NewConversation());

        Assert.Contains("hulp", (string?)reply["text"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Healthz_Always_ReturnsOk()
    {
        using var response = await fixture.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Feedback is written behind the reply: waits (up to 10 s) until new records appear.</summary>
    private static async Task<List<string>> WaitForNewFeedbackAsync(IBlobContainer blobs, List<string> before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var added = (await ListFeedbackAsync(blobs)).Except(before).ToList();
            if (added.Count > 0 || DateTime.UtcNow > deadline)
            {
                return added;
            }

            await Task.Delay(20);
        }
    }

    private static async Task<List<string>> ListFeedbackAsync(IBlobContainer blobs)
    {
        var names = new List<string>();
        await foreach (var blob in blobs.ListAsync("feedback/"))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
