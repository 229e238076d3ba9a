namespace VarBot.Answering.Tests;

/// <summary>Event answers on the real model read as correct Dutch: article per event type, preposition per date precision.</summary>
public sealed class EventPhrasingTests
{
    private static string Ask(string text, DateOnly today) =>
        AnswerText.Flatten(RealModel.Engine.Ask(new Question(text, today, null)));

    [Fact]
    public void Ask_MeetingAboutAThemeWordThatStartsItsTitleWord_IsThatMeeting() =>
        Assert.StartsWith("Leerhuis Cyberoefendriehoek was op maandag 17 november 2025", Ask("Welk Leerhuis ging in 2025 over cyber?", new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Fact]
    public void Ask_CountOfMeetingsOfATheme_IsNotNarrowedToATitleTheThemeWordStarts() =>
        Assert.Contains("twee netwerkbijeenkomsten", Ask("Hoeveel netwerkbijeenkomsten over digitale veiligheid organiseerde de VAR in 2025?", new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Fact]
    public void Ask_AgendaOfAMonthWithADatedMeeting_LeavesOutMeetingsDatedOnlyByTheYear()
    {
        var text = Ask("Wat staat er in april op de VAR-agenda?", new DateOnly(2025, 2, 1));

        Assert.Contains("7 april 2025", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PGA-R", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_AgendaOfASeason_KeepsMeetingsDatedOnlyByTheYear() =>
        Assert.Contains("PGA-R", Ask("Wat staat er in het voorjaar op de VAR-agenda?", new DateOnly(2025, 2, 1)), StringComparison.Ordinal);

    [Fact]
    public void Ask_NextLeerhuis_UsesNeuterArticle()
    {
        var text = Ask("Wanneer is het volgende Leerhuis?", new DateOnly(2026, 2, 1));

        Assert.StartsWith("Het eerstvolgende Leerhuis is op ", text);
        Assert.Contains("23 maart 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("De eerstvolgende Leerhuis", text);
    }

    [Fact]
    public void Ask_NextLeerhuisWhenNonePlanned_UsesNeuterAdjective()
    {
        var text = Ask("volgende leerhuis?", new DateOnly(2026, 11, 22));

        Assert.Contains("geen volgend Leerhuis", text);
        Assert.Contains("16 november 2026", text);
    }

    [Theory]
    [InlineData("Welk Leerhuis kwam in 2025 direct na het Leerhuis over criminele uitbuiting?", "Leerhuis NAVO-Top", "7 april")]
    [InlineData("Welke bijeenkomst was er na de voorjaarscarrousel van 2017?", "Leerhuis", "23 februari 2017 –")]
    public void Ask_MeetingAfterANamedMeeting_AnswersTheMeetingAfterIt(string question, string expected, string notTheAnchor)
    {
        var text = Ask(question, new DateOnly(2026, 12, 7));

        Assert.Contains(expected, text.Split('\n')[0]);
        Assert.DoesNotContain(notTheAnchor, text.Split('\n')[0]);
    }

    [Fact]
    public void Ask_WhatAMeetingWasAboutWithAFillerAfterOver_IsItsTopicNotItsPlace()
    {
        var text = Ask("was er in april 2024 een leerhuis? waar ging dat over dan", new DateOnly(2026, 12, 7));

        Assert.Contains("in het teken stond van grensoverschrijdende jeugdproblematiek", text, StringComparison.Ordinal);
        Assert.DoesNotContain("De locatie daarvan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_WhereAMeetingWasWithAFiller_IsStillItsPlace() =>
        Assert.Contains("De locatie daarvan", Ask("was er in april 2024 een leerhuis? waar was dat dan", new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Fact]
    public void Ask_AudienceOfAKindOfMeetingInThePlural_IsTheSentenceAboutThatKind() =>
        Assert.StartsWith("De Leerhuizen zijn primair bedoeld voor bestuurders", Ask("Voor wie zijn de Leerhuizen bedoeld?", new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Fact]
    public void Ask_AudienceOfAYearsMeetings_IsNotTheGeneralSentence() =>
        Assert.DoesNotContain("primair bedoeld voor bestuurders", Ask("Voor wie waren de Leerhuizen van 2024 bedoeld?", new DateOnly(2026, 12, 7)).Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_WhetherThereWereNoMeetings_SaysWhatTheReportSaysOfThemGoingAhead()
    {
        var text = Ask("Klopt het dat er in 2020 geen Leerhuizen waren?", new DateOnly(2026, 12, 7));

        Assert.Contains("Alle reguliere Leerhuizen vervielen in 2020.", text, StringComparison.Ordinal);
        Assert.False(text.StartsWith("Ja.", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Ask_WhetherThereWereMeetings_IsStillAnsweredYes() =>
        Assert.StartsWith("Ja.", Ask("Waren er in 2020 Leerhuizen?", new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Fact]
    public void Ask_MeetingNamedInALeadingClause_AnchorsWhatComesAfterIt() =>
        Assert.Contains("NAVO-Top", Ask("Na het Leerhuis over criminele uitbuiting in 2025: welk Leerhuis kwam daarna?", new DateOnly(2026, 12, 7)).Split('\n')[0]);

    [Theory]
    [InlineData("Na de eerste veiligheidsconferentie in 2017: wanneer zou die opnieuw georganiseerd worden?", "de eerste veiligheidsconferentie in 2017", "wanneer zou die opnieuw georganiseerd worden?")]
    // An opener at the start without a clause of its own asks the question itself.
    [InlineData("Na welke conferentie in 2017 kwam de eerste carrousel?", null, null)]
    public void Split_OpenerAtTheStart_AnchorsOnlyALeadingClause(string question, string? anchor, string? rest)
    {
        var split = Understanding.EventAnchor.Split(question, Vocabulary.Words.Load());

        Assert.Equal(anchor, split?.Anchor);
        Assert.Equal(rest, split?.Remainder);
    }

    [Fact]
    public void Ask_MeetingAfterANamedMeetingAndItsDate_GivesTheDatesOnce()
    {
        var text = Ask("Welke VAR-bijeenkomst komt er na het Leerhuis van 6 juli, en op welke datum?", new DateOnly(2026, 5, 1));

        Assert.Contains("1 oktober 2026 – Najaarscarrousel", text);
        Assert.DoesNotContain("2020", text);
    }

    [Fact]
    public void Ask_DayWithoutYearOfAMeetingWeeksAgo_IsThatMeetingNotNextYear()
    {
        var text = Ask("wanneer is het leerhuis van 16 november?", new DateOnly(2026, 12, 7));

        Assert.Contains("16 november 2026", text.Split('\n')[0]);
        Assert.DoesNotContain("2027", text);
        Assert.DoesNotContain("was er", text.Split('\n')[0]);
    }

    [Fact]
    public void Ask_MonthOnlyEvent_ReadsInMonth()
    {
        var text = Ask("wanneer was de VAR summerschool", new DateOnly(2026, 11, 22));

        Assert.Contains("in juli 2025", text);
        Assert.DoesNotContain("op juli", text);
    }

    [Fact]
    public void Ask_YesNoWithoutEventInMonth_SaysNoAndNamesLastOne()
    {
        var text = Ask("Is er in december nog een Leerhuis?", new DateOnly(2025, 11, 20));

        Assert.StartsWith("Nee,", text);
        Assert.Contains("17 november 2025", text);
    }

    [Fact]
    public void Ask_MonthWithoutYear_MeansTheComingOne()
    {
        var text = Ask("is er in juli een leerhuis", new DateOnly(2026, 2, 1));

        Assert.StartsWith("Ja.", text);
        Assert.Contains("6 juli 2026", text);
        Assert.DoesNotContain("2018", text);
    }

    [Fact]
    public void Ask_TimeOfAnEvent_TheDateCarriesThePartOfTheDay()
    {
        var text = Ask("hoe laat is de najaarscarrousel in 2026?", new DateOnly(2026, 6, 1));

        Assert.Contains("op donderdag 1 oktober 2026, 's ochtends", text.Split('\n')[0]);
        Assert.Equal(2, text.Split("'s ochtends").Length);
    }

    [Theory]
    [InlineData("is het leerhuis in november het laatste van dit jaar?", "Ja, Leerhuis (op maandag 16 november 2026) is het laatste Leerhuis van 2026.")]
    [InlineData("is het leerhuis van juli het laatste leerhuis van 2026?", "Nee, Leerhuis (op maandag 6 juli 2026) is niet het laatste Leerhuis van 2026; dat is op maandag 16 november 2026.")]
    public void Ask_IsThatMeetingTheLastOfTheYear_AnswersYesOrNoWithTheLastOne(string question, string lead)
    {
        Assert.StartsWith(lead, Ask(question, new DateOnly(2026, 9, 20)));
    }

    [Fact]
    public void Ask_NextAfterTodaysMeeting_IsTheOneAfterIt()
    {
        var first = RealModel.Engine.Ask(new Question("Is er vandaag een leerhuis?", new DateOnly(2026, 7, 6), null));
        var next = AnswerText.Flatten(RealModel.Engine.Ask(new Question("en wanneer is de volgende daarna?", new DateOnly(2026, 7, 6), first.Context)));

        Assert.Contains("16 november 2026", next.Split('\n')[0]);
    }

    [Fact]
    public void Ask_CountOfAMeetingTheReportsDoNotGive_SaysTheNumberIsNotKnown()
    {
        var text = Ask("Hoeveel bezoekers had het Leerhuis Femicide?", new DateOnly(2026, 12, 6));

        Assert.Contains("18 september 2025", text.Split('\n')[0]);
        Assert.Contains("staat niet in de jaarverslagen", text.Split('\n')[0]);
    }

    [Fact]
    public void Ask_WhatAMeetingsWorkshopWasAbout_IsNoMoneyQuestion()
    {
        var text = Ask("Er was in 2025 op de najaarscarrousel een workshop voor gemeenten, waar ging die over?", new DateOnly(2026, 12, 6));

        Assert.Contains("zorgcriminaliteit", text);
        Assert.DoesNotContain("€", text);
    }

    [Fact]
    public void Ask_AgendaAfterTodaysMeeting_ListsEveryKindAfterIt()
    {
        var day = new DateOnly(2026, 7, 6);
        var first = RealModel.Engine.Ask(new Question("Is er vandaag een Leerhuis?", day, null));
        var next = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Wat staat er daarna nog op de agenda dit jaar?", day, first.Context)));

        Assert.Contains("1 oktober 2026", next);
        Assert.Contains("16 november 2026", next);
    }

    [Theory]
    [InlineData("Welke VAR-bijeenkomst komt hierna?")]
    [InlineData("Welke bijeenkomst komt daarna?")]
    [InlineData("Wat staat er hierna op de agenda?")]
    [InlineData("Welk leerhuis komt hierna?")]
    public void Ask_AfterWithNoMeetingAnsweredBefore_IsTheNextMeeting(string question)
    {
        var lead = Ask(question, new DateOnly(2026, 5, 1)).Split('\n')[0];

        Assert.Contains("6 juli 2026", lead);
    }

    [Fact]
    public void Ask_HiernaAfterAMeeting_IsTheMeetingAfterThatOne()
    {
        var day = new DateOnly(2026, 5, 1);
        var first = RealModel.Engine.Ask(new Question("Wanneer is het Leerhuis van 6 juli?", day, null));
        var next = AnswerText.Flatten(RealModel.Engine.Ask(new Question("En welke bijeenkomst komt hierna?", day, first.Context)));

        Assert.Contains("1 oktober 2026", next.Split('\n')[0]);
    }

    [Fact]
    public void Ask_MonthsOfAMeetingWrittenAsASpan_GetTheReportsYearOnce()
    {
        var text = Ask("In welke maanden was de VAR-Summerschool in 2025?", new DateOnly(2026, 12, 7));

        Assert.Contains("juli/augustus 2025", text);
        Assert.DoesNotContain("juli 2025/", text);
    }

    [Theory]
    [InlineData("Waar gaat de carrousel van 2018 over?")]
    [InlineData("wanneer is de workshopcarrousel dit jaar en waar gaat die over")]
    public void Ask_TopicOfTheYearsOnlyMeetingOfItsKind_IsTheJaarplansSentenceAnnouncingIt(string question) =>
        Assert.Contains("digitale opsporing", Ask(question, new DateOnly(2018, 2, 1)), StringComparison.Ordinal);

    [Fact]
    public void Ask_TopicOfOneOfSeveralMeetingsOfItsKind_IsNotAnotherOnesAnnouncement()
    {
        var text = Ask("Waar gaat het Leerhuis van 6 juli 2026 over?", new DateOnly(2026, 3, 1));

        Assert.DoesNotContain("Strategisch Beleidsplan", text, StringComparison.Ordinal);
        Assert.Contains("staat (nog) niet", text, StringComparison.Ordinal);
    }
}
