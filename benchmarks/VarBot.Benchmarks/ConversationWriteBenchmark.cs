using System.Diagnostics;
using System.Globalization;
using System.Text;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>
/// The blob requests behind one conversation write, against a real Azurite through <see cref="IBlobContainer"/>:
/// the first turn's create-only PUT, a later turn's conditional PUT on the known ETag, and the re-read plus conditional
/// PUT that a lost ETag race costs; then writes per second with many conversations written at once. It uses only the
/// seam, so the same file measures any implementation behind it (issue 10 measured the REST client and the Azure SDK).
/// Usage: conversation-write [--writes N] [--parallel N]
/// </summary>
public static class ConversationWriteBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var writes = Option(args, "--writes", 300);
        var parallel = Option(args, "--parallel", 16);
        var state = Encoding.UTF8.GetBytes(SampleState());

        using var azurite = new AzuriteFixture();
        using var http = new HttpClient();
        var container = BlobContainerFactory.Create(azurite.ConnectionString, "conversations", http);
        await container.CreateIfNotExistsAsync();
        Console.WriteLine($"conversation-write: Azurite on port {azurite.Port}, state {state.Length} bytes, {writes} writes per series");

        // Warm-up: connections, JIT.
        for (var i = 0; i < 50; i++)
        {
            await container.PutAsync($"warm/{i}", state, "application/json");
        }

        var create = new double[writes];
        var next = new double[writes];
        var reread = new double[writes];
        for (var i = 0; i < writes; i++)
        {
            var name = $"conversations/c{i:D5}.json";
            var sw = Stopwatch.StartNew();
            var etag = await container.PutAsync(name, state, "application/json", BlobCondition.IfNotExists);
            create[i] = sw.Elapsed.TotalMilliseconds;

            sw.Restart();
            etag = await container.PutAsync(name, state, "application/json", BlobCondition.IfUnchanged(etag));
            next[i] = sw.Elapsed.TotalMilliseconds;

            sw.Restart();
            var current = await container.GetAsync(name) ?? throw new InvalidOperationException($"{name} vanished");
            _ = await container.PutAsync(name, current.Content, "application/json", BlobCondition.IfUnchanged(current.Properties.ETag));
            reread[i] = sw.Elapsed.TotalMilliseconds;
        }

        Print("first turn: create-only PUT", create);
        Print("next turn: PUT if-match", next);
        Print("lost race: GET + PUT if-match", reread);

        // Throughput: `parallel` conversations, each written turn after turn under its ETag.
        var etags = new string[parallel];
        for (var c = 0; c < parallel; c++)
        {
            etags[c] = await container.PutAsync($"busy/c{c}.json", state, "application/json");
        }

        var perConversation = Math.Max(1, writes * 4 / parallel);
        var (azuriteCpu, clientCpu) = (azurite.ServerCpuTime, Process.GetCurrentProcess().TotalProcessorTime);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async c =>
        {
            for (var i = 0; i < perConversation; i++)
            {
                etags[c] = await container.PutAsync($"busy/c{c}.json", state, "application/json", BlobCondition.IfUnchanged(etags[c]));
            }
        }));
        total.Stop();
        var count = perConversation * parallel;
        (azuriteCpu, clientCpu) = (azurite.ServerCpuTime - azuriteCpu, Process.GetCurrentProcess().TotalProcessorTime - clientCpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"conversation-write: {parallel} conversations at once: {count} conditional writes in {total.Elapsed.TotalMilliseconds:F0} ms, {count / total.Elapsed.TotalSeconds:F0} writes/s"));
        // CPU is what a write costs the machine whatever its load: Azurite's (Node.js, one thread) and this client's.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"conversation-write: CPU per write: Azurite {azuriteCpu.TotalMicroseconds / count:F0} us, client {clientCpu.TotalMicroseconds / count:F0} us"));
        return 0;
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

    /// <summary>A conversation state of the size the bot stores after a few turns (context slots, last answer ids).</summary>
    private static string SampleState() =>
        """{"version":3,"updated":"2026-12-05T08:00:00+00:00","context":{"intent":"event-next","eventType":"leerhuis","theme":"zorg-en-veiligheid","year":2026,"side":null,"budgetLine":null,"organisation":"var","lastQuestion":"wanneer is het volgende leerhuis over zorg en veiligheid?","answerIds":["event:2026-leerhuis-zorg","passage:jv2025-p112","passage:jv2025-p113"]},"turns":4,"followUps":["Welke Leerhuizen zijn er in 2026?","Wat doet de VAR aan zorg en veiligheid?","Hoe groot is het budget voor 2026?"]}""";
}
