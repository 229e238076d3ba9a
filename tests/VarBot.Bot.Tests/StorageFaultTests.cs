using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Bot.Conversations;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// Reliability, storage faults: each test reproduces a fault from the security and fault review against the real host
/// and a real Azurite, and shows the host keeps answering.
/// </summary>
public sealed class StorageFaultTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Today = "2026-11-22T10:00:00+01:00";
    private const string Chair = "Wie is de voorzitter van de VAR?";

    /// <summary>What the engine answers <paramref name="question"/> without context: the oracle for a healthy turn.</summary>
    private static string Expected(string question) =>
        VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model)
            .Ask(new VarBot.Answering.Question(question, new DateOnly(2026, 11, 22))).Text;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task AzuriteKilledDuringAStreamOfQuestions_AnswersGoOnFromTheModelAndReadyzSaysDegraded()
    {
        var logs = new CapturingLoggerProvider();
        var own = AzuriteFixture.StartOwn();
        var container = AzuriteFixture.UniqueContainerName("down");
        await using var host = new BotHostFactory(own, container, logs: logs);
        using var client = await host.StartAsync();
        var cached = "down:" + Guid.NewGuid().ToString("N");
        var healthy = await client.AskAsync("Wat is de begroting voor 2026?", cached, Today);

        own.Dispose(); // storage gone while the host runs
        var replies = new List<JsonObject>();
        for (var i = 0; i < 30; i++)
        {
            replies.Add(await client.AskAsync("Wat is de begroting voor 2026?", cached, Today));
        }

        for (var i = 0; i < 4; i++)
        {
            replies.Add(await client.AskAsync(Chair, "new:" + Guid.NewGuid().ToString("N"), Today));
        }

        var followUp = await client.AskAsync("En in 2025?", cached, Today);
        using var readiness = await client.GetAsync("/readyz");
        var readinessBody = await readiness.Content.ReadAsStringAsync();

        Assert.All(replies.Take(30), r => Assert.Equal(healthy.AnswerText(), r.AnswerText()));
        Assert.All(replies.Skip(30), r => Assert.Equal(Expected(Chair), r.AnswerText()));
        Assert.NotEqual(healthy.AnswerText(), followUp.AnswerText()); // the cached context still serves follow-ups
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal("Degraded", (string?)JsonNode.Parse(readinessBody)!["storage"]);
        Assert.DoesNotContain("127.0.0.1", readinessBody, StringComparison.Ordinal);
        Assert.DoesNotContain(container, readinessBody, StringComparison.Ordinal);
        // A few throttled warnings, not one per turn, and no stack traces.
        var storageWarnings = logs.Lines.Count(l => l.Contains(" Warning 50", StringComparison.Ordinal));
        Assert.InRange(storageWarnings, 1, 8);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task StorageNotUpWhenTheHostStarts_SeedsArePublishedOnceItIsAndTheBotAnswers()
    {
        var port = LocalServer.FreePort();
        var container = AzuriteFixture.UniqueContainerName("late");
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = AzuriteFixture.ConnectionStringFor(port) };
        await using var host = new BotHostFactory(azurite, container, settings: settings);
        using var client = host.StartWithoutWaiting(); // nothing listens on the port yet
        using (var before = await client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        }

        using var late = AzuriteFixture.StartOn(port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            using var readiness = await client.GetAsync("/readyz");
            status = readiness.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = await client.AskAsync(Chair, "late:" + Guid.NewGuid().ToString("N"), Today);
        Assert.Equal(Expected(Chair), reply.AnswerText());
    }

    [Fact]
    public async Task ConversationBlobOf50MegabytesPlanted_IsNotReadAndTheConversationWorksAndReplacesIt()
    {
        var container = AzuriteFixture.UniqueContainerName("big");
        await using var host = new BotHostFactory(azurite, container);
        using var client = await host.StartAsync();
        var conversation = "big:" + Guid.NewGuid().ToString("N");
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        var junk = new byte[50 * 1024 * 1024];
        Array.Fill(junk, (byte)'[');
        await blobs.PutAsync(ConversationBlobs.BlobName(conversation), junk, "application/json");

        var reply = await client.AskAsync(Chair, conversation, Today);
        var state = await ConversationBlob.WaitAsync(azurite, container, conversation, s => s.HasAnswer(reply));

        Assert.Equal(Expected(Chair), reply.AnswerText());
        Assert.Single(state["recentAnswers"]!.AsArray());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"context\":42,\"lastTurn\":\"2026-11-22T09:00:00Z\",\"recentAnswers\":null}")]
    [InlineData("{\"context\":null,\"lastTurn\":\"9999-12-31T00:00:00Z\",\"recentAnswers\":[]}")]
    [InlineData("null")]
    public async Task ConversationBlobUnreadable_StartsAfreshAndIsReplaced(string planted)
    {
        var container = AzuriteFixture.UniqueContainerName("bad");
        await using var host = new BotHostFactory(azurite, container);
        using var client = await host.StartAsync();
        var conversation = "bad:" + Guid.NewGuid().ToString("N");
        await BlobContainerFactory.Create(azurite.ConnectionString, container)
            .PutAsync(ConversationBlobs.BlobName(conversation), Encoding.UTF8.GetBytes(planted), "application/json");

        var reply = await client.AskAsync(Chair, conversation, Today);
        var state = await ConversationBlob.WaitAsync(azurite, container, conversation, s => s.HasAnswer(reply));

        Assert.Equal(Expected(Chair), reply.AnswerText());
        Assert.Single(state["recentAnswers"]!.AsArray());
    }
}
