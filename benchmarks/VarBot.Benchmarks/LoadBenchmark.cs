using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VarBot.Bot;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>
/// Load on loopback: throughput and p50/p99 latency of expectReplies questions against the real bot host (Kestrel,
/// conversation state in Azurite) at 1, 16 and 64 connections, next to a trivial POST endpoint on the same host (the
/// ceiling). Usage: load [--seconds N] [--connections 1,16,64]. Each run lasts N seconds (default 5) after a 1 s warm-up.
/// Series per connection count:
/// "questions, 1 conversation" (every request in one conversation: a busy chat, concurrent turns of one conversation,
/// the peer tool's default), "questions, own conversation" (one conversation per connection), "questions, state in
/// memory" (the same against an identical host whose blob container is in process memory: what storage still costs)
/// and "help" (a turn without the engine). It checks issue 11's targets: p99 under 5 ms at 1 connection, under 20 ms at
/// 16, under 50 ms at 64 with no non-2xx, for the one-conversation series with Azurite. The comparison with the
/// official SDK's echo bot is the peer tool's job (BENCHMARKS.md has the command).
/// </summary>
public static class LoadBenchmark
{
    private const string TrivialPath = "/bench/noop";

    private static readonly IReadOnlyDictionary<int, double> P99TargetMs = new Dictionary<int, double> { [1] = 5, [16] = 20, [64] = 50 };

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = ReadOption(args, "--seconds", 5);
        var connections = ReadList(args, "--connections", [1, 16, 64]);
        var questions = LoadQuestions();

        using var azurite = new AzuriteFixture();
        await using var app = BuildHost(azurite, inMemory: false);
        await using var memoryApp = BuildHost(azurite, inMemory: true);
        await app.StartAsync();
        await memoryApp.StartAsync();
        var baseAddress = Address(app);
        var memoryAddress = Address(memoryApp);
        await WaitUntilReadyAsync(baseAddress);
        await WaitUntilReadyAsync(memoryAddress);

        Console.WriteLine($"VarBot load benchmark: {Environment.ProcessorCount} cores, {seconds} s per run, {questions.Count} questions, host {baseAddress}");
        Console.WriteLine("series                        conns   requests    req/s   p50 ms   p99 ms   errors");
        var failures = 0;
        var missed = new List<string>();
        foreach (var n in connections)
        {
            var ceiling = await RunLoadAsync(baseAddress + TrivialPath, n, seconds, (_, _) => "{}");
            Print("trivial (ceiling)", n, ceiling);
            var busy = await RunLoadAsync(baseAddress + "/api/messages", n, seconds, (worker, i) => QuestionActivity(worker, i, questions[(worker * 7 + i) % questions.Count], "busy-" + n));
            Print("questions, 1 conversation", n, busy);
            var own = await RunLoadAsync(baseAddress + "/api/messages", n, seconds, (worker, i) => QuestionActivity(worker, i, questions[(worker * 7 + i) % questions.Count], $"own-{n}-{worker}"));
            Print("questions, own conversation", n, own);
            var memory = await RunLoadAsync(memoryAddress + "/api/messages", n, seconds, (worker, i) => QuestionActivity(worker, i, questions[(worker * 7 + i) % questions.Count], "busy-" + n));
            Print("questions, state in memory", n, memory);
            var help = await RunLoadAsync(baseAddress + "/api/messages", n, seconds, (worker, i) => QuestionActivity(worker, i, "hulp", $"help-{n}-{worker}"));
            Print("help (no engine)", n, help);
            failures += ceiling.Errors + busy.Errors + own.Errors + memory.Errors + help.Errors;
            if (P99TargetMs.TryGetValue(n, out var target) && (busy.P99Ms >= target || busy.Errors > 0))
            {
                missed.Add(string.Create(CultureInfo.InvariantCulture, $"{n} connections: p99 {busy.P99Ms:F1} ms (target < {target} ms), {busy.Errors} errors"));
            }
        }

