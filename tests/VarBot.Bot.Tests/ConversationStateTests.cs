using System.Text.Json.Nodes;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// Conversation state off the answer's path (issue 11): turns of one conversation are serialised per host, the state
/// is written behind the answer, races between hosts are merged, and a clean shutdown flushes what is pending.
/// </summary>
public sealed class ConversationStateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Today = "2026-11-22T10:00:00+01:00";
    private const string Budget = "Wat is de begroting voor 2026?";
    private const string FollowUp = "En in 2025?";

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
        var state = await ConversationBlob.WaitAsync(azurite, container, conversation, s => s["recentAnswers"]!.AsArray().Count == 5);
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
        // Both hosts' writes land (merged on a lost race, never dropped): every answer's host wrote at least its last turn.
        await ConversationBlob.WaitAsync(azurite, container, conversation, s => s.HasAnswer(replies[^1]) || s.HasAnswer(replies[^2]));
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // the write-behind window of the other host's last turn (stated: <= 50 ms)
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
            var state = await ConversationBlob.ReadAsync(azurite, container, conversations[i]);
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

    private static int Informational(CapturingLoggerProvider logs) =>
        logs.Lines.Count(l => (l.Contains(" Information ", StringComparison.Ordinal) || l.Contains(" Warning ", StringComparison.Ordinal)
            || l.Contains(" Error ", StringComparison.Ordinal)) && !l.Contains("Microsoft.Hosting", StringComparison.Ordinal));
}
