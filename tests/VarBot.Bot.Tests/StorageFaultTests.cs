using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Bot.Conversations;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
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
    private const string Budget = "Wat is de begroting voor 2026?";
    private const string Unanswerable = "Welke partij wint de gemeenteraadsverkiezingen van 2026?";

    /// <summary>The engine over the seeds, built once for the class (each assertion used to import and build it again).</summary>
    private static readonly Lazy<VarBot.Answering.AnswerEngine> SeedsEngine =
        new(() => VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model));

    /// <summary>What the engine answers <paramref name="question"/> without context: the oracle for a healthy turn.</summary>
    private static string Expected(string question) =>
        SeedsEngine.Value.Ask(new VarBot.Answering.Question(question, new DateOnly(2026, 11, 22))).Text;

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
    public async Task StorageGoneAndTheClientsRetriesGiveUpBeforeTheReadTimeout_NewConversationsAreStillAnswered()
    {
        // One retry and a long read timeout: every conversation read ends in the SDK's AggregateException of its tries
        // (not a timeout), which must count as a storage failure like any other.
        var own = AzuriteFixture.StartOwn();
        var container = AzuriteFixture.UniqueContainerName("retries");
        await using var host = new BotHostFactory(own, container, settings: new Dictionary<string, string?>
        {
            ["Storage:MaxRetries"] = "1",
            ["Conversations:ReadTimeout"] = "00:00:20",
        });
        using var client = await host.StartAsync();
        await client.AskAsync(Chair, "warm:" + Guid.NewGuid().ToString("N"), Today);

        own.Dispose();
        var replies = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add(await client.AskAsync(Chair, "gone:" + Guid.NewGuid().ToString("N"), Today));
        }

        Assert.All(replies, r => Assert.Equal(Expected(Chair), r.AnswerText()));
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
        var status = await Poll.UntilAsync(
            async () =>
            {
                using var readiness = await client.GetAsync("/readyz");
                return readiness.StatusCode;
            },
            s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = await client.AskAsync(Chair, "late:" + Guid.NewGuid().ToString("N"), Today);
        Assert.Equal(Expected(Chair), reply.AnswerText());
    }

    [Fact]
    public async Task ConversationRowLargerThanTheStateLimitPlanted_IsNotReadAndTheConversationWorksAndReplacesIt()
    {
        var container = AzuriteFixture.UniqueContainerName("big");
        await using var host = new BotHostFactory(azurite, container);
        using var client = await host.StartAsync();
        var conversation = "big:" + Guid.NewGuid().ToString("N");
        var junk = new string('é', 30_000); // the table holds at most 32 K characters per property; the host reads at most 32 KiB of UTF-8
        await ConversationRow.PlantAsync(azurite, container, conversation, new Dictionary<string, object> { ["State"] = junk, ["Other"] = new string('x', 30_000) });

        var reply = await client.AskAsync(Chair, conversation, Today);
        var state = await ConversationRow.WaitAsync(azurite, container, conversation, s => s.HasAnswer(reply));

        Assert.Equal(Expected(Chair), reply.AnswerText());
        Assert.IsType<JsonObject>(state["context"]); // this turn's state replaced the planted row
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"context\":42,\"lastTurn\":\"2026-11-22T09:00:00Z\",\"recentAnswers\":null}")]
    [InlineData("{\"context\":null,\"lastTurn\":\"9999-12-31T00:00:00Z\",\"recentAnswers\":[]}")]
    [InlineData("null")]
    [InlineData("as a number property")]
    [InlineData("no state property")]
    public async Task ConversationRowUnreadable_StartsAfreshAndIsReplaced(string planted)
    {
        var container = AzuriteFixture.UniqueContainerName("bad");
        await using var host = new BotHostFactory(azurite, container);
        using var client = await host.StartAsync();
        var conversation = "bad:" + Guid.NewGuid().ToString("N");
        var properties = planted switch
        {
            "as a number property" => new Dictionary<string, object> { ["State"] = 42 },
            "no state property" => new Dictionary<string, object> { ["Context"] = "x" },
            _ => new Dictionary<string, object> { ["State"] = planted },
        };
        await ConversationRow.PlantAsync(azurite, container, conversation, properties);

        var reply = await client.AskAsync(Chair, conversation, Today);
        var state = await ConversationRow.WaitAsync(azurite, container, conversation, s => s.HasAnswer(reply));

        Assert.Equal(Expected(Chair), reply.AnswerText());
        Assert.IsType<JsonObject>(state["context"]); // this turn's state replaced the planted row
    }

    [Fact]
    public async Task ConversationRowWrittenAsBinaryBeforeTheStringFormat_IsContinued()
    {
        var container = AzuriteFixture.UniqueContainerName("legacy");
        await using var host = new BotHostFactory(azurite, container);
        using var client = await host.StartAsync();
        var conversation = "legacy:" + Guid.NewGuid().ToString("N");
        var today = new DateOnly(2026, 11, 22);
        var budget = SeedsEngine.Value.Ask(new VarBot.Answering.Question(Budget, today));
        var followUp = SeedsEngine.Value.Ask(new VarBot.Answering.Question("En in 2025?", today, budget.Context));
        Assert.NotEqual(Expected("En in 2025?"), followUp.Text); // the follow-up depends on the planted context
        var legacy = new JsonObject
        {
            ["context"] = budget.Context.ToJson(),
            ["lastTurn"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["recentAnswers"] = new JsonArray(),
        };
        await ConversationRow.PlantAsync(azurite, container, conversation, new Dictionary<string, object> { ["State"] = Encoding.UTF8.GetBytes(legacy.ToJsonString()) });

        var reply = await client.AskAsync("En in 2025?", conversation, Today);

        Assert.Equal(followUp.Text, reply.AnswerText());
    }

    [Fact]
    public async Task ModelThatIsValidJsonWithANullListPublishedWhileTheHostRuns_HostKeepsTheGoodModelAndReadyzNamesNoBlob()
    {
        // The review's fault: the next publish is valid JSON, but one of its lists is null.
        var run = await PublishBrokenModelWhileTheHostRunsAsync("nulllist", broken => broken["passages"] = null);

        Assert.Equal("Degraded", (string?)run.Readiness["model"]);
        Assert.Equal(run.GoodVersion, (string?)run.Readiness["modelVersion"]);
        Assert.Equal(Expected(Chair), run.Reply.AnswerText());
        Assert.Contains(run.Logs.Entries, e => e.EventId.Id == 3102
            && e.Message.Contains("still serving " + run.GoodVersion, StringComparison.Ordinal)
            && e.Message.Contains("passages", StringComparison.OrdinalIgnoreCase));
        // The reason is in the log; the anonymous /readyz body names no blob, container, endpoint or exception.
        foreach (var hidden in new[] { run.BadVersion, "models/", run.Container, "passages", "127.0.0.1", "devstoreaccount1", "Exception" })
        {
            Assert.DoesNotContain(hidden, run.ReadinessBody, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ModelTheNewsletterCannotComposePublishedWhileTheHostRuns_HostKeepsTheGoodModel()
    {
        // Readable, and the answering engine builds from it, but two events share one id: the nieuwsbrief cannot be composed.
        var run = await PublishBrokenModelWhileTheHostRunsAsync("nocompose", broken =>
        {
            var events = broken["events"]!.AsArray();
            events.Add(events[0]!.DeepClone());
        });

        Assert.Equal("Degraded", (string?)run.Readiness["model"]);
        Assert.Equal(run.GoodVersion, (string?)run.Readiness["modelVersion"]);
        Assert.Equal(Expected(Chair), run.Reply.AnswerText());
        Assert.Contains(run.Logs.Entries, e => e.EventId.Id == 3102
            && e.Message.Contains("still serving " + run.GoodVersion, StringComparison.Ordinal)
            && e.Message.Contains("newsletter composer failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FeedbackAndUnansweredFloodInOneConversation_CappedPerConversationAndOtherConversationsStillStored()
    {
        var container = AzuriteFixture.UniqueContainerName("flood");
        await using var host = new BotHostFactory(azurite, container);
        using var client = await host.StartAsync();
        var cap = new VarBotOptions().MaxFeedbackPerConversation;
        var flood = "flood:" + Guid.NewGuid().ToString("N");

        // One conversation offers twice the cap: per round a new unanswered question and a "Niet nuttig" click on its answer.
        for (var i = 0; i < cap; i++)
        {
            var answer = await client.AskAsync($"{Unanswerable} Vraag {i}.", flood, Today);
            var down = Assert.Single(answer.Card().SubmitActions(), a => (string?)a.Data["feedback"] == "down");
            await client.ExpectRepliesAsync(Activities.Message(null, flood, Today, down.Data.DeepClone()));
        }

        // Then one click in another conversation: one writer queue, so once it is stored the flood has been written too.
        var otherId = await ClickUpAsync(client, "other:" + Guid.NewGuid().ToString("N"));
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        var records = await FeedbackRecordsAsync(blobs, until: rs => rs.Any(r => (string?)r["answerId"] == otherId));

        Assert.Equal(cap, records.Count(r => (string?)r["answerId"] != otherId));
        Assert.Contains(records, r => (string?)r["kind"] == "unanswered");
        Assert.Contains(records, r => (string?)r["kind"] == "down");
        Assert.Single(records, r => (string?)r["answerId"] == otherId);
    }

    [Fact]
    public async Task RepeatedUnansweredQuestionAndClick_StoredOncePerConversation()
    {
        var container = AzuriteFixture.UniqueContainerName("repeat");
        await using var host = new BotHostFactory(azurite, container);
        using var client = await host.StartAsync();
        var first = "first:" + Guid.NewGuid().ToString("N");
        var second = "second:" + Guid.NewGuid().ToString("N");

        // The same question three times in one chat (case and spacing aside), and once in another chat.
        var answer = await client.AskAsync(Unanswerable, first, Today);
        await client.AskAsync(Unanswerable.ToUpperInvariant(), first, Today);
        await client.AskAsync("  " + Unanswerable.Replace(" ", "   ", StringComparison.Ordinal), first, Today);
        await client.AskAsync(Unanswerable, second, Today);
        // One answer clicked "Niet nuttig" twice.
        var down = Assert.Single(answer.Card().SubmitActions(), a => (string?)a.Data["feedback"] == "down");
        await client.ExpectRepliesAsync(Activities.Message(null, first, Today, down.Data.DeepClone()));
        await client.ExpectRepliesAsync(Activities.Message(null, first, Today, down.Data.DeepClone()));

        var lastId = await ClickUpAsync(client, first);
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        var records = await FeedbackRecordsAsync(blobs, until: rs => rs.Any(r => (string?)r["answerId"] == lastId));

        Assert.Equal(2, records.Count(r => (string?)r["kind"] == "unanswered"));
        Assert.Single(records, r => (string?)r["kind"] == "down");
        Assert.Single(records, r => (string?)r["kind"] == "up");
    }

    /// <summary>Asks a question in <paramref name="conversation"/> and clicks "Nuttig" on the answer; the answer's id.</summary>
    private static async Task<string> ClickUpAsync(HttpClient client, string conversation)
    {
        var answer = await client.AskAsync(Budget, conversation, Today);
        var up = Assert.Single(answer.Card().SubmitActions(), a => (string?)a.Data["feedback"] == "up");
        await client.ExpectRepliesAsync(Activities.Message(null, conversation, Today, up.Data.DeepClone()));
        return answer.AnswerId();
    }

    /// <summary>What a host did with a broken model published while it served a good one.</summary>
    private sealed record BrokenModelRun(
        string Container, string GoodVersion, string BadVersion, JsonObject Readiness, string ReadinessBody, JsonObject Reply, CapturingLoggerProvider Logs);

    /// <summary>
    /// Starts a host on a fresh container (healthy on the seed model), publishes the seed model broken by
    /// <paramref name="breakModel"/> as the next version, waits for the host's refresh, then asks a question.
    /// </summary>
    private async Task<BrokenModelRun> PublishBrokenModelWhileTheHostRunsAsync(string name, Action<JsonNode> breakModel)
    {
        var logs = new CapturingLoggerProvider();
        var container = AzuriteFixture.UniqueContainerName(name);
        var settings = new Dictionary<string, string?> { ["ModelStore:RefreshInterval"] = "00:00:00.200" };
        await using var host = new BotHostFactory(azurite, container, settings: settings, logs: logs);
        using var client = await host.StartAsync();
        var (healthy, _) = await ReadinessAsync(client);
        var goodVersion = (string)healthy["modelVersion"]!;
        Assert.Equal("Healthy", (string?)healthy["model"]);

        var badVersion = name + "1";
        var broken = SeedModelJson(badVersion);
        breakModel(broken);
        await PublishRawModelAsync(container, badVersion, broken);

        var (readiness, body) = await WaitForRefreshAsync(client, goodVersion);
        var reply = await client.AskAsync(Chair, name + ":" + Guid.NewGuid().ToString("N"), Today);
        return new BrokenModelRun(container, goodVersion, badVersion, readiness, body, reply, logs);
    }

    /// <summary>The seed model as JSON under another version, to break before publishing it.</summary>
    private static JsonNode SeedModelJson(string version) =>
        JsonNode.Parse(ModelJson.Serialize(KnowledgeImporter.Import(RepoPaths.Seeds).Model with { Version = version }))!;

    /// <summary>Publishes <paramref name="model"/> as it stands (no validation) and moves the pointer to it, as a faulty publisher would.</summary>
    private async Task PublishRawModelAsync(string container, string version, JsonNode model)
    {
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        var pointerETag = (await blobs.GetPropertiesAsync(ModelRepository.PointerBlob))!.ETag;
        await blobs.PutAsync(ModelRepository.ModelBlobName(version), Encoding.UTF8.GetBytes(model.ToJsonString()), "application/json");
        await blobs.PutAsync(
            ModelRepository.PointerBlob,
            Encoding.UTF8.GetBytes($"{{\"version\":\"{version}\",\"publishedAt\":\"2026-11-23T00:00:00Z\",\"blob\":\"{ModelRepository.ModelBlobName(version)}\"}}"),
            "application/json",
            BlobCondition.IfUnchanged(pointerETag));
    }

    /// <summary>
    /// Reads /readyz until the host has acted on a new publish (the model check is no longer Healthy, or another version
    /// serves), up to 30 s; the host checks the pointer every ModelStore:RefreshInterval.
    /// </summary>
    private static async Task<(JsonObject Json, string Body)> WaitForRefreshAsync(HttpClient client, string servedVersion)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var readiness = await ReadinessAsync(client);
        while ((string?)readiness.Json["model"] == "Healthy" && (string?)readiness.Json["modelVersion"] == servedVersion && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            readiness = await ReadinessAsync(client);
        }

        return readiness;
    }

    /// <summary>GET /readyz as an anonymous caller: the parsed body and the raw text.</summary>
    private static async Task<(JsonObject Json, string Body)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(body)!.AsObject(), body);
    }

    /// <summary>Every feedback record in the container, read again until <paramref name="until"/> holds (feedback is written behind the reply), up to 30 s.</summary>
    private static async Task<List<JsonNode>> FeedbackRecordsAsync(IBlobContainer blobs, Func<List<JsonNode>, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var records = new List<JsonNode>();
            await foreach (var blob in blobs.ListAsync("feedback/"))
            {
                records.Add(JsonNode.Parse((await blobs.GetAsync(blob.Name))!.Content)!);
            }

            if (until(records))
            {
                return records;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The feedback records did not arrive within 30 s ({records.Count} stored).");
            }

            await Task.Delay(50);
        }
    }
}