        Console.WriteLine(missed.Count == 0 ? "targets (p99 < 5/20/50 ms at 1/16/64 connections, no errors): met" : "targets NOT met: " + string.Join("; ", missed));
        await app.StopAsync();
        await memoryApp.StopAsync();
        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// serve [--port 3978] [--in-memory]: the bot host as the load benchmark builds it, for the peer tool (its PID is this
    /// process). With --in-memory the conversation state lives in process memory instead of Azurite. On Ctrl-C or SIGTERM it prints
    /// the managed bytes allocated per request served and the peak working set.
    /// </summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var port = ReadOption(args, "--port", 3978);
        using var azurite = new AzuriteFixture();
        await using var app = BuildHost(azurite, args.Contains("--in-memory"), port);
        long requests = 0;
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref requests);
            await next(context);
        });
        await app.StartAsync();
        await WaitUntilReadyAsync(Address(app));
        var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        var startedAt = Interlocked.Read(ref requests);
        Console.WriteLine($"VarBot bench host on {Address(app)} (PID {Environment.ProcessId}, state {(args.Contains("--in-memory") ? "in memory" : "in Azurite")}); Ctrl-C stops it");
        await app.WaitForShutdownAsync();
        var served = Interlocked.Read(ref requests) - startedAt;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"served {served} requests; allocated {allocated / Math.Max(1, served) / 1024.0:F1} KiB per request; peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB"));
        return 0;
    }

    internal static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    internal static WebApplication BuildHost(AzuriteFixture azurite, bool inMemory, int port = 0)
    {
        // Development: no app id (no token checks) is allowed there only, on loopback, as here.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["urls"] = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        builder.Configuration["Storage:ConnectionString"] = azurite.ConnectionString;
        builder.Configuration["VarBot:PublishSeedsWhenEmpty"] = "true";
        builder.Configuration["VarBot:SeedsPath"] = RepoPaths.Seeds;
        builder.Configuration["Newsletter:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        builder.AddVarBotApp();
        builder.Logging.ClearProviders();
        if (inMemory)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<IBlobContainer>(new InMemoryBlobContainer("varbot")));
            builder.Services.Replace(ServiceDescriptor.Singleton<VarBot.Bot.Conversations.IConversationStorage>(new InMemoryConversationStorage()));
        }

        var app = builder.Build();
        app.MapVarBotApp();
        app.MapPost(TrivialPath, () => Results.Text("{}", "application/json"));
        return app;
    }

    private sealed record RunResult(int Requests, int Errors, double Seconds, double P50Ms, double P99Ms)
    {
        public double Throughput => Requests / Seconds;
    }

    private static async Task<RunResult> RunLoadAsync(string url, int connections, int seconds, Func<int, int, string> body)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };

        // Warm-up: JIT, connection set-up, engine build.
        await RunWorkersAsync(client, url, connections, TimeSpan.FromSeconds(1), body, record: false);
        return await RunWorkersAsync(client, url, connections, TimeSpan.FromSeconds(seconds), body, record: true);
    }

    private static async Task<RunResult> RunWorkersAsync(HttpClient client, string url, int connections, TimeSpan duration, Func<int, int, string> body, bool record)
    {
        var latencies = new List<long>[connections];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var own = latencies[worker] = new List<long>(4096);
            for (var i = 0; clock.Elapsed < duration && i < 1_000_000; i++)
            {
                using var content = new StringContent(body(worker, i), Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync(url, content);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                own.Add(Stopwatch.GetTimestamp() - started);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        if (!record || all.Length == 0)
        {
            return new RunResult(all.Length, errors, elapsed, 0, 0);
        }

        double Percentile(double p) => all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new RunResult(all.Length, errors, elapsed, Percentile(0.50), Percentile(0.99));
    }

    private static string QuestionActivity(int worker, int i, string question, string conversationId)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"b{worker}-{i}",
            ["deliveryMode"] = "expectReplies",
            ["channelId"] = "msteams",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["text"] = question,
            ["from"] = new JsonObject { ["id"] = $"user-{worker}" },
            ["recipient"] = new JsonObject { ["id"] = "varbot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" },
            ["localTimestamp"] = "2026-11-22T10:00:00+01:00",
        };
        return activity.ToJsonString();
    }

    private static List<string> LoadQuestions()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "VarBot.Bot.Tests", "Data", "qa-dev.jsonl");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["question"]!.GetValue<string>())];
    }

    internal static async Task WaitUntilReadyAsync(string baseAddress)
    {
        using var client = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                using var response = await client.GetAsync(baseAddress + "/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot host did not become ready within 120 s.");
    }

    private static void Print(string name, int connections, RunResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {connections,5} {r.Requests,10} {r.Throughput,8:F0} {r.P50Ms,8:F2} {r.P99Ms,8:F2} {r.Errors,8}"));

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static int[] ReadList(string[] args, string name, int[] fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            ? [.. args[index + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
            : fallback;
    }
}

/// <summary>
/// Conversation rows in process memory with the table's ETag conditions, for the "state in memory" series only: it takes
/// Azurite out of the measurement, not any of the bot's own work (the write-behind rounds still run).
/// </summary>
internal sealed class InMemoryConversationStorage : VarBot.Bot.Conversations.IConversationStorage
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (VarBot.Bot.Conversations.ConversationState State, string ETag)> _rows = new(StringComparer.Ordinal);
    private long _version;

    public Task<(VarBot.Bot.Conversations.ConversationState State, string? ETag)> ReadAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<(VarBot.Bot.Conversations.ConversationState, string?)>(_rows.TryGetValue(conversationId, out var row) ? row : (VarBot.Bot.Conversations.ConversationState.Empty, null));

    public Task<IReadOnlyList<VarBot.Bot.Conversations.ConversationWriteResult>> WriteAsync(IReadOnlyList<VarBot.Bot.Conversations.ConversationWrite> writes, CancellationToken cancellationToken)
    {
        var results = new VarBot.Bot.Conversations.ConversationWriteResult[writes.Count];
        lock (_rows)
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                var exists = _rows.TryGetValue(write.ConversationId, out var row);
                if (write.ETag is null ? exists : !exists || row.ETag != write.ETag)
                {
                    results[i] = new(VarBot.Bot.Conversations.ConversationWriteStatus.Conflict);
                    continue;
                }

                var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
                _rows[write.ConversationId] = (write.State, etag);
                results[i] = new(VarBot.Bot.Conversations.ConversationWriteStatus.Written, etag);
            }
        }

        return Task.FromResult<IReadOnlyList<VarBot.Bot.Conversations.ConversationWriteResult>>(results);
    }
}

