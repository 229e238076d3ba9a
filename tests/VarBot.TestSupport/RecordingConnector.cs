using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VarBot.TestSupport;

/// <summary>What the connector received: the raw path, the Authorization header, the JSON body and when.</summary>
public sealed record ConnectorRequest(string Path, string? Authorization, JsonObject Body, DateTimeOffset At)
{
    /// <summary>The conversation id of a "Send to Conversation" / "Reply to Activity" (unescaped), else null.</summary>
    public string? ConversationId
    {
        get
        {
            var parts = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var index = Array.IndexOf(parts, "conversations");
            return index >= 0 && index + 2 < parts.Length && parts[index + 2] == "activities" ? Uri.UnescapeDataString(parts[index + 1]) : null;
        }
    }

    public bool IsCreateConversation => Path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal);
}

/// <summary>How the connector answers one request instead of its default 201.</summary>
public sealed record ConnectorAnswer(int Status, TimeSpan? RetryAfter = null);

/// <summary>
/// A stand-in for the Bot Connector service (Teams' smba endpoint) on a real Kestrel server on 127.0.0.1: records every
/// POST, e.g. .../v3/conversations (Create Conversation) and .../v3/conversations/{id}/activities[/{replyToId}] (Send to
/// Conversation, Reply to Activity), and answers 201 with ids, or what <see cref="Answer"/> says (429 with Retry-After,
/// 403, ...). Refused requests are kept apart in <see cref="Refused"/>.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _number;

    private RecordingConnector(WebApplication app) => _app = app;

    /// <summary>Requests answered 201, in arrival order.</summary>
    public ConcurrentQueue<ConnectorRequest> Received { get; } = new();

    /// <summary>Requests answered otherwise (the status is in the tuple).</summary>
    public ConcurrentQueue<(ConnectorRequest Request, int Status)> Refused { get; } = new();

    /// <summary>Decides the answer to a request; null means 201. Set by a test; called concurrently.</summary>
    public Func<ConnectorRequest, ConnectorAnswer?> Answer { get; set; } = _ => null;

    public string ServiceUrl { get; private set; } = "";

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        // Any path prefix, as Teams' regional connectors have one (https://smba.trafficmanager.net/emea/v3/...).
        app.MapPost("/{**path}", (Delegate)connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Messages received per conversation id.</summary>
    public IReadOnlyDictionary<string, int> CountsPerConversation() =>
        Received.Where(r => r.ConversationId is not null).GroupBy(r => r.ConversationId!).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Waits until <paramref name="condition"/> holds over the received requests, for at most <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyCollection<ConnectorRequest>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Received))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}: the connector received {Received.Count} and refused {Refused.Count} requests.");
            }

            await Task.Delay(20);
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? [];
        var request = new ConnectorRequest(
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.FirstOrDefault(),
            body,
            DateTimeOffset.UtcNow);
        if (Answer(request) is { } answer)
        {
            Refused.Enqueue((request, answer.Status));
            if (answer.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Json(new { error = new { code = answer.Status == 429 ? "TooManyRequests" : "Refused", message = "refused by the test" } }, statusCode: answer.Status);
        }

        Received.Enqueue(request);
        var number = Interlocked.Increment(ref _number);
        if (request.IsCreateConversation)
        {
            var channel = (string?)body["channelData"]?["channel"]?["id"] ?? "a:new-conversation";
            return Results.Json(new { id = $"{channel};messageid={number}", activityId = number.ToString(System.Globalization.CultureInfo.InvariantCulture) }, statusCode: 201);
        }

        return Results.Json(new { id = "activity-" + number }, statusCode: 201);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
