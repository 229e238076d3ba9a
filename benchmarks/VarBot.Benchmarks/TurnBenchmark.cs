using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Answering;
using VarBot.Bot.Answers;
using VarBot.Protocol.Hosting;
using VarBot.Protocol.Schema;
using VarBot.TestSupport;
using Activity = VarBot.Protocol.Schema.Activity;

namespace VarBot.Benchmarks;

/// <summary>
/// One question turn in process, without sockets or a load generator: CPU time and managed bytes allocated per turn,
/// the whole turn through the real endpoint (protocol parse, routing, handler, engine, card, reply JSON, write-behind
/// of the conversation state) and its stages apart. Questions rotate in one conversation, as with the peer tool.
/// Usage: turn [--rounds N] [--warmup TURNS] [--blocks TURNS] [--questions FILE] [--no-stages] (one question per line; default the dev set's questions;
/// --no-stages: the whole turn only, e.g. under a profiler).
/// </summary>
public static class TurnBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = ReadOption(args, "--rounds", 300);
        var questions = LoadQuestions(args);
        using var azurite = new AzuriteFixture();
        await using var app = LoadBenchmark.BuildHost(azurite, inMemory: true);
        await app.StartAsync();
        await LoadBenchmark.WaitUntilReadyAsync(LoadBenchmark.Address(app));
        var services = app.Services;
        var endpoint = services.GetRequiredService<BotMessagesEndpoint>();
        var knowledge = services.GetRequiredService<IBotKnowledge>();
        var cards = services.GetRequiredService<BotCards>();
        var bodies = questions.Select((q, i) => Encoding.UTF8.GetBytes(ActivityJson(q, i))).ToArray();
        var today = new DateOnly(2026, 11, 22);

        // The whole turn through the endpoint: Activity JSON in, expectReplies JSON out.
        async Task<int> TurnAsync(int i)
        {
            await using var scope = services.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
            context.Request.Method = "POST";
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(bodies[i % bodies.Length], writable: false);
            context.Request.ContentLength = bodies[i % bodies.Length].Length;
            var response = new MemoryStream();
            context.Response.Body = response;
            await endpoint.ProcessAsync(context);
            return context.Response.StatusCode == 200 ? (int)response.Length : throw new InvalidOperationException("status " + context.Response.StatusCode);
        }

        var warmup = ReadOption(args, "--warmup", bodies.Length * 20);
        for (var i = 0; i < warmup; i++)
        {
            await TurnAsync(i);
        }

        // --blocks K: CPU and allocations per turn for every K turns as well, to show the JIT's tiering settle.
        var block = ReadOption(args, "--blocks", 0);
        var turns = rounds * bodies.Length;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (blockCpu, blockAllocated) = (cpu, allocated);
        long bytes = 0;
        for (var i = 0; i < turns; i++)
        {
            bytes += await TurnAsync(i);
            if (block > 0 && (i + 1) % block == 0)
            {
                var (nowCpu, nowAllocated) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  turns {i + 1 - block,6}-{i + 1,-6} {(nowCpu - blockCpu).TotalMicroseconds / block,9:F1} us CPU  {(nowAllocated - blockAllocated) / 1024.0 / block,8:F1} KiB"));
                (blockCpu, blockAllocated) = (nowCpu, nowAllocated);
            }
        }

        var wall = clock.Elapsed;
        var turnCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var turnAlloc = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine($"VarBot turn benchmark: {questions.Count} questions in one conversation, {turns} turns, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole turn (endpoint)      {wall.TotalMicroseconds / turns,9:F1} us wall  {turnCpu.TotalMicroseconds / turns,9:F1} us CPU  {turnAlloc / 1024.0 / turns,8:F1} KiB  reply {bytes / turns} bytes"));

        if (args.Contains("--no-stages"))
        {
            await app.StopAsync();
            return 0;
        }

        // Stages, one thread, in the turn's order.
        var activities = bodies.Select(b => JsonSerializer.Deserialize<Activity>(b, BotJson.Options)!).ToArray();
        Stage("protocol parse", turns, i => JsonSerializer.Deserialize<Activity>(bodies[i % bodies.Length], BotJson.Options));
        var contexts = new string?[bodies.Length];
        var answers = new EngineAnswer[bodies.Length];
        string? previous = null;
        for (var i = 0; i < bodies.Length; i++)
        {
            contexts[i] = previous;
            answers[i] = knowledge.Ask(questions[i], today, previous)!;
            previous = answers[i].Context;
        }

        Stage("engine (host, as wired)", turns, i => knowledge.Ask(questions[i % questions.Count], today, contexts[i % questions.Count]));
        var engine = AnswerEngine.Build(knowledge.Model!);
        var previousContexts = contexts.Select(ConversationContext.FromJson).ToArray();
        Stage("engine (AnswerEngine.Ask)", turns, i => engine.Ask(new Question(questions[i % questions.Count], today, previousContexts[i % questions.Count])));
        Stage("answer card", turns, i => cards.Answer(answers[i % answers.Length], "0123456789abcdef"));
        var replies = answers.Select((a, i) =>
        {
            var reply = activities[i].CreateReply();
            reply.Attachments = [Attachment.AdaptiveCard(cards.Answer(a, "0123456789abcdef"))];
            return reply;
        }).ToArray();
        Stage("reply JSON", turns, i =>
        {
            using var stream = new MemoryStream();
            JsonSerializer.Serialize(stream, new ExpectedReplies([replies[i % replies.Length]]), BotJson.Options);
            return stream.Length;
        });
        await app.StopAsync();
        return 0;
    }

    private static void Stage(string name, int turns, Func<int, object?> run)
    {
        for (var i = 0; i < 200; i++)
        {
            run(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuNanoseconds();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < turns; i++)
        {
            run(i);
        }

        var wall = clock.Elapsed;
        var cpuUs = (ThreadCpuNanoseconds() - cpu) / 1000.0;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {wall.TotalMicroseconds / turns,9:F1} us wall  {cpuUs / turns,9:F1} us CPU  {bytes / 1024.0 / turns,8:F1} KiB"));
    }

    /// <summary>CPU time of the calling thread (Linux: the scheduler's run time in /proc/thread-self/schedstat), load-insensitive; 0 elsewhere.</summary>
    private static long ThreadCpuNanoseconds()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return long.Parse(text.AsSpan(0, text.IndexOf(' ')), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>A Teams personal-chat message as the peer tool (../shared/peer-bench/activity.lua) sends it.</summary>
    private static string ActivityJson(string question, int i) => new JsonObject
    {
        ["text"] = question,
        ["textFormat"] = "plain",
        ["type"] = "message",
        ["timestamp"] = "2026-11-22T10:15:00.123Z",
        ["localTimestamp"] = "2026-11-22T11:15:00.123+01:00",
        ["id"] = "17638065" + i.ToString("D5", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["from"] = new JsonObject { ["id"] = "29:1kQx2vN8bM3pTzR6yL0wHc5fJ7gD4sA9eU2iO1nV", ["name"] = "Jan de Vries", ["aadObjectId"] = "6b3f9a1e-2c4d-4e8f-9a0b-1c2d3e4f5a6b" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6", ["id"] = "a:turn-benchmark" },
        ["recipient"] = new JsonObject { ["id"] = "28:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", ["name"] = "VarBot" },
        ["entities"] = new JsonArray(new JsonObject { ["locale"] = "nl-NL", ["country"] = "NL", ["platform"] = "Web", ["timezone"] = "Europe/Amsterdam", ["type"] = "clientInfo" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6" } },
        ["locale"] = "nl-NL",
        ["localTimezone"] = "Europe/Amsterdam",
        ["deliveryMode"] = "expectReplies",
    }.ToJsonString();

    private static List<string> LoadQuestions(string[] args)
    {
        var index = Array.IndexOf(args, "--questions");
        if (index >= 0 && index + 1 < args.Length)
        {
            return [.. File.ReadLines(args[index + 1]).Select(l => l.Trim()).Where(l => l.Length > 0)];
        }

        var path = Path.Combine(RepoPaths.Root, "tests", "VarBot.Bot.Tests", "Data", "qa-dev.jsonl");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["question"]!.GetValue<string>())];
    }

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
