namespace VarBot.Answering.Tests;

public sealed class AnswerEngineTests
{
    private static readonly AnswerEngine Engine = AnswerEngine.Build(SampleModel.Create());
    private static readonly DateOnly Today = new(2026, 2, 1);

    private static string Ask(string text, DateOnly? today = null, ConversationContext? previous = null) =>
        AnswerText.Flatten(Engine.Ask(new Question(text, today ?? Today, previous)));

    public static TheoryData<string> BadInputs => new()
    {
        "",
        "   ",
        new string('a', 10_000),
        "😀😀🎉",
        "<script>alert('x')</script>",
        "'; DROP TABLE budgets; --",
        "What is the budget of the VAR?",
        "SELECT * FROM events WHERE 1=1",
        "\u0000\u0001",
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Ask_BadInput_PoliteDutchAnswerWithoutNumbers(string input)
    {
        var answer = Engine.Ask(new Question(input, Today, null));

        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
        Assert.DoesNotContain("€", answer.Text);
        Assert.Matches("(?i)(vraag|staat niet|nederlands|stel)", answer.Text);
    }

    [Fact]
    public void Ask_LineForPastYear_NamesJaarrekeningAndBegrotingWithDifference()
    {
        var text = Ask("Hoeveel hoger waren de loonkosten in 2025 dan begroot?");

        Assert.Contains("€ 420.000", text);
        Assert.Contains("€ 330.000", text);
        Assert.Contains("€ 90.000", text);
        Assert.Contains("jaarrekening", text);
    }

    [Fact]
    public void Ask_TotalForCurrentYear_GivesBegroting()
    {
        var text = Ask("wat is het totale budget voor 2026?");

        Assert.Contains("€ 484.000", text);
        Assert.Contains("begroting", text);
        Assert.DoesNotContain("745.000", text);
    }

    [Fact]
    public void Ask_Comparison_SaysRiseWithDifference()
    {
        var text = Ask("Met hoeveel stijgt de inwonersbijdrage voor de VAR (zonder mensenhandel) van 2025 naar 2026?");

        Assert.Contains("€ 199.000", text);
        Assert.Contains("€ 2.000", text);
        Assert.DoesNotContain("109.000", text);
    }

    [Fact]
    public void Ask_NextLeerhuisWhenNonePlanned_SaysSoAndNamesLastOne()
    {
        var text = Ask("Wanneer is het volgende Leerhuis?", new DateOnly(2026, 11, 22));

        Assert.Contains("nog geen", text);
        Assert.Contains("16 november 2026", text);
        Assert.DoesNotContain("gepland]", text);
    }

    [Fact]
    public void Ask_NextLeerhuisWithTypo_GivesFirstUpcomingDate()
    {
        var text = Ask("wanneer is het volgende leerhuiss", new DateOnly(2026, 7, 10));

        Assert.Contains("16 november 2026", text);
        Assert.DoesNotContain("6 juli 2026", text);
    }

    [Fact]
    public void Ask_FollowUpYear_ContinuesBudgetQuestion()
    {
        var first = Engine.Ask(new Question("Hoeveel is er voor 2026 begroot voor monitoring?", Today, null));
        var json = first.Context.ToJson();

        var text = Ask("en in 2025?", previous: ConversationContext.FromJson(json));

        Assert.Contains("€ 28.000", text);
        Assert.Contains("€ 95.000", text);
    }

    [Fact]
    public void Ask_OffTopic_SaysNotInReports()
    {
        var answer = Engine.Ask(new Question("Welke partij wint de gemeenteraadsverkiezingen?", Today, null));

        Assert.False(answer.Answered);
        Assert.Contains("niet in de jaarverslagen", AnswerText.Flatten(answer));
    }

    [Fact]
    public void Ask_PassageWithMonth_AddsTheYear()
    {
        var text = Ask("Wanneer heeft de VAR de interventietool (Ont)wapenend opgeleverd?");

        Assert.Contains("mei 2024", text);
    }

    [Fact]
    public void Ask_Card_FollowsContract()
    {
        var answer = Engine.Ask(new Question("Op welke data zijn de Leerhuizen dit jaar?", Today, null));

        Assert.Equal("events", answer.Card.Template);
        foreach (var key in new[] { "title", "intro", "sources", "suggestions", "answerId", "events" })
        {
            Assert.True(answer.Card.Data.ContainsKey(key), key);
        }

        Assert.InRange(answer.Suggestions.Count, 2, 4);
        Assert.Equal(3, answer.Card.Data["events"]!.AsArray().Count);
    }
}
