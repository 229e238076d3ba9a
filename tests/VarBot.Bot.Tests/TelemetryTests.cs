using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VarBot.Bot.Telemetry;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>Runs alone: the meters are process-wide, so no other test's turns may be counted in.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}

/// <summary>
/// The real host over HTTP with the OTLP export configured (to a closed loopback port) and an in-memory exporter added to
/// the same OpenTelemetry pipeline: the spans and metrics of question turns, without the question text.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IClassFixture<AzuriteFixture>
{
    private const string Answerable = "Wie is de voorzitter van de VAR?";
    private const string Unanswerable = "Hoeveel fietsen zijn er in 2024 gestolen?";

    private readonly AzuriteFixture _azurite;

    public TelemetryTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task QuestionTurn_OverHttp_ExportsAnswerSpanTurnMetricsAndStorageCallsWithoutQuestionText()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        await using var host = new BotHostFactory(
            _azurite,
            AzuriteFixture.UniqueContainerName("tel"),
            settings: new Dictionary<string, string?> { [TelemetryWiring.OtlpEndpointKey] = $"http://127.0.0.1:{LocalServer.FreePort()}" },
            services: services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)));
        var client = await host.StartAsync();
        var conversation = "telemetry-" + Guid.NewGuid().ToString("N");
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        spans.Clear();
        var putsAtStart = Puts(metrics);

        // Context is written behind the answers, and turns close together share one write: each turn waits for the write
        // of the one before, so both turns are written.
        var reply = await client.AskAsync(Answerable, conversation);
        await ConversationWritesAsync(host, metrics, putsAtStart + 1);
        await client.AskAsync(Unanswerable, conversation);
        await ConversationWritesAsync(host, metrics, putsAtStart + 2);
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.NotNull(reply.Card());
        var answers = spans.Where(s => s.OperationName == "varbot.answer").ToList();
        Assert.Equal(2, answers.Count);
        var first = answers.Single(a => a.GetTagItem("varbot.answered") is true);
        Assert.False(string.IsNullOrEmpty(first.GetTagItem("varbot.intent") as string));
        Assert.False(string.IsNullOrEmpty(first.GetTagItem("varbot.model.version") as string));
        Assert.Single(answers, a => a.GetTagItem("varbot.answered") is false);
        // expectReplies is answered inside the request: the answer span is a child of the server span of POST /api/messages.
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.TraceId == first.TraceId);
        Assert.Equal("/api/messages", request.GetTagItem("url.path"));
        Assert.Equal(request.SpanId, first.ParentSpanId);
        // Storage calls of the turn (conversation state) are client spans in the same trace.
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.TraceId == first.TraceId && (s.GetTagItem("server.port") as int?) == _azurite.TablePort);

        Assert.Equal(2, Sum(metrics, "varbot.bot.turns"));
        Assert.Equal(1, Sum(metrics, "varbot.bot.turns", ("varbot.answered", true)));
        Assert.Equal(1, Sum(metrics, "varbot.bot.answers.not_found"));
        Assert.Equal(2, HistogramCount(metrics, "varbot.bot.answer.duration"));
        Assert.True(Puts(metrics) - putsAtStart >= 2, "conversation state written on each turn");
        Assert.True(Sum(metrics, "varbot.storage.calls", ("varbot.storage.operation", "get")) >= 1);

        var exported = string.Join("\n", spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")))
            + string.Join("\n", metrics.SelectMany(m => m.MetricPoints.SelectMany(p => Tags(p).Select(t => $"{m.Name} {t.Key}={t.Value}"))));
        Assert.DoesNotContain("voorzitter", exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fietsen", exported, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000", "http://127.0.0.1:4317", TelemetryExport.AzureMonitor)]
    [InlineData(null, "http://127.0.0.1:4317", TelemetryExport.Otlp)]
    [InlineData("", " ", TelemetryExport.None)]
    [InlineData(null, null, TelemetryExport.None)]
    public void ExportFor_Configuration_PrefersAzureMonitorThenOtlpElseNone(string? appInsights, string? otlp, TelemetryExport expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryWiring.AppInsightsConnectionStringKey] = appInsights,
            [TelemetryWiring.OtlpEndpointKey] = otlp,
        }).Build();

        Assert.Equal(expected, TelemetryWiring.ExportFor(configuration));
    }

    [Fact]
    public void AddVarBotTelemetry_NeitherExporterConfigured_RegistersNoOpenTelemetry()
    {
        var services = new ServiceCollection().AddVarBotTelemetry(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TracerProvider) || d.ServiceType == typeof(MeterProvider));
    }

    [Fact]
    public void AddVarBotTelemetry_OtlpConfigured_RegistersTracerAndMeterProviders()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryWiring.OtlpEndpointKey] = "http://127.0.0.1:4317" }).Build();

        using var provider = new ServiceCollection().AddLogging().AddVarBotTelemetry(configuration).BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    /// <summary>Exports the metrics until storage has had <paramref name="count"/> writes (10 s at most).</summary>
    private static async Task ConversationWritesAsync(BotHostFactory host, List<MetricSnapshot> metrics, long count)
    {
        var meters = host.Services.GetRequiredService<MeterProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            meters.ForceFlush();
            if (Puts(metrics) >= count || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    /// <summary>The points of the last export of a metric: cumulative, so they hold the totals.</summary>
    private static IReadOnlyList<MetricPoint> Latest(IEnumerable<MetricSnapshot> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name)?.MetricPoints ?? [];

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name, (string Key, object Value)? filter = null) =>
        Latest(metrics, name)
            .Where(p => filter is not { } f || Tags(p).Any(t => t.Key == f.Key && Equals(t.Value, f.Value)))
            .Sum(p => p.GetSumLong());

    /// <summary>Conversation writes: table transactions (each holds the conversations of one write-behind round's partition).</summary>
    private static long Puts(IEnumerable<MetricSnapshot> metrics) => Sum(metrics, "varbot.storage.calls", ("varbot.storage.operation", "batch"));

    private static long HistogramCount(IEnumerable<MetricSnapshot> metrics, string name) => Latest(metrics, name).Sum(p => p.GetHistogramCount());
}
