using System.Text.Json.Nodes;

namespace VarBot.Answering.Tests;

public sealed class BudgetCardAndSuggestionTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Ask_BudgetYearWithoutLine_CardHoldsTotalAndIncomeAndExpenseRows()
    {
        var answer = RealModel.Engine.Ask(new Question("wat is de begroting voor 2026?", Today));

        Assert.Equal("budget", answer.Intent);
        Assert.Contains("484.000", answer.Text, StringComparison.Ordinal);
        var labels = Rows(answer).Select(r => r!["label"]!.GetValue<string>()).ToList();
        Assert.Contains(labels, l => l.Contains("Inwonersbijdrage", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("Loonkosten", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("Monitoring", StringComparison.Ordinal));
        Assert.True(Rows(answer).Last()!["isTotal"]!.GetValue<bool>());
        Assert.Contains("420.000", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_CutBackOnALineInAYear_ComparesThatYearsBudgetWithTheYearBefore()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Gaat de VAR in 2026 bezuinigen op communicatie?", Today)));

        Assert.Contains("€ 10.000 (begroting 2026)", text, StringComparison.Ordinal);
        Assert.Contains("€ 9.500", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_CutBacksOfAnotherOrganisation_GiveNoVarBudget() =>
        Assert.DoesNotContain("€", AnswerText.Flatten(RealModel.Engine.Ask(new Question("Heeft de VAR het over bezuinigingen bij de politie?", Today))), StringComparison.Ordinal);

    [Fact]
    public void Ask_TotalBudgetQuestion_CardShowsTotalOnly()
    {
        var answer = RealModel.Engine.Ask(new Question("wat is het totale budget vd VAR voor 2026?", Today));

        Assert.Single(Rows(answer));
    }

    [Theory]
    [InlineData("Wanneer is het volgende Leerhuis?", "2025-09-20")]
    [InlineData("wanneer is het volgende leerhuis", "2026-01-05")]
    [InlineData("Welke thema's heeft de VAR?", "2026-11-22")]
    public void Ask_AnyQuestion_SuggestionsDoNotRepeatIt(string question, string today)
    {
        var answer = RealModel.Engine.Ask(new Question(question, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.NotEmpty(answer.Suggestions);
        Assert.DoesNotContain(answer.Suggestions, s => Normal(s) == Normal(question));
    }

    [Theory]
    [InlineData("Hoe hoog was de inwonerbijdrage van de gemeenten aan de VAR in 2020, los van mensenhandel?")]
    [InlineData("Wat was in 2020 de gemeentelijke bijdrage, met uitzondering van mensenhandel?")]
    public void Ask_LineLeftOutByAPhrase_AnswersTheOtherLine(string question)
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question(question, Today)));

        Assert.Contains("169.000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("100.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_NegationPhraseFarFromTheLine_LeavesNoLineOut() =>
        Assert.Contains("169.000", AnswerText.Flatten(RealModel.Engine.Ask(new Question("Hoeveel ging er, los van wat je net zei, in 2020 naar inwonerbijdrage?", Today))), StringComparison.Ordinal);

    private static JsonArray Rows(Answer answer) => Assert.IsType<JsonArray>(answer.Card.Data["rows"]);

    private static string Normal(string text) =>
        new string(text.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
