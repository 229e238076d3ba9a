using System.Text.Json;
using System.Text.Json.Nodes;
using VarBot.Bot.Conversations;

namespace VarBot.Bot.Tests;

/// <summary>How a conversation state is stored: the engine's context as a nested JSON value, older rows' string still read.</summary>
public sealed class ConversationStateJsonTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Context = """{"intent":"BudgetLine","question":"Wat is de begroting voor 2026?","years":[2026],"terms":["begroting"]}""";

    [Fact]
    public void Context_IsStoredAsANestedObjectAndReadBackUnchanged()
    {
        var state = new ConversationState(Context, new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), [new RecentAnswer("a1", "Wat is de begroting voor 2026?", "BudgetLine", true)]);

        var json = JsonSerializer.Serialize(state, Json);
        var read = JsonSerializer.Deserialize<ConversationState>(json, Json)!;

        Assert.IsType<JsonObject>(JsonNode.Parse(json)!["context"]);
        Assert.DoesNotContain("\\\"", json, StringComparison.Ordinal); // no escaped quotes
        Assert.Equal(Context, read.Context);
        Assert.Equal(state.RecentAnswers, read.RecentAnswers);
    }

    [Theory]
    [InlineData("""{"context":null,"lastTurn":"2026-12-07T10:00:00+00:00","recentAnswers":[]}""", null)]
    [InlineData("""{"context":"{\"intent\":\"BudgetLine\"}","lastTurn":"2026-12-07T10:00:00+00:00","recentAnswers":[]}""", """{"intent":"BudgetLine"}""")]
    [InlineData("""{"context":"not json","lastTurn":"2026-12-07T10:00:00+00:00","recentAnswers":[]}""", null)]
    public void Context_WrittenAsAStringBeforeTheNestedFormat_IsReadWhenItIsJson(string stored, string? expected)
    {
        var read = JsonSerializer.Deserialize<ConversationState>(stored, Json)!;

        Assert.Equal(expected, read.Context);
    }
}
