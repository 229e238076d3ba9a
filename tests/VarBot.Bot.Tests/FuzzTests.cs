using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Bot.Tests.Infrastructure;

namespace VarBot.Bot.Tests;

/// <summary>10,000 malformed or random activities: never a 5xx, the host stays up and memory stays flat.</summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(BotHostFixture fixture)
{
    private const int Count = 10_000;
    private const int Parallelism = 8;

    private static readonly string[] Types = ["message", "conversationUpdate", "installationUpdate", "invoke", "typing", "event", "messageReaction", "", "MESSAGE", "endOfConversation"];
    private static readonly string[] Texts = ["hulp", "help", "Wanneer is het volgende Leerhuis?", "", " ", "<at>VarBot</at>", "💥💥", "begroting 2026", "\u0000\u0001", "'; DROP TABLE x;--", "<script>alert(1)</script>"];

    [Fact]
    public async Task PostMessages_TenThousandRandomActivities_NoServerErrorAndMemoryFlat()
    {
        var random = new Random(20261122);
        var bodies = Enumerable.Range(0, Count).Select(i => RandomBody(random, i)).ToArray();
        await SendAllAsync(bodies.AsMemory(0, 500)); // warm-up: JIT, pools, engine
        var before = HeapBytes();

        var statuses = await SendAllAsync(bodies.AsMemory(500));

        var after = HeapBytes();
        Assert.DoesNotContain(statuses, s => s >= 500);
        Assert.True(after - before < 32L * 1024 * 1024, $"managed heap grew by {(after - before) / 1024} KB");
        using var health = await fixture.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var reply = await fixture.Client.AskAsync("hulp", "after-fuzz");
        Assert.Contains("Wat kunt u mij vragen?", reply.Card().CardText());
    }

    private async Task<List<int>> SendAllAsync(ReadOnlyMemory<byte[]> bodies)
    {
        var statuses = new List<int>(bodies.Length);
        var failures = new List<string>();
        var next = -1;
        var workers = Enumerable.Range(0, Parallelism).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies.Span[index]);
                content.Headers.ContentType = new("application/json");
                using var response = await fixture.Client.PostAsync("/api/messages", content);
                lock (statuses)
                {
                    statuses.Add((int)response.StatusCode);
                    if ((int)response.StatusCode >= 500 && failures.Count < 5)
                    {
                        failures.Add((int)response.StatusCode + " for " + Encoding.UTF8.GetString(bodies.Span[index].AsSpan(0, Math.Min(400, bodies.Span[index].Length))));
                    }
                }
            }
        }));
        await Task.WhenAll(workers);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return statuses;
    }

    private static long HeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static byte[] RandomBody(Random random, int i)
    {
        switch (random.Next(10))
        {
            case 0:
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                return bytes;
            case 1:
                var valid = ValidActivity(random, i).ToJsonString();
                return Encoding.UTF8.GetBytes(valid[..random.Next(0, valid.Length)]);
            case 2:
                return Encoding.UTF8.GetBytes(random.Next(6) switch
                {
                    0 => "[]",
                    1 => "null",
                    2 => "42",
                    3 => "\"message\"",
                    4 => new string('[', 5000) + new string(']', 5000),
                    _ => "{\"type\":\"message\",\"type\":\"invoke\"}",
                });
            case 3:
            case 4:
                return Encoding.UTF8.GetBytes(WrongShapes(random, i).ToJsonString());
            default:
                return Encoding.UTF8.GetBytes(ValidActivity(random, i).ToJsonString());
        }
    }

    private static JsonObject ValidActivity(Random random, int i)
    {
        var activity = Activities.Message(Texts[random.Next(Texts.Length)], "fuzz-" + random.Next(50), random.Next(3) == 0 ? "2026-11-22T10:00:00+01:00" : null);
        activity["type"] = Types[random.Next(Types.Length)];
        activity["id"] = "fuzz-" + i;
        // Mostly expectReplies so answers are checked inline; a few queued ones exercise the background path.
        activity["deliveryMode"] = random.Next(20) == 0 ? "normal" : "expectReplies";
        switch (random.Next(8))
        {
            case 0:
                activity["value"] = new JsonObject { ["question"] = Texts[random.Next(Texts.Length)] };
                break;
            case 1:
                activity["value"] = new JsonObject { ["feedback"] = random.Next(2) == 0 ? "down" : "sideways", ["answerId"] = random.Next(3) == 0 ? null : "x" + i };
                break;
            case 2:
                activity["name"] = random.Next(2) == 0 ? "adaptiveCard/action" : "task/fetch";
                activity["value"] = new JsonObject { ["action"] = new JsonObject { ["verb"] = "ask", ["data"] = random.Next(2) == 0 ? new JsonObject { ["question"] = "hulp" } : new JsonArray() } };
                break;
            case 3:
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "varbot-id" }, null);
                break;
            case 4:
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = random.Next(2) == 0 ? "" : "<at>", ["mentioned"] = null });
                break;
            case 5:
                activity["text"] = new string((char)random.Next(32, 0x2FFF), random.Next(0, 20_000));
                break;
        }

        return activity;
    }

    private static JsonObject WrongShapes(Random random, int i)
    {
        var activity = ValidActivity(random, i);
        string[] fields = ["type", "text", "conversation", "from", "recipient", "value", "membersAdded", "entities", "localTimestamp", "timestamp", "serviceUrl", "attachments", "channelData", "deliveryMode"];
        JsonNode?[] values = [42, "x", null, true, new JsonArray(1, "a"), new JsonObject { ["id"] = 5 }, "2026-13-45T99:99", -1.5e300];
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            activity[fields[random.Next(fields.Length)]] = values[random.Next(values.Length)]?.DeepClone();
        }

        return activity;
    }
}
