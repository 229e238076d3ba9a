using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>Conversation context lives in blob storage: any host instance continues a conversation, and it expires when idle.</summary>
public sealed class ConversationSharingTests : IClassFixture<AzuriteFixture>
{
    private const string Today = "2026-11-22T10:00:00+01:00";
    private readonly AzuriteFixture _azurite;

    public ConversationSharingTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Feedback_OnOtherHostInstance_FindsTheQuestionAskedOnTheFirst()
    {
        var container = AzuriteFixture.UniqueContainerName("share");
        await using var first = new BotHostFactory(_azurite, container);
        await using var second = new BotHostFactory(_azurite, container);
        using var firstClient = await first.StartAsync();
        using var secondClient = await second.StartAsync();
        var conversation = "share:" + Guid.NewGuid().ToString("N");
        const string question = "Wat is de begroting voor 2026?";

        var answer = await firstClient.AskAsync(question, conversation, Today);
        var down = answer.Card().SubmitActions().Single(a => (string?)a.Data["feedback"] == "down");
        await secondClient.ExpectRepliesAsync(Activities.Message(null, conversation, Today, down.Data.DeepClone()));

        var record = await FindFeedbackAsync(container, answer.AnswerId());
        Assert.Equal(question, (string?)record["question"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task FollowUp_OnOtherHostAfterTheWriteBehind_UsesTheFirstHostsContext(int firstHost)
    {
        var container = AzuriteFixture.UniqueContainerName("ctx");
        await using var one = new BotHostFactory(_azurite, container);
        await using var two = new BotHostFactory(_azurite, container);
        using var oneClient = await one.StartAsync();
        using var twoClient = await two.StartAsync();
        var (firstClient, secondClient) = firstHost == 0 ? (oneClient, twoClient) : (twoClient, oneClient);
        var conversation = "ctx:" + Guid.NewGuid().ToString("N");
        const string question = "Wat is de begroting voor 2026?";
        const string followUp = "En in 2025?";
        var today = new DateOnly(2026, 11, 22);
        var engine = VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model);
        var inContext = engine.Ask(new VarBot.Answering.Question(followUp, today, engine.Ask(new VarBot.Answering.Question(question, today)).Context));
        var alone = engine.Ask(new VarBot.Answering.Question(followUp, today));
        Assert.NotEqual(alone.Card.Data.ToJsonString(), inContext.Card.Data.ToJsonString()); // the follow-up needs the context

        var asked = await firstClient.AskAsync(question, conversation, Today);
        await ConversationRow.WaitAsync(_azurite, container, conversation, state => state.HasAnswer(asked));
        var reply = await secondClient.AskAsync(followUp, conversation, Today);

        Assert.True(reply["text"] is null || ((string)reply["text"]!).StartsWith(inContext.Text + " [1]", StringComparison.Ordinal), (string?)reply["text"]); // text only to carry citations
        Assert.Equal(inContext.Text, (string?)reply.Card()["fallbackText"]);
        Assert.Contains((string)inContext.Card.Data["title"]!, reply.Card().CardText());
    }

    [Fact]
    public async Task FollowUp_BackOnFirstInstanceAfterCacheTrust_UsesTheSecondHostsContextNotItsOwnCopy()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var container = AzuriteFixture.UniqueContainerName("back");
        await using var first = new BotHostFactory(_azurite, container, time);
        await using var second = new BotHostFactory(_azurite, container, time);
        using var firstClient = await first.StartAsync();
        using var secondClient = await second.StartAsync();
        var conversation = "back:" + Guid.NewGuid().ToString("N");
        const string budget = "Wat is de begroting voor 2026?";
        const string chair = "Wie is de voorzitter van de VAR?";
        const string followUp = "En in 2020?";
        var today = new DateOnly(2026, 11, 22);
        var engine = VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model);
        var afterChair = engine.Ask(new VarBot.Answering.Question(followUp, today, engine.Ask(new VarBot.Answering.Question(chair, today)).Context));
        var afterBudget = engine.Ask(new VarBot.Answering.Question(followUp, today, engine.Ask(new VarBot.Answering.Question(budget, today)).Context));
        Assert.NotEqual(afterBudget.Text, afterChair.Text); // the follow-up depends on which context it continues

        var budgetAnswer = await firstClient.AskAsync(budget, conversation, Today);   // the first host keeps its own copy
        // The rule under test covers a turn after the write-behind window: without this wait a slow first write (a cold
        // host on a busy machine) lands after the second host's read, the conversation forks, and with one fake clock
        // for both hosts the merge cannot tell which turn came last.
        await ConversationRow.WaitAsync(_azurite, container, conversation, state => state.HasAnswer(budgetAnswer));
        var moved = await secondClient.AskAsync(chair, conversation, Today);   // the second host moves the conversation on
        await ConversationRow.WaitAsync(_azurite, container, conversation, state => state.HasAnswer(moved));
        time.Advance(TimeSpan.FromSeconds(1)); // past Conversations:CacheTrust (500 ms): the first host reads storage again
        var reply = await firstClient.AskAsync(followUp, conversation, Today);

        Assert.True(reply["text"] is null || ((string)reply["text"]!).StartsWith(afterChair.Text + " [1]", StringComparison.Ordinal), (string?)reply["text"]); // text only to carry citations
        Assert.Equal(afterChair.Text, (string?)reply.Card()["fallbackText"]);
    }

