using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VarBot.Bot.Conversations;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// Conversation state off the answer's path (issue 11): turns of one conversation are serialised per host, the state
/// is written behind the answer, races between hosts are merged, and a clean shutdown flushes what is pending.
/// </summary>
public sealed partial class ConversationStateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Today = "2026-11-22T10:00:00+01:00";
    private const string Budget = "Wat is de begroting voor 2026?";
    private const string FollowUp = "En in 2025?";

    private static string? ExpectedFollowUpContext()
    {
        var today = new DateOnly(2026, 11, 22);
        var engine = VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model);
        return engine.Ask(new VarBot.Answering.Question(FollowUp, today, engine.Ask(new VarBot.Answering.Question(Budget, today)).Context)).Context.ToJson();
    }

    private static string ExpectedFollowUp()
    {
        var today = new DateOnly(2026, 11, 22);
        var engine = VarBot.Answering.AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model);
        return engine.Ask(new VarBot.Answering.Question(FollowUp, today, engine.Ask(new VarBot.Answering.Question(Budget, today)).Context)).Text;
    }

    [Fact]
    public async Task Turns_ManyAtOnceInOneConversationOnOneHost_AreSerialisedWithoutRaceOrLoss()
    {
        var logs = new CapturingLoggerProvider();
        var container = AzuriteFixture.UniqueContainerName("busy");
        await using var host = new BotHostFactory(azurite, container, logs: logs);
        using var client = await host.StartAsync();
        var conversation = "busy:" + Guid.NewGuid().ToString("N");

        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.AskAsync(Budget, conversation, Today)));
        var last = replies[^1];
        var state = await ConversationRow.WaitAsync(azurite, container, conversation, s => replies.Any(s.HasAnswer));
        var followUp = await client.AskAsync(FollowUp, conversation, Today);

        Assert.All(replies, r => Assert.False(string.IsNullOrEmpty(r.AnswerText())));
        Assert.Equal(ExpectedFollowUp(), followUp.AnswerText());
        // One host never races itself: no lost ETag race, no failed write, no stack trace in any warning.
        Assert.DoesNotContain(logs.Lines, l => l.Contains(" 5006:", StringComparison.Ordinal) || l.Contains(" 5012:", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("VarBot.", StringComparison.Ordinal)
            && (l.Contains(" Warning ", StringComparison.Ordinal) || l.Contains(" Error ", StringComparison.Ordinal)) && l.Contains("   at ", StringComparison.Ordinal));
        Assert.NotNull(state["lastTurn"]);
    }

    [Fact]
    public async Task Turns_ConcurrentInOneConversationOnTwoHosts_NoErrorAndTheMergedContextContinues()
    {
        var logs = new CapturingLoggerProvider();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var container = AzuriteFixture.UniqueContainerName("race");
        await using var one = new BotHostFactory(azurite, container, time, logs: logs);
        await using var two = new BotHostFactory(azurite, container, time, logs: logs);
        using var oneClient = await one.StartAsync();
        using var twoClient = await two.StartAsync();
        var conversation = "race:" + Guid.NewGuid().ToString("N");

        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? oneClient : twoClient).AskAsync(Budget, conversation, Today)));
        // Both hosts' writes land (merged on a lost race, never dropped). Which turn a host finished last is not the order
        // its replies reached the client, so the wait is for any of the turns' answers in storage.
        // Writes of a busy conversation wait for their interval (within Conversations:WriteBehindWindow) on the hosts' clock: the wait moves it on.
        await ConversationRow.WaitAsync(azurite, container, conversation, s => replies.Any(s.HasAnswer), time);
        for (var i = 0; i < 20; i++)
        {
            // The write-behind window of the other host's last turn (stated: <= 50 ms): 200 ms of its clock and real time.
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        time.Advance(TimeSpan.FromSeconds(1)); // past the cache trust: both hosts read the merged state
        var fromOne = await oneClient.AskAsync(FollowUp, conversation, Today);
        var fromTwo = await twoClient.AskAsync(FollowUp, "race2:" + conversation, Today);

        Assert.All(replies, r => Assert.False(string.IsNullOrEmpty(r.AnswerText())));
        Assert.Equal(ExpectedFollowUp(), fromOne.AnswerText());
        Assert.NotEqual(ExpectedFollowUp(), fromTwo.AnswerText()); // a fresh conversation has no context to continue
        var ours = logs.Lines.Where(l => l.StartsWith("VarBot.", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(ours, l => l.Contains(" Error ", StringComparison.Ordinal));
        Assert.DoesNotContain(ours, l => l.Contains(" Warning ", StringComparison.Ordinal) && l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_OfABusyConversation_AreCoalescedAndTheNewestContextLandsOneIntervalAfterThePreviousWrite()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var puts = new WriteCounter();
        var container = AzuriteFixture.UniqueContainerName("coalesce");
        await using var host = new BotHostFactory(azurite, container, time, services: puts.Register);
        using var client = await host.StartAsync();
        var interval = host.Services.GetRequiredService<IOptions<ConversationOptions>>().Value.WriteBehindWindow;
        Assert.InRange(interval, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(50)); // the stated window: <= 50 ms
        // On a clock that stands still a round takes no time, so the interval is the whole window.
        var conversation = "coalesce:" + Guid.NewGuid().ToString("N");
        var row = ConversationTable.RowKey(conversation);

        // After a quiet spell a turn's context is written at once (the clock stands still).
        var first = await client.AskAsync(Budget, conversation, Today);
        await ConversationRow.WaitAsync(azurite, container, conversation, s => s.HasAnswer(first));
        Assert.Equal(1, puts.Count(row));

        // A busy conversation: 30 turns within the interval, the last one a follow-up of the one before.
        var replies = new List<JsonObject>();
        for (var i = 0; i < 29; i++)
        {
            replies.Add(await client.AskAsync(i % 2 == 0 ? "Wie is de voorzitter van de VAR?" : "Hoeveel gemeenten doen mee?", conversation, Today));
        }

        replies.Add(await client.AskAsync(Budget, conversation, Today));
        var last = await client.AskAsync(FollowUp, conversation, Today);
        Assert.Equal(ExpectedFollowUp(), last.AnswerText()); // every turn answered in its context

        // Nothing more is written until the interval since the first write has passed on the host's clock...
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        time.Advance(interval - TimeSpan.FromMilliseconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, puts.Count(row));

        // ...and then all 31 turns are one write, which holds the newest context.
        time.Advance(TimeSpan.FromMilliseconds(1));
        var state = await ConversationRow.WaitAsync(azurite, container, conversation, s => s.HasAnswer(last));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, puts.Count(row));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ExpectedFollowUpContext()!), state["context"]), state["context"]?.ToJsonString()); // stored as a nested object
    }

    [Fact]
    public async Task Writes_AfterASlowRound_StartSoonerSoTheContextStillLandsWithinTheWindow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var window = new ConversationOptions().WriteBehindWindow;
        var slow = window * 2 / 5; // storage takes 20 ms of the hosts' clock per round: the interval becomes 30 ms, not 50
        var puts = new WriteCounter { DuringBatch = () => time.Advance(slow) };
        var container = AzuriteFixture.UniqueContainerName("slowround");
        await using var host = new BotHostFactory(azurite, container, time, services: puts.Register);
        using var client = await host.StartAsync();
        var conversation = "slowround:" + Guid.NewGuid().ToString("N");
        var row = ConversationTable.RowKey(conversation);

        var first = await client.AskAsync(Budget, conversation, Today); // written at once; its round takes `slow`
        await ConversationRow.WaitAsync(azurite, container, conversation, s => s.HasAnswer(first));
        var last = await client.AskAsync(FollowUp, conversation, Today); // the clock stands at `slow` after the first write started

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        time.Advance(window - slow - slow - TimeSpan.FromMilliseconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, puts.Count(row)); // not yet: one interval (window - slow) after the first write started is 1 ms away

        time.Advance(TimeSpan.FromMilliseconds(1));
        await ConversationRow.WaitAsync(azurite, container, conversation, s => s.HasAnswer(last)); // in storage by window - slow + slow
        Assert.Equal(2, puts.Count(row));
    }

    [Fact]
    public async Task Writes_OfManyBusyConversationsDueTogether_GoInOneTransaction()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var writes = new WriteCounter();
        var container = AzuriteFixture.UniqueContainerName("round");
        await using var host = new BotHostFactory(azurite, container, time, services: writes.Register);
        using var client = await host.StartAsync();
        var interval = host.Services.GetRequiredService<IOptions<ConversationOptions>>().Value.WriteBehindWindow; // rounds take no time on this clock
        var conversations = Enumerable.Range(0, 12).Select(i => $"round{i}:" + Guid.NewGuid().ToString("N")).ToList();
        foreach (var conversation in conversations)
        {
            var first = await client.AskAsync(Budget, conversation, Today);
            await ConversationRow.WaitAsync(azurite, container, conversation, s => s.HasAnswer(first));
        }

        // Each conversation takes its follow-up within its interval (the clock stands still): none is due yet.
        var followUps = new List<JsonObject>();
        foreach (var conversation in conversations)
        {
            followUps.Add(await client.AskAsync(FollowUp, conversation, Today));
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var before = writes.Batches.Count;
        time.Advance(interval);
        for (var i = 0; i < conversations.Count; i++)
        {
            var reply = followUps[i];
            await ConversationRow.WaitAsync(azurite, container, conversations[i], s => s.HasAnswer(reply));
        }

        // One round: every conversation's newest context in one transaction (Conversations:Partitions is 1).
        var round = Assert.Single(writes.Batches.Skip(before));
        Assert.Equal(conversations.Select(ConversationTable.RowKey).ToHashSet(), round);
    }

    [Fact]
    public async Task Writes_OfABusyConversationOnTheRealClock_AtMostOnePerIntervalAndTheLastTurnLands()
    {
        var puts = new WriteCounter();
        var container = AzuriteFixture.UniqueContainerName("rate");
        await using var host = new BotHostFactory(azurite, container, services: puts.Register);
        using var client = await host.StartAsync();
        var interval = host.Services.GetRequiredService<IOptions<ConversationOptions>>().Value.WriteBehindWindow / 2; // the shortest interval
        var conversation = "rate:" + Guid.NewGuid().ToString("N");
        await client.AskAsync(Budget, conversation, Today); // the first write: warm connections

        var before = puts.Count(ConversationTable.RowKey(conversation));
        var clock = Stopwatch.StartNew();
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var mine = new List<JsonObject>();
            for (var i = 0; i < 25; i++)
            {
                mine.Add(await client.AskAsync(Budget, conversation, Today));
            }

            return mine;
        }));
        var answerIds = replies.SelectMany(r => r).Select(r => r.AnswerId()).ToHashSet();
        // The newest state lands: its answer is one of this burst's.
        var state = await ConversationRow.WaitAsync(azurite, container, conversation, s => answerIds.Contains((string?)s["lastAnswerId"] ?? ""));
        var written = clock.Elapsed;
        await Task.Delay(interval * 4);

        var writes = puts.Count(ConversationTable.RowKey(conversation)) - before;
        // At most one write per interval (and one more that starts the burst), however many turns: 200 here.
        Assert.InRange(writes, 1, (int)(written / interval) + 2);
        Assert.NotNull(state["context"]);
    }

    [Fact]
    public async Task Shutdown_RightAfterAnswers_FlushesEveryPendingContextWrite()
    {
        var container = AzuriteFixture.UniqueContainerName("flush");
        var conversations = Enumerable.Range(0, 30).Select(i => $"flush{i}:" + Guid.NewGuid().ToString("N")).ToList();
        var host = new BotHostFactory(azurite, container);
        var client = await host.StartAsync();
        var replies = await Task.WhenAll(conversations.Select(c => client.AskAsync(Budget, c, Today)));

        await host.DisposeAsync(); // a clean stop, straight after the answers
        client.Dispose();

        for (var i = 0; i < conversations.Count; i++)
        {
            var state = await ConversationRow.ReadAsync(azurite, container, conversations[i]);
            Assert.NotNull(state);
            Assert.True(state.HasAnswer(replies[i]), "conversation " + i);
        }
    }

    [Fact]
    public async Task Turns_UnderLoad_LogNoLinePerTurnAtInformation()
    {
        var logs = new CapturingLoggerProvider();
        var container = AzuriteFixture.UniqueContainerName("quiet");
        await using var host = new BotHostFactory(azurite, container, logs: logs);
        using var client = await host.StartAsync();
        var before = Informational(logs);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => client.AskAsync(Budget, $"quiet{i % 6}", Today)));

        Assert.True(Informational(logs) - before < 5, string.Join("\n", logs.Lines.TakeLast(20)));
    }

    /// <summary>Counts the writes of each conversation row the host's storage client sends (a handler in its HTTP pipeline,
    /// to Azurite): one per operation in a table transaction's body.</summary>
    private sealed partial class WriteCounter
    {
        private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

        public void Register(IServiceCollection services) =>
            services.AddHttpClient(BlobStorageServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new Handler(this));

        private readonly ConcurrentQueue<HashSet<string>> _batches = new();

        public int Count(string rowKey) => _writes.GetValueOrDefault(rowKey);

        /// <summary>Runs while each transaction is on its way (a test moves the hosts' fake clock: storage is slow).</summary>
        public Action? DuringBatch { get; init; }

        /// <summary>The row keys of each transaction sent so far, in order.</summary>
        public IReadOnlyList<HashSet<string>> Batches => [.. _batches];

        [System.Text.RegularExpressions.GeneratedRegex("\"RowKey\":\\s*\"([0-9a-f]{64})\"")]
        private static partial System.Text.RegularExpressions.Regex RowKeyInBody();

        private sealed class Handler(WriteCounter counter) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal) == true && request.Content is { } content)
                {
                    await content.LoadIntoBufferAsync(cancellationToken);
                    var rows = new HashSet<string>(StringComparer.Ordinal);
                    foreach (System.Text.RegularExpressions.Match match in RowKeyInBody().Matches(await content.ReadAsStringAsync(cancellationToken)))
                    {
                        counter._writes.AddOrUpdate(match.Groups[1].Value, 1, (_, n) => n + 1);
                        rows.Add(match.Groups[1].Value);
                    }

                    counter._batches.Enqueue(rows);
                    counter.DuringBatch?.Invoke();
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }

    private static int Informational(CapturingLoggerProvider logs) =>
        logs.Lines.Count(l => (l.Contains(" Information ", StringComparison.Ordinal) || l.Contains(" Warning ", StringComparison.Ordinal)
            || l.Contains(" Error ", StringComparison.Ordinal)) && !l.Contains("Microsoft.Hosting", StringComparison.Ordinal));
}
