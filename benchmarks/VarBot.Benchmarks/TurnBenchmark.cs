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
/// Usage: turn [--rounds N] [--questions FILE] (one question per line; default the dev set's questions).
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

        for (var i = 0; i < bodies.Length * 20; i++)
        {
            await TurnAsync(i);
        }

        var turns = rounds * bodies.Length;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < turns; i++)
        {
            bytes += await TurnAsync(i);
        }

        var wall = clock.Elapsed;
        var turnCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var turnAlloc = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine($"VarBot turn benchmark: {questions.Count} questions in one conversation, {turns} turns, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole turn (endpoint)      {wall.TotalMicroseconds / turns,9:F1} us wall  {turnCpu.TotalMicroseconds / turns,9:F1} us CPU  {turnAlloc / 1024.0 / turns,8:F1} KiB  reply {bytes / turns} bytes"));

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
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < turns; i++)
        {
            run(i);
        }

        var wall = clock.Elapsed;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {wall.TotalMicroseconds / turns,9:F1} us       {bytes / 1024.0 / turns,24:F1} KiB"));
    }

    private static string ActivityJson(string question, int i) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = "t" + i.ToString(CultureInfo.InvariantCulture),
        ["deliveryMode"] = "expectReplies",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["text"] = question,
        ["textFormat"] = "plain",
        ["locale"] = "nl-NL",
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Jan de Vries" },
        ["recipient"] = new JsonObject { ["id"] = "28:varbot", ["name"] = "VarBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:turn-benchmark", ["conversationType"] = "personal" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "nl-NL", ["timezone"] = "Europe/Amsterdam" }),
        ["localTimestamp"] = "2026-11-22T11:15:00.123+01:00",
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
