using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VarBot.Protocol.Auth;
using VarBot.Protocol.Proactive;
using VarBot.Protocol.Schema;
using VarBot.Protocol.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Protocol.Tests;

/// <summary>
/// Proactive sending against a real recording connector over HTTP: the reference a turn keeps, "Send to Conversation"
/// and "Create Conversation" with the bot's token, Retry-After, and paced runs that pause on 429 and slow down.
/// </summary>
public sealed class ProactiveTests : IAsyncLifetime
{
    private const string BotToken = "bot-token-from-entra";
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = await BotHost.StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<IConnectorTokenProvider>(new FixedToken(BotToken))));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private IProactiveSender Sender => _host.Services.GetRequiredService<IProactiveSender>();

    [Fact]
    public async Task GetConversationReference_TeamsMessage_KeepsIdsServiceUrlAndTenantOnly()
    {
        ConversationReference? kept = null;
        _host.Bot.OnTurn = (turn, _) =>
        {
            kept = turn.Activity.GetConversationReference();
            return Task.CompletedTask;
        };
        var message = Activities.Message(_connector.ServiceUrl);
        message.Conversation!.TenantId = null;
        message.Conversation.Name = "Gesprek met Jan";
        message.ChannelData = JsonNode.Parse("""{"tenant":{"id":"tenant-from-channel-data"}}""");

        using var response = await _host.PostAsync(message);
        await Poll.UntilAsync(() => kept is not null, "the turn");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = JsonSerializer.Serialize(kept, BotJson.Options);
        Assert.Equal(
            $$"""{"channelId":"msteams","serviceUrl":"{{_connector.ServiceUrl}}","conversation":{"id":"a:1Xy-conv;messageid=1234","conversationType":"personal","tenantId":"tenant-from-channel-data"},"bot":{"id":"28:bot-app-id"},"user":{"id":"29:user-1","aadObjectId":"aad-1"},"locale":"nl-NL"}""",
            json);
        Assert.DoesNotContain("Jan", json);
    }

    [Fact]
    public async Task ContinueConversationAsync_StoredReference_PostsNewMessageWithBotTokenAndAddressing()
    {
        var reference = Activities.Message(_connector.ServiceUrl).GetConversationReference();

        var result = await Sender.ContinueConversationAsync(reference, new Activity { Text = "Herinnering" });

        var request = Assert.Single(_connector.Received);
        Assert.Equal("/v3/conversations/a%3A1Xy-conv%3Bmessageid%3D1234/activities", request.Path);
        Assert.Equal("Bearer " + BotToken, request.Authorization);
        Assert.Equal("message", (string?)request.Body["type"]);
        Assert.Equal("Herinnering", (string?)request.Body["text"]);
        Assert.Equal("28:bot-app-id", (string?)request.Body["from"]?["id"]);
        Assert.Equal("29:user-1", (string?)request.Body["recipient"]?["id"]);
        Assert.Equal("tenant-1", (string?)request.Body["conversation"]?["tenantId"]);
        Assert.Null(request.Body["replyToId"]);
        Assert.StartsWith("activity-", result.Id);
    }

    [Fact]
    public async Task CreateConversationAsync_TeamsChannel_PostsParametersAndReturnsThreadIds()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount { Id = "28:bot-app-id" },
            TenantId = "tenant-1",
            ChannelData = JsonNode.Parse("""{"channel":{"id":"19:general@thread.tacv2"},"tenant":{"id":"tenant-1"}}"""),
            Activity = new Activity { Type = ActivityTypes.Message, Text = "Nieuwsbrief" },
        };

        var result = await Sender.CreateConversationAsync(_connector.ServiceUrl, parameters);

        var request = Assert.Single(_connector.Received);
        Assert.True(request.IsCreateConversation, request.Path);
        Assert.Equal("Bearer " + BotToken, request.Authorization);
        Assert.True((bool?)request.Body["isGroup"]);
        Assert.Equal("28:bot-app-id", (string?)request.Body["bot"]?["id"]);
        Assert.Equal("19:general@thread.tacv2", (string?)request.Body["channelData"]?["channel"]?["id"]);
        Assert.Equal("Nieuwsbrief", (string?)request.Body["activity"]?["text"]);
        Assert.Equal("19:general@thread.tacv2;messageid=1", result.Id);
        Assert.Equal("1", result.ActivityId);
    }

    [Theory]
    [InlineData(429, 3, true, true)]
    [InlineData(503, 2, false, true)]
    [InlineData(403, null, false, false)]
    public async Task ContinueConversationAsync_ConnectorRefuses_ThrowsWithStatusAndRetryAfter(int status, int? retryAfterSeconds, bool throttled, bool transient)
    {
        _connector.Answer = _ => new ConnectorAnswer(status, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
        var reference = Activities.Message(_connector.ServiceUrl).GetConversationReference();

        var exception = await Assert.ThrowsAsync<ConnectorRequestException>(() => Sender.ContinueConversationAsync(reference, new Activity { Text = "x" }));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(retryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, exception.RetryAfter);
        Assert.Equal(throttled, exception.IsThrottled);
        Assert.Equal(transient, exception.IsTransient);
    }

    [Fact]
    public async Task ProactiveRun_ConnectorThrottlesForAWhile_EveryMessageOnceNothingDuringPauseAndSlowerAfter()
    {
        // From its 40th request on, the connector answers 429 (Retry-After: 1) to every request for 400 ms. Counted, not
        // timed from the first request: on a stalled machine a time window could pass with no request in it.
        var received = 0;
        var throttleFrom = DateTimeOffset.MaxValue;
        var throttleFor = TimeSpan.FromMilliseconds(400);
        var lastRefusal = DateTimeOffset.MinValue;
        _connector.Answer = request =>
        {
            lock (_connector)
            {
                if (++received == 40)
                {
                    throttleFrom = request.At;
                }

                if (request.At >= throttleFrom && request.At < throttleFrom + throttleFor)
                {
                    lastRefusal = request.At;
                    return new ConnectorAnswer(429, TimeSpan.FromSeconds(1));
                }

                return null;
            }
        };
        var run = Sender.StartRun(new ProactiveRunOptions(MessagesPerSecond: 100));
        var conversations = Enumerable.Range(0, 200).Select(i => $"a:member-{i:D3}").ToList();

        const int inFlight = 4;
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (id, ct) =>
        {
            var reference = Activities.Message(_connector.ServiceUrl).GetConversationReference() with
            {
                Conversation = new ConversationAccount { Id = id, ConversationType = "personal" },
            };
            await run.ContinueConversationAsync(reference, new Activity { Text = "Herinnering" }, ct);
        });

        var counts = _connector.CountsPerConversation();
        Assert.Equal(conversations.Count, counts.Count);
        Assert.All(counts, c => Assert.Equal(1, c.Value));
        Assert.True(run.ThrottledCount >= 1, "the connector never throttled");
        var refusals = _connector.Refused.Select(r => r.Request.At).Order().ToList();
        var firstRefusal = refusals[0];

        // Nothing was sent during the pause the first 429 asked for: what reached the connector in that second are at most
        // the other requests already on the wire when it refused (at 100/s a run that ignored the pause sends ~100).
        var everyRequest = _connector.Received.Select(r => r.At).Concat(_connector.Refused.Select(r => r.Request.At)).ToList();
        var duringPause = everyRequest.Count(at => at > firstRefusal && at < firstRefusal + TimeSpan.FromSeconds(1));
        Assert.True(duringPause <= inFlight - 1, $"{duringPause} requests during the pause");

        // Before the 429s the run went at ~100/s; afterwards at half of that or less, to the end of the run.
        var after = _connector.Received.Where(r => r.At > lastRefusal).Select(r => r.At).Order().ToList();
        Assert.True(after.Count >= 20, $"only {after.Count} messages after the throttling");
        var rateAfter = (after.Count - 1) / (after[^1] - after[0]).TotalSeconds;
        Assert.True(rateAfter <= 55, $"the run went on at {rateAfter:F1} messages/s after 429");
        Assert.True(run.MessagesPerSecond <= 50, $"pace {run.MessagesPerSecond}");
    }

    [Fact]
    public async Task ProactiveRun_PermanentRefusal_FailsAtOnceWithoutRetry()
    {
        _connector.Answer = _ => new ConnectorAnswer(403);
        var run = Sender.StartRun(new ProactiveRunOptions(MessagesPerSecond: 50));
        var reference = Activities.Message(_connector.ServiceUrl).GetConversationReference();

        var exception = await Assert.ThrowsAsync<ConnectorRequestException>(() => run.ContinueConversationAsync(reference, new Activity { Text = "x" }));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Single(_connector.Refused);
    }

    [Fact]
    public async Task ProactiveRun_TransientFailureThenSuccess_RetriesWithoutSlowingDown()
    {
        var calls = 0;
        _connector.Answer = _ => Interlocked.Increment(ref calls) <= 2 ? new ConnectorAnswer(502) : null;
        var run = Sender.StartRun(new ProactiveRunOptions(MessagesPerSecond: 50, DefaultRetryAfter: TimeSpan.FromMilliseconds(50)));
        var reference = Activities.Message(_connector.ServiceUrl).GetConversationReference();

        await run.ContinueConversationAsync(reference, new Activity { Text = "x" });

        Assert.Single(_connector.Received);
        Assert.Equal(2, _connector.Refused.Count);
        Assert.Equal(50, run.MessagesPerSecond, 3);
    }

    private sealed class FixedToken(string token) : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