/// <summary>
/// A blob container in process memory with the same conditional semantics (If-Match, If-None-Match "*"), for the
/// "questions (no state)" series only: it takes Azurite out of the measurement, not any of the bot's own work.
/// </summary>
internal sealed class InMemoryBlobContainer(string name) : IBlobContainer
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BlobDownload> _blobs = new(StringComparer.Ordinal);
    private long _version;

    public string Name => name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<BlobDownload?> GetAsync(string blobName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue(blobName, out var blob) ? blob : null);

    public Task<BlobDownload?> GetAsync(string blobName, int maxBytes, CancellationToken cancellationToken = default) =>
        _blobs.TryGetValue(blobName, out var blob) && blob.Content.Length > maxBytes
            ? throw new BlobTooLargeException(blob.Properties, maxBytes)
            : GetAsync(blobName, cancellationToken);

    public Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue(blobName, out var blob) ? blob.Properties : null);

    public Task<string> PutAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, BlobCondition condition = default, CancellationToken cancellationToken = default)
    {
        var etag = "\"" + Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture) + "\"";
        var blob = new BlobDownload(new BlobProperties(blobName, etag, content.Length, contentType, DateTimeOffset.UtcNow), content.ToArray());
        lock (_blobs)
        {
            _blobs.TryGetValue(blobName, out var existing);
            if ((condition.IfNoneMatch == "*" && existing is not null) || (condition.IfMatch is { } match && existing?.Properties.ETag != match))
            {
                throw new BlobConditionFailedException(blobName, existing is null ? 404 : 412);
            }

            _blobs[blobName] = blob;
        }

        return Task.FromResult(etag);
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(string? prefix = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var blob in _blobs.Values.Where(b => prefix is null || b.Properties.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(b => b.Properties.Name, StringComparer.Ordinal))
        {
            yield return blob.Properties;
        }
    }

    public Task<bool> DeleteAsync(string blobName, BlobCondition condition = default, CancellationToken cancellationToken = default)
    {
        lock (_blobs)
        {
            if (!_blobs.TryGetValue(blobName, out var existing))
            {
                return Task.FromResult(false);
            }

            if (condition.IfMatch is { } match && existing.Properties.ETag != match)
            {
                throw new BlobConditionFailedException(blobName, 412);
            }

            return Task.FromResult(_blobs.TryRemove(blobName, out _));
        }
    }

    public Task<IBlobLease?> TryAcquireLeaseAsync(string blobName, TimeSpan duration, CancellationToken cancellationToken = default) =>
        Task.FromResult<IBlobLease?>(_leases.TryAdd(blobName, 0) ? new Lease(blobName, _leases) : null);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _leases = new(StringComparer.Ordinal);

    private sealed class Lease(string blobName, System.Collections.Concurrent.ConcurrentDictionary<string, byte> leases) : IBlobLease
    {
        public string BlobName => blobName;

        public CancellationToken Lost => CancellationToken.None;

        public Task RenewAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            leases.TryRemove(blobName, out _);
            return ValueTask.CompletedTask;
        }
    }
}
