using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VarBot.Bot.Conversations;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>
/// What a conversation write costs against a real Azurite through <see cref="ConversationTable"/>, the host's own storage
/// class: a round with one conversation (the first turn's insert, a later turn's replace on the known ETag, and the
/// re-read plus replace a lost race costs), then rounds of many conversations at once, as the write-behind sends them
/// under load (one table transaction per partition), with writes per second and CPU per conversation written.
/// Usage: conversation-write [--writes N] [--parallel N] [--partitions N]
/// </summary>
public static class ConversationWriteBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var writes = Option(args, "--writes", 300);
        var parallel = Option(args, "--parallel", 64);
        var options = new ConversationOptions { Partitions = Option(args, "--partitions", new ConversationOptions().Partitions) };

        using var azurite = new AzuriteFixture();
        using var http = new HttpClient();
        var container = BlobContainerFactory.Create(azurite.ConnectionString, "conversations", http);
        var table = new ConversationTable(TableServiceFactory.Create(azurite.ConnectionString, http), container, TimeProvider.System,
            Options.Create(options), new LogThrottle(TimeProvider.System), NullLogger<ConversationTable>.Instance);
        var state = SampleState();
        Console.WriteLine($"conversation-write: Azurite on port {azurite.Port}, {options.Partitions} partitions, {writes} writes per series");

        for (var i = 0; i < 50; i++)
        {
            await Write(table, new ConversationWrite($"warm{i}", state, null)); // connections, JIT, the table
        }

        var create = new double[writes];
        var next = new double[writes];
        var reread = new double[writes];
        for (var i = 0; i < writes; i++)
        {
            var id = $"c{i:D5}";
            var sw = Stopwatch.StartNew();
            var etag = await Write(table, new ConversationWrite(id, state, null));
            create[i] = sw.Elapsed.TotalMilliseconds;

            sw.Restart();
            _ = await Write(table, new ConversationWrite(id, state, etag));
            next[i] = sw.Elapsed.TotalMilliseconds;

            sw.Restart();
            var (current, currentETag) = await table.ReadAsync(id, CancellationToken.None);
            _ = await Write(table, new ConversationWrite(id, ConversationState.Merge(state, current), currentETag));
            reread[i] = sw.Elapsed.TotalMilliseconds;
        }

        Print("first turn: insert", create);
        Print("next turn: replace if-match", next);
        Print("lost race: read + replace if-match", reread);

        // Throughput: `parallel` busy conversations, all due in every round, each written under its ETag.
        var etags = new string?[parallel];
        var rounds = Math.Max(1, writes * 4 / parallel);
        var (azuriteCpu, clientCpu) = (azurite.ServerCpuTime, Process.GetCurrentProcess().TotalProcessorTime);
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var results = await table.WriteAsync([.. Enumerable.Range(0, parallel).Select(c => new ConversationWrite($"busy{c}", state, etags[c]))], CancellationToken.None);
            for (var c = 0; c < parallel; c++)
            {
                etags[c] = results[c].Status == ConversationWriteStatus.Written ? results[c].ETag : throw new InvalidOperationException($"busy{c}: {results[c]}");
            }
        }

        total.Stop();
        var count = rounds * parallel;
        (azuriteCpu, clientCpu) = (azurite.ServerCpuTime - azuriteCpu, Process.GetCurrentProcess().TotalProcessorTime - clientCpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"conversation-write: rounds of {parallel} conversations: {count} conditional writes in {total.Elapsed.TotalMilliseconds:F0} ms, {count / total.Elapsed.TotalSeconds:F0} writes/s, {total.Elapsed.TotalMilliseconds / rounds:F2} ms per round"));
        // CPU is what a write costs the machine whatever its load: Azurite's (Node.js, one thread) and this client's.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"conversation-write: CPU per conversation written: Azurite {azuriteCpu.TotalMicroseconds / count:F0} us, client {clientCpu.TotalMicroseconds / count:F0} us"));
        return 0;
    }

    private static async Task<string?> Write(ConversationTable table, ConversationWrite write)
    {
        var result = (await table.WriteAsync([write], CancellationToken.None))[0];
        return result.Status == ConversationWriteStatus.Written ? result.ETag : throw new InvalidOperationException($"{write.ConversationId}: {result}");
    }

    private static void Print(string what, double[] ms)
    {
        var sorted = ms.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"conversation-write: {what}: p50 {At(0.50):F2} ms, p99 {At(0.99):F2} ms"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
    }

    /// <summary>A conversation state of the size the bot stores (an engine context and the id of its answer).</summary>
    private static ConversationState SampleState() => new(
        """{"intent":"event-next","eventType":"leerhuis","theme":"zorg-en-veiligheid","year":2026,"organisation":"var","lastQuestion":"wanneer is het volgende leerhuis over zorg en veiligheid?","answerIds":["event:2026-leerhuis-zorg","passage:jv2025-p112","passage:jv2025-p113"]}""",
        DateTimeOffset.UtcNow,
        Guid.NewGuid().ToString("N")[..16]);
}
