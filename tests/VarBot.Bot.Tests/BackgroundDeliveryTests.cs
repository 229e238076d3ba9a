using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>Normal delivery (202, then replies POSTed to the connector) and hot reload of a newly published model.</summary>
public sealed class BackgroundDeliveryTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;

    public BackgroundDeliveryTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Message_NormalDelivery_TypingThenAnswerPostedToConnector()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var host = new BotHostFactory(_azurite, AzuriteFixture.UniqueContainerName("conn"), logs: logs, settings: new Dictionary<string, string?>
        {
            ["VarBot:TypingDelay"] = "00:00:00",
            // The recorder runs in this (starved) test process: a reply it records but answers late must not make the host
            // treat the connector as timed out and skip it for 30 s (ConnectorClient.SlowHostPause), dropping the answer.
            // The time-out itself is tested in VarBot.Protocol.Tests (ProtocolAttackTests).
            ["Bot:ConnectorTimeout"] = "00:01:00",
        });
        using var client = await host.StartAsync();
        var activity = Activities.Message("Wat is de begroting voor 2026?", "conn-1", "2026-11-22T10:00:00+01:00");
        activity["serviceUrl"] = connector.ServiceUrl;

        using var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        IReadOnlyList<JsonObject> posted;
        try
        {
            posted = await connector.WaitForAsync(2);
        }
        catch (TimeoutException ex)
        {
            // What the host logged from Information up says why the answer did not follow.
            var logged = string.Join("\n", logs.Entries.Where(e => e.Level >= LogLevel.Information).Select(e => e.ToString()));
            throw new TimeoutException(ex.Message + "; host log:\n" + logged[Math.Max(0, logged.Length - 6000)..], ex);
        }

        Assert.Equal("typing", (string?)posted[0]["type"]);
        Assert.Equal("message", (string?)posted[1]["type"]);
        Assert.Equal((string?)activity["id"], (string?)posted[1]["replyToId"]);
        Assert.Single(posted[1]["attachments"]!.AsArray());
    }

    [Fact]
    public async Task NewlyPublishedModel_IsPickedUpWithoutRestart()
    {
        var container = AzuriteFixture.UniqueContainerName("reload");
        await using var host = new BotHostFactory(_azurite, container, settings: new Dictionary<string, string?>
        {
            ["ModelStore:RefreshInterval"] = "00:00:01",
        });
        using var client = await host.StartAsync();
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var changed = model with { Version = "hotreload01", Themes = [.. model.Themes.Take(1)] };
        var readiness = await ModelReload.PublishAndWaitAsync(_azurite, container, client, changed);

        Assert.Contains("hotreload01", readiness);
    }

    /// <summary>A stand-in for the Bot Connector service: records what the bot POSTs, answers 201.</summary>
    private sealed class ConnectorRecorder : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<JsonObject> _posted = [];

        private ConnectorRecorder(WebApplication app) => _app = app;

        public string ServiceUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

        public static async Task<ConnectorRecorder> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var recorder = new ConnectorRecorder(app);
            app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (HttpRequest request) =>
            {
                var activity = (await JsonNode.ParseAsync(request.Body))!.AsObject();
                lock (recorder._posted)
                {
                    recorder._posted.Add(activity);
                }

                return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
            });
            await app.StartAsync();
            return recorder;
        }

        public async Task<IReadOnlyList<JsonObject>> WaitForAsync(int count)
        {
            // A fresh host's first answer builds the engine and the card catalogue; on a starved CI machine that took over 30 s.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                lock (_posted)
                {
                    if (_posted.Count >= count)
                    {
                        return [.. _posted];
                    }
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"the connector received {_posted.Count} of {count} activities");
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