    [Fact]
    public async Task FollowUp_SameInstanceTwice_ContinuesItsOwnContext()
    {
        var container = AzuriteFixture.UniqueContainerName("same");
        await using var host = new BotHostFactory(_azurite, container);
        using var client = await host.StartAsync();
        var conversation = "same:" + Guid.NewGuid().ToString("N");
        var today = new DateOnly(2026, 11, 22);
        var engine = VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model);
        var first = engine.Ask(new VarBot.Answering.Question("Wat is de begroting voor 2026?", today));
        var second = engine.Ask(new VarBot.Answering.Question("En in 2025?", today, first.Context));
        var third = engine.Ask(new VarBot.Answering.Question("En in 2024?", today, second.Context));

        await client.AskAsync("Wat is de begroting voor 2026?", conversation, Today);
        await client.AskAsync("En in 2025?", conversation, Today);
        var reply = await client.AskAsync("En in 2024?", conversation, Today);

        Assert.True(reply["text"] is null || ((string)reply["text"]!).StartsWith(third.Text + " [1]", StringComparison.Ordinal), (string?)reply["text"]); // text only to carry citations
        Assert.Equal(third.Text, (string?)reply.Card()["fallbackText"]);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task Context_IdleFor_MinutesExpiresAfterThirty(int idleMinutes, bool remembered)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var container = AzuriteFixture.UniqueContainerName("idle");
        await using var host = new BotHostFactory(_azurite, container, time);
        using var client = await host.StartAsync();
        var conversation = "idle:" + Guid.NewGuid().ToString("N");
        var today = new DateOnly(2026, 11, 22);
        var engine = VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model);
        var inContext = engine.Ask(new VarBot.Answering.Question("En in 2025?", today, engine.Ask(new VarBot.Answering.Question("Wat is de begroting voor 2026?", today)).Context));
        var alone = engine.Ask(new VarBot.Answering.Question("En in 2025?", today));
        Assert.NotEqual(alone.Text, inContext.Text);

        await client.AskAsync("Wat is de begroting voor 2026?", conversation, Today);
        time.Advance(TimeSpan.FromMinutes(idleMinutes));
        var reply = await client.AskAsync("En in 2025?", conversation, Today);

        Assert.Equal(remembered ? inContext.Text : alone.Text, (string?)reply.Card()["fallbackText"]);
    }

    [Fact]
    public async Task Feedback_AnHourAfterTheAnswer_StillNamesItsQuestion()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var container = AzuriteFixture.UniqueContainerName("late");
        await using var host = new BotHostFactory(_azurite, container, time);
        using var client = await host.StartAsync();
        var conversation = "late:" + Guid.NewGuid().ToString("N");
        const string question = "Wie is de voorzitter van de VAR?";

        var answer = await client.AskAsync(question, conversation, Today);
        time.Advance(TimeSpan.FromHours(1)); // the conversation's context has expired; the card's ticket has not
        var up = answer.Card().SubmitActions().Single(a => (string?)a.Data["feedback"] == "up");
        await client.ExpectRepliesAsync(Activities.Message(null, conversation, Today, up.Data.DeepClone()));

        var record = await FindFeedbackAsync(container, answer.AnswerId());
        Assert.Equal(question, (string?)record["question"]);
    }

    [Fact]
    public async Task Feedback_WithAForgedTicket_IsStoredWithoutTheForgedQuestion()
    {
        var container = AzuriteFixture.UniqueContainerName("forge");
        await using var host = new BotHostFactory(_azurite, container);
        using var client = await host.StartAsync();
        var conversation = "forge:" + Guid.NewGuid().ToString("N");
        var answer = await client.AskAsync("Wie is de voorzitter van de VAR?", conversation, Today);
        var down = answer.Card().SubmitActions().Single(a => (string?)a.Data["feedback"] == "down");
        var parts = ((string)down.Data["answerId"]!).Split('.');
        var forgedPayload = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"q":"Koop nu goedkope horloges!","i":"Search","a":true}"""));
        var forged = (JsonObject)down.Data.DeepClone();
        forged["answerId"] = $"{parts[0]}.{forgedPayload}.{parts[2]}";

        await client.ExpectRepliesAsync(Activities.Message(null, conversation, Today, forged));

        var record = await FindFeedbackAsync(container, answer.AnswerId());
        Assert.Null(record["question"]);
        Assert.Null(record["intent"]);
    }

    /// <summary>Feedback is written behind the reply: waits for it (up to 10 s).</summary>
    private async Task<JsonNode> FindFeedbackAsync(string container, string answerId)
    {
        var blobs = BlobContainerFactory.Create(_azurite.ConnectionString, container);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            await foreach (var blob in blobs.ListAsync("feedback/"))
            {
                var record = JsonNode.Parse(Encoding.UTF8.GetString((await blobs.GetAsync(blob.Name))!.Content))!;
                if ((string?)record["answerId"] == answerId && (string?)record["kind"] != "unanswered")
                {
                    return record;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("no feedback stored for answer " + answerId);
            }

            await Task.Delay(20);
        }
    }
}
