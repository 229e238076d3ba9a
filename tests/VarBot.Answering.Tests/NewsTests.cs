namespace VarBot.Answering.Tests;

/// <summary>Questions about the website's news items, on the real model: by subject, by when they appeared, the newest, a list.</summary>
public sealed class NewsTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static Answer Ask(string text, DateOnly? today = null, ConversationContext? previous = null) =>
        RealModel.Engine.Ask(new Question(text, today ?? Today, previous));

    private static string Text(Answer answer) => AnswerText.Flatten(answer);

    [Theory]
    [InlineData("Wanneer verscheen het bericht over de Mensenhandelmonitor 2024?", "17 juni 2025")]
    [InlineData("op welke dag stond het nieuwsbericht over de terugblik op de najaarscarrousel online", "17 oktober 2025")]
    [InlineData("Is er nieuws over femicide?", "19 september 2025")]
    public void Ask_NewsItemBySubject_GivesTheDayItAppeared(string question, string day)
    {
        Assert.Contains(day, Text(Ask(question)).Split('\n')[0]);
    }

    [Fact]
    public void Ask_NewsItemsOfAMonth_ListsEachWithItsDate()
    {
        var text = Text(Ask("Welke nieuwsberichten verschenen er in maart 2026?"));

        Assert.StartsWith("In maart 2026 verschenen 2 nieuwsberichten", text);
        Assert.Contains("5 maart 2026 – 'Koffer Verkeerd'", text);
        Assert.Contains("24 maart 2026 – Eerste Leerhuis van 2026", text);
        Assert.DoesNotContain("april 2026", text);
    }

    [Fact]
    public void Ask_NewestItem_IsTheNewestKnownOnThatDay()
    {
        // On 10 October 2025 the items of 17 October 2025 and later are not known yet.
        var text = Text(Ask("wat is het nieuwste bericht op de website?", new DateOnly(2025, 10, 10)));

        Assert.Contains("8 oktober 2025", text.Split('\n')[0]);
        Assert.DoesNotContain("2026", text);
    }

    [Fact]
    public void Ask_NewsItemNoneIsAbout_SaysSoAndOffersTheNewest()
    {
        var answer = Ask("Is er een nieuwsbericht over de Veiligheidsconferentie van 2017?");
        var text = Text(answer);

        Assert.Contains("staat niet in de bronnen", text.Split('\n')[0]);
        Assert.Contains("2 november 2026 – Laatste Leerhuis van 2026", text);
        Assert.DoesNotContain("26 oktober 2017", text);
    }

    [Fact]
    public void Ask_MessagesOnAChannelNoNewsItemIsAbout_AnswersFromTheReports()
    {
        var text = Text(Ask("Wat voor berichten deelt de VAR via LinkedIn?"));

        Assert.Contains("LinkedIn", text.Split('\n')[0]);
    }

    [Fact]
    public void Ask_MeerAfterAListOfNewsItems_GoesOnWithTheNextItems()
    {
        var first = Ask("welke nieuwsberichten verschenen er in 2025?");
        var more = first.Suggestions.FirstOrDefault(s => s.StartsWith("Meer", StringComparison.Ordinal));
        Assert.NotNull(more);

        var next = Text(Ask(more, previous: first.Context));

        Assert.Contains("26 maart 2025", next);
        Assert.DoesNotContain("17 oktober 2025", next);
    }

    [Fact]
    public void Ask_NewsItemThenWhenInTheSameQuestion_SaysTheDayOnce()
    {
        var text = Text(Ask("wat is jullie meest recente nieuwsbericht over mensenhandel en van wanneer is het?"));

        Assert.Contains("5 maart 2026", text.Split('\n')[0]);
        Assert.DoesNotContain("Jaarplan", text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("welke middelen kunnen gemeenten bij de VAR aanvragen voor bewustwording?", "Koffer Verkeerd")]
    [InlineData("Welke middelen voor bewustwording kan mijn gemeente aanvragen?", "VR-brillen")]
    public void Ask_QuestionOnlyANewsItemAnswers_IsAnsweredFromItsText(string question, string expected)
    {
        var answer = RealModel.Engine.Ask(new Question(question, new DateOnly(2026, 4, 20), null));
        var text = AnswerText.Flatten(answer);

        Assert.Contains(expected, text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("Nieuwsbericht van 5 maart 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("€", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_NewsItemBeforeItAppeared_DoesNotAnswer()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("welke middelen kunnen gemeenten bij de VAR aanvragen voor bewustwording?", new DateOnly(2026, 2, 1), null)));

        Assert.DoesNotContain("Nieuwsbericht", text, StringComparison.Ordinal);
    }
}

