using System.Text;
using System.Text.Json.Nodes;
using VarBot.Answering;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>The host over HTTP (expectReplies) gives the answers the engine (and so the CLI) gives, for the dev question set.</summary>
[Collection(BotHostCollection.Name)]
public sealed class AnswerParityTests(BotHostFixture fixture)
{
    private const int MaxCardBytes = 28 * 1024;

    public static TheoryData<string, string, string> DevQuestions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "VarBot.Bot.Tests", "Data", "qa-dev.jsonl")))
        {
            if (line.Length > 0)
            {
                var item = JsonNode.Parse(line)!;
                data.Add((string)item["id"]!, (string)item["question"]!, (string)item["as_of"]!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DevQuestions))]
    public async Task ExpectReplies_DevQuestion_SameAnswerAsEngine(string id, string question, string asOf)
    {
        var today = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var expected = fixture.Engine.Ask(new Question(question, today));

        var reply = await fixture.Client.AskAsync(question, "parity-" + id + "-" + Guid.NewGuid().ToString("N"), asOf + "T10:00:00+01:00");

        Assert.Null(reply["text"]);
        Assert.Equal(expected.Text, (string?)reply.Card()["fallbackText"]);
        var card = reply.Card();
        Assert.Equal("1.5", (string?)card["version"]);
        if (expected.Card.Data["title"] is JsonValue title)
        {
            Assert.Contains((string)title!, card.CardText());
        }

        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());
        Assert.True(size < MaxCardBytes, $"card for {id} is {size} bytes");
    }
}
