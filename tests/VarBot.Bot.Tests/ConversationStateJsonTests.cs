using System.Text.Json;
using System.Text.Json.Nodes;
using VarBot.Bot.Conversations;

namespace VarBot.Bot.Tests;

/// <summary>How a conversation state is stored: the engine's context as a nested JSON value, older rows (a string context, recent answers) still read.</summary>
public sealed class ConversationStateJsonTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Context = """{"intent":"BudgetLine","question":"Wat is de begroting voor 2026?","years":[2026],"terms":["begroting"]}""";

    [Fact]
    public void Context_IsStoredAsANestedObjectAndReadBackUnchanged()
    {
        var state = new ConversationState(Context, new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), "0123456789abcdef");

        var json = JsonSerializer.Serialize(state, Json);
        var read = JsonSerializer.Deserialize<ConversationState>(json, Json)!;

        Assert.IsType<JsonObject>(JsonNode.Parse(json)!["context"]);
        Assert.DoesNotContain("\\\"", json, StringComparison.Ordinal); // no escaped quotes
        Assert.Equal(Context, read.Context);
        Assert.Equal(state, read);
    }

    [Theory]
    [InlineData("""{"context":null,"lastTurn":"2026-12-07T10:00:00+00:00","recentAnswers":[]}""", null)]
    [InlineData("""{"context":"{\"intent\":\"BudgetLine\"}","lastTurn":"2026-12-07T10:00:00+00:00","recentAnswers":[]}""", """{"intent":"BudgetLine"}""")]
    [InlineData("""{"context":"not json","lastTurn":"2026-12-07T10:00:00+00:00","recentAnswers":[]}""", null)]
    [InlineData("""{"context":"[1,2]","lastTurn":"2026-12-07T10:00:00+00:00"}""", null)]
    [InlineData("""{"context":42,"lastTurn":"2026-12-07T10:00:00+00:00"}""", null)]
    [InlineData("""{"context":[{"intent":"BudgetLine"}],"lastTurn":"2026-12-07T10:00:00+00:00"}""", null)]
    public void Context_WrittenAsAStringBeforeTheNestedFormat_IsReadWhenItIsJson(string stored, string? expected)
    {
        var read = JsonSerializer.Deserialize<ConversationState>(stored, Json)!;

        Assert.Equal(expected, read.Context);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), read.LastTurn);
    }

    [Fact]
    public void Row_WrittenWithRecentAnswersBeforeAnswerTickets_ReadsItsContextAndTime()
    {
        const string stored = """{"context":{"intent":"BudgetLine"},"lastTurn":"2026-12-07T10:00:00+00:00","recentAnswers":[{"answerId":"a1","question":"Wat is de begroting voor 2026?","intent":"BudgetLine","answered":true}]}""";

        var read = JsonSerializer.Deserialize<ConversationState>(stored, Json)!;

        Assert.Equal(new ConversationState("""{"intent":"BudgetLine"}""", new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero)), read);
        Assert.DoesNotContain("recentAnswers", JsonSerializer.Serialize(read, Json), StringComparison.Ordinal);
    }
}
