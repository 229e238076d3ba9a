using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real bot host (Program.cs) on Kestrel at 127.0.0.1 on a free port, against a real Azurite container. The first
/// host on an empty container imports seeds/ and publishes the model, as on a newcomer's machine.
/// </summary>
public sealed class BotHostFactory(
    AzuriteFixture azurite,
    string container,
    TimeProvider? timeProvider = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    ILoggerProvider? logs = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private bool _started;

    public string Container => container;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Without an app id the host only runs in Development (issue 9: no unauthenticated production host).
        var hasAppId = settings?.TryGetValue("Bot:MicrosoftAppId", out var appId) == true && !string.IsNullOrEmpty(appId);
        builder.UseEnvironment(hasAppId ? "Production" : "Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:Container", container);
        builder.UseSetting("VarBot:PublishSeedsWhenEmpty", "true");
        builder.UseSetting("VarBot:SeedsPath", RepoPaths.Seeds);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Newsletter:SigningKey", "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWZvci1ib3QtaG9zdC10ZXN0cw==");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (logs is not null)
        {
            // Everything, down to Trace (message text is logged at Debug), goes to the capturing provider.
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }

        if (timeProvider is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(timeProvider)));
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }

        UseKestrel(0);
    }

    /// <summary>Starts Kestrel and waits until /readyz says the model is loaded and storage answers.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = StartWithoutWaiting();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            using var response = await client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return client;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot host did not become ready: " + await response.Content.ReadAsStringAsync());
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Starts Kestrel and returns a client at once, ready or not (a test of what happens before it is ready).</summary>
    public HttpClient StartWithoutWaiting()
    {
        if (!_started)
        {
            StartServer();
            _started = true;
        }

        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }
}

/// <summary>Posts activities and reads the expectReplies answer.</summary>
public static class BotClient
{
    public static async Task<IReadOnlyList<JsonObject>> ExpectRepliesAsync(this HttpClient client, JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        var replies = JsonNode.Parse(body)!["activities"]!.AsArray();
        return [.. replies.Select(r => r!.AsObject())];
    }

    public static async Task<JsonObject> AskAsync(this HttpClient client, string text, string conversationId, string? localTimestamp = null)
    {
        var replies = await client.ExpectRepliesAsync(Activities.Message(text, conversationId, localTimestamp));
        return Assert.Single(replies, r => (string?)r["type"] == "message");
    }

    /// <summary>A card's Action.Submit: a message without text whose value is the action's data plus the inputs.</summary>
    public static async Task<JsonObject> SubmitAsync(this HttpClient client, JsonNode value, string conversationId)
    {
        var replies = await client.ExpectRepliesAsync(Activities.Message(null, conversationId, value: value));
        return Assert.Single(replies, r => (string?)r["type"] == "message");
    }

    /// <summary>The answer as text: one message per answer carries it as its card's fallback text.</summary>
    public static string? AnswerText(this JsonObject reply) => (string?)reply.Card()["fallbackText"];

    /// <summary>The Adaptive Card of a reply.</summary>
    public static JsonObject Card(this JsonObject reply)
    {
        var attachment = Assert.Single(reply["attachments"]!.AsArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment!["contentType"]);
        return attachment["content"]!.AsObject();
    }

    /// <summary>All text a user reads on a card (TextBlocks, facts, table cells, button titles), flattened.</summary>
    public static string CardText(this JsonNode card)
    {
        var parts = new List<string>();
        Collect(card, parts);
        return string.Join("\n", parts);
    }

    /// <summary>The data of every Action.Submit on the card.</summary>
    public static IReadOnlyList<(string Title, JsonObject Data)> SubmitActions(this JsonNode card)
    {
        var actions = new List<(string, JsonObject)>();
        Walk(card, node =>
        {
            if (node is JsonObject o && (string?)o["type"] == "Action.Submit" && o["data"] is JsonObject data)
            {
                actions.Add(((string?)o["title"] ?? "", data));
            }
        });
        return actions;
    }

    private static void Collect(JsonNode? node, List<string> parts) => Walk(node, n =>
    {
        if (n is JsonObject o)
        {
            foreach (var key in new[] { "text", "title", "value" })
            {
                if (o[key] is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    parts.Add(s);
                }
            }
        }
    });

    private static void Walk(JsonNode? node, Action<JsonNode> visit)
    {
        switch (node)
        {
            case JsonObject o:
                visit(o);
                foreach (var (_, child) in o)
                {
                    Walk(child, visit);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child, visit);
                }

                break;
        }
    }
}

/// <summary>Activities as the Agents Playground and Teams send them.</summary>
public static class Activities
{
    public const string ServiceUrl = "http://127.0.0.1:9/_connector";

    public static JsonObject Message(string? text, string conversationId, string? localTimestamp = null, JsonNode? value = null, string conversationType = "personal")
    {
        var activity = Base("message", conversationId, conversationType);
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (localTimestamp is not null)
        {
            activity["localTimestamp"] = localTimestamp;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    public static JsonObject BotAdded(string conversationId)
    {
        var activity = Base("conversationUpdate", conversationId, "personal");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-id-0" }, new JsonObject { ["id"] = "varbot-id" });
        return activity;
    }

    public static JsonObject Invoke(string conversationId, string verb, JsonObject data)
    {
        var activity = Base("invoke", conversationId, "personal");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private static JsonObject Base(string type, string conversationId, string conversationType) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-22T09:00:00Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "user-id-0", ["name"] = "Alex Wilber", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" },
        ["recipient"] = new JsonObject { ["id"] = "varbot-id", ["name"] = "VarBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
        ["locale"] = "nl-NL",
    };
}
