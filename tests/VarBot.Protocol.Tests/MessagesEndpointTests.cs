using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VarBot.Protocol.Schema;
using VarBot.Protocol.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Protocol.Tests;

/// <summary>One bot host and one fake channel shared by the tests of a class; each test starts from a clean state.</summary>
public sealed class BotHostFixture : IAsyncLifetime
{
    public FakeBotFramework Channel { get; private set; } = null!;

    internal BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Channel = await FakeBotFramework.StartAsync();
        Host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Channel.DisposeAsync();
    }

    /// <summary>
    /// Waits until the host has no queued or running turn (an earlier test's background turns, e.g. the fuzz test's
    /// accepted mutations, would otherwise run with the next test's handler and post into its channel), then clears.
    /// </summary>
    public async Task ResetAsync()
    {
        await Host.WaitUntilIdleAsync();
        Channel.Posts.Clear();
        Host.Bot.Reset();
        Host.Logs.Clear();
    }
}

/// <summary>/api/messages through a real Kestrel host, no app id (local development), replies to a real local connector.</summary>
public sealed class MessagesEndpointTests(BotHostFixture fixture) : IClassFixture<BotHostFixture>, IAsyncLifetime
{
    private readonly FakeBotFramework _channel = fixture.Channel;
    private readonly BotHost _host = fixture.Host;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task ProcessAsync_NonPost_Returns405(string method)
    {
        using var response = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), _host.MessagesUri));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal(0, _host.Bot.Turns);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"type":"message","timestamp":"gisteren"}""")]
    public async Task ProcessAsync_UnparsableJson_Returns400(string body)
    {
        using var response = await _host.PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _host.Bot.Turns);
    }

    [Theory]
    [InlineData("""{"conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:1/","from":{"id":"u"}}""", "missing type")]
    [InlineData("""{"type":"message","serviceUrl":"http://127.0.0.1:1/","from":{"id":"u"}}""", "missing conversation.id")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"from":{"id":"u"}}""", "missing serviceUrl")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"file:///etc/passwd","from":{"id":"u"}}""", "serviceUrl is not")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:1/"}""", "missing from.id")]
    public async Task ProcessAsync_MissingRequiredField_Returns400WithReason(string body, string reason)
    {
        using var response = await _host.PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _host.Bot.Turns);
    }

    [Fact]
    public async Task ProcessAsync_ContentLengthOver256KB_Returns413()
    {
        var activity = Activities.Message(_channel.ServiceUrl, text: new string('a', 256 * 1024));

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _host.Bot.Turns);
    }

    [Fact]
    public async Task ProcessAsync_ChunkedBodyOver256KB_Returns413()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Activities.Message(_channel.ServiceUrl, text: new string('a', 300 * 1024)), BotJson.Options);
        var content = new StreamContent(new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");

        using var response = await _host.Client.PostAsync(_host.MessagesUri, content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _host.Bot.Turns);
    }

    [Fact]
    public async Task ProcessAsync_ClientGoesAwayMidBody_LogsNoErrorAndRunsNoTurn()
    {
        // What wrk does to its open requests when a run ends: headers and part of the body, then the connection closes.
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            await socket.ConnectAsync(_host.MessagesUri.Host, _host.MessagesUri.Port);
            var stream = socket.GetStream();
            var head = $"POST /api/messages HTTP/1.1\r\nHost: {_host.MessagesUri.Authority}\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{{\"type\":\"mess";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Poll.UntilAsync(
                () => _host.Logs.Entries.Any(e => e.Message.Contains("started reading request body", StringComparison.Ordinal)),
                "the endpoint reading the body");
        }

        await Poll.UntilAsync(
            () => _host.Logs.Entries.Any(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Message.Contains("Request finished", StringComparison.Ordinal)),
            "the cut request to finish");

        // The body cut short is one refusal line without a stack trace (a request aborted before the read ends logs nothing);
        // Kestrel's own Debug diagnostics of the cut connection may carry its exception; nothing is a warning or an error.
        Assert.All(Refusals(), r => Assert.True(r.Level == LogLevel.Information && r.Exception is null, r.ToString()));
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= LogLevel.Warning || e.Exception is not null && e.Category.StartsWith("VarBot", StringComparison.Ordinal));
        Assert.Equal(0, _host.Bot.Turns);
    }

    private IEnumerable<LogEntry> Refusals() =>
        _host.Logs.Entries.Where(e => e.EventId.Id == 1001 && e.Category.EndsWith("BotMessagesEndpoint", StringComparison.Ordinal));

    [Fact]
    public async Task ProcessAsync_ChunkedBodyUnderLimit_Returns202()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Activities.Message(_channel.ServiceUrl, text: new string('a', 200 * 1024)), BotJson.Options);
        var content = new StreamContent(new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");

        using var response = await _host.Client.PostAsync(_host.MessagesUri, content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ProcessAsync_Message_Returns202AndPostsReplyToConnector()
    {
        var handlerStarted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            handlerStarted.SetResult();
            await release.Task.WaitAsync(ct);
            await turn.SendTypingAsync(ct);
            await turn.SendTextAsync("Antwoord op " + turn.Activity.Text, ct);
        };

        using var response = await _host.PostAsync(Activities.Message(_channel.ServiceUrl, "wat is het budget", id: "act-42"));

        // 202 arrives while the handler is still waiting: the turn runs in the background.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await handlerStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_channel.Posts);
        release.SetResult();
        await Poll.UntilAsync(() => _channel.Posts.Count == 2, "two connector posts");
        var posts = _channel.Posts.ToArray();
        var expectedPath = "/connector/v3/conversations/" + Uri.EscapeDataString(Activities.ConversationId) + "/activities/act-42";
        Assert.All(posts, p => Assert.Equal(expectedPath, p.Path));
        Assert.All(posts, p => Assert.Null(p.Authorization));
        Assert.Equal("typing", (string?)posts[0].Body["type"]);
        var reply = posts[1].Body;
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal("Antwoord op wat is het budget", (string?)reply["text"]);
        Assert.Equal("act-42", (string?)reply["replyToId"]);
        Assert.Equal("28:bot-app-id", (string?)reply["from"]?["id"]);
        Assert.Equal("29:user-1", (string?)reply["recipient"]?["id"]);
        Assert.Equal(Activities.ConversationId, (string?)reply["conversation"]?["id"]);
    }

    [Fact]
    public async Task ProcessAsync_ActivityWithoutReplyToId_PostsToConversationActivities()
    {
        // Only this test's activity answers: the bot is shared by the class, and on a loaded machine an earlier test's
        // background turn has run late, with this handler, and posted a second "nieuw".
        var activity = Activities.Message(_channel.ServiceUrl, id: "act-" + Guid.NewGuid().ToString("N"));
        _host.Bot.OnTurn = (turn, ct) => turn.Activity.Id == activity.Id
            ? turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "nieuw", ReplyToId = "" }, ct)
            : Task.CompletedTask;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // Wait for the first post (the turn runs in the background; a loaded CI machine has taken over 10 s), then assert
        // there is exactly one, so a second post fails here with what was posted rather than as a timeout.
        await Poll.UntilAsync(() => !_channel.Posts.IsEmpty, "a connector post", TimeSpan.FromSeconds(30));
        var post = Assert.Single(_channel.Posts);
        Assert.Equal("/connector/v3/conversations/" + Uri.EscapeDataString(Activities.ConversationId) + "/activities", post.Path);
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    public async Task ProcessAsync_UpdateActivity_ReachesHandlerAndReplyIsPosted(string type)
    {
        _host.Bot.OnTurn = (turn, ct) => turn.SendTextAsync("welkom bij " + turn.Activity.Type, ct);
        var activity = Activities.Message(_channel.ServiceUrl);
        activity.Type = type;
        activity.Text = null;
        activity.MembersAdded = [new ChannelAccount { Id = "28:bot-app-id" }];

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Poll.UntilAsync(() => _channel.Posts.Count == 1, "welcome post");
        Assert.Equal("welkom bij " + type, (string?)_channel.Posts.Single().Body["text"]);
    }

    [Fact]
    public async Task ProcessAsync_ExpectReplies_Returns200WithRepliesInBodyAndPostsNothing()
    {
        _host.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.SendTextAsync("eerste", ct);
            var card = turn.Activity.CreateReply();
            card.Attachments = [Attachment.AdaptiveCard(JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""")!)];
            await turn.SendActivityAsync(card, ct);
        };
        var activity = Activities.Message(_channel.ServiceUrl);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var replies = body!["activities"]!.AsArray();
        Assert.Equal(2, replies.Count);
        Assert.Equal("eerste", (string?)replies[0]!["text"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)replies[1]!["attachments"]![0]!["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)replies[1]!["attachments"]![0]!["content"]!["type"]);
        Assert.Empty(_channel.Posts);
    }

    [Fact]
    public async Task ProcessAsync_AdaptiveCardInvoke_ReturnsInvokeResponseInline()
    {
        _host.Bot.OnTurn = (turn, ct) =>
        {
            var verb = (string?)turn.Activity.Value?["action"]?["verb"];
            var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = verb }) };
            return turn.SendInvokeResponseAsync(InvokeResponse.AdaptiveCard(card), ct);
        };

        using var response = await _host.PostAsync(Activities.Invoke(_channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, (int?)body!["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("volgende", (string?)body["value"]!["body"]![0]!["text"]);
        Assert.Empty(_channel.Posts);
    }

    [Fact]
    public async Task ProcessAsync_InvokeWithoutResponse_Returns200EmptyBody()
    {
        using var response = await _host.PostAsync(Activities.Invoke(_channel.ServiceUrl, "some/unknownInvoke"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Bot.Turns);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProcessAsync_HandlerThrowsOnMessage_PostsApologyAndLogsIdsWithoutText()
    {
        _host.Bot.OnTurn = (_, _) => throw new InvalidOperationException("kapot");

        using var response = await _host.PostAsync(Activities.Message(_channel.ServiceUrl, "geheime vraag over Jan", id: "act-err"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Poll.UntilAsync(() => _channel.Posts.Count == 1, "apology post");
        Assert.Equal("Er ging iets mis. Probeer het later opnieuw.", (string?)_channel.Posts.Single().Body["text"]);
        var failure = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 1003);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Contains("act-err", failure.Message);
        Assert.Contains(Activities.ConversationId, failure.Message);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("geheime vraag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_HandlerThrowsWithExpectReplies_Returns200WithApology()
    {
        _host.Bot.OnTurn = (_, _) => throw new InvalidOperationException("kapot");
        var activity = Activities.Message(_channel.ServiceUrl);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.Equal("Er ging iets mis. Probeer het later opnieuw.", (string?)JsonNode.Parse(text)!["activities"]![0]!["text"]);
    }

    [Fact]
    public async Task ProcessAsync_HandlerThrowsOnInvoke_Returns200WithApologyMessage()
    {
        _host.Bot.OnTurn = (_, _) => throw new InvalidOperationException("kapot");

        using var response = await _host.PostAsync(Activities.Invoke(_channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body!["type"]);
        Assert.Equal("Er ging iets mis. Probeer het later opnieuw.", (string?)body["value"]);
    }

    [Fact]
    public async Task ProcessAsync_RandomMalformedActivities_NeverAnswers5xx()
    {
        // A quick in-test fuzz: mutations of a valid activity (truncation, byte flips, type swaps) must all get 2xx/4xx.
        var random = new Random(4);
        var valid = System.Text.Json.JsonSerializer.Serialize(Activities.Invoke(_channel.ServiceUrl), BotJson.Options);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 300; i++)
        {
            var chars = valid.ToCharArray();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                chars[random.Next(chars.Length)] = "{}[]\":,0a\\ nt"[random.Next(13)];
            }

            var body = random.Next(5) == 0 ? new string(chars, 0, random.Next(chars.Length)) : new string(chars);
            using var response = await _host.PostJsonAsync(body);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{status} for {body}");
        }

        Assert.True(statuses.GetValueOrDefault(400) > 0, "no mutation was refused: the fuzz does not reach the parser");
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
