using VarBot.Answering.Analysis;
namespace VarBot.Answering.Tests;

/// <summary>Count and person questions are answered only when the reports state the count or name; relative years resolve against today.</summary>
public sealed class HonestDeclineTests
{
    private static string Ask(string text, DateOnly today) =>
        AnswerText.Flatten(RealModel.Engine.Ask(new Question(text, today, null)));

    [Fact]
    public void Ask_FillerWordsAndTheElderly_FindTheFilmForSeniors()
    {
        var answer = RealModel.Engine.Ask(new Question("dat ding over oplichting van ouderen, die interactieve film, hoe heet die ook alweer?", new DateOnly(2026, 12, 7), null));

        Assert.Contains("Echt of Nep", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_ParentsAreNoSeniors_TheFilmForSeniorsDoesNotAnswerAQuestionAboutParents() =>
        Assert.DoesNotContain("senioren", Ask("welke voorlichting krijgen ouders over oplichting?", new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Theory]
    [InlineData("Hoeveel mensen in onze regio doen mee met Burgernet?")]
    [InlineData("Hoeveel mensen doen er mee aan Burgernet?")]
    public void Ask_CountOfAThemeFromAnotherThemesPassage_IsNotAnswered(string question)
    {
        var text = Ask(question, new DateOnly(2026, 12, 7));

        Assert.Contains("staat niet in de jaarverslagen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("deelnemers waren aanwezig", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_CountFromAPassageHoldingTheQuestionsOwnWords_IsAnsweredOutsideTheTheme() =>
        Assert.Contains("100 aanmeldingen", Ask("hoeveel aanmeldingen kwamen er in 2020 binnen voor de veilig wonen scans in Rozenburg?", new DateOnly(2026, 12, 6)), StringComparison.Ordinal);

    [Fact]
    public void Ask_CountOfPastEventWithoutNumber_GivesDateAndSaysCountIsNotInReports()
    {
        var text = Ask("hoeveel deelnemers waren er bij het leerhuis NAVO-top?", new DateOnly(2026, 11, 22));

        Assert.Contains("7 juli 2025", text, StringComparison.Ordinal);
        Assert.Contains("staat niet in de jaarverslagen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("100 deelnemers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_TheOtherOneWhereTheSentenceOnlyNamesTheOneAsked_IsNotAnswered()
    {
        var answer = RealModel.Engine.Ask(new Question("Wat is naast maatschappelijk ongenoegen het andere geprioriteerde thema op de strategische agenda van de eenheid?", new DateOnly(2026, 12, 6), null));

        Assert.False(answer.Answered);
        Assert.Contains("kan ik niet vinden", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_TheOtherOneThatTheSentenceNames_IsAnswered()
    {
        var answer = RealModel.Engine.Ask(new Question("Met welke andere regio's hield het RCTM in 2023 een gezamenlijke controledag?", new DateOnly(2026, 12, 6), null));

        Assert.True(answer.Answered);
        Assert.Contains("Den Haag", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_CountWhereTheSentenceHasOnlyAnArticleOfAnotherNoun_SaysTheCountIsNotInTheReports()
    {
        var text = Ask("Hoeveel CISO-bijeenkomsten organiseerde de VAR in 2024?", new DateOnly(2026, 12, 7));

        Assert.StartsWith("Het aantal (ciso bijeenkomsten organiseerde) staat niet in de jaarverslagen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cybercrisisoefening", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hoeveel CISO-bijeenkomsten organiseerde de VAR in 2025?", "vier CISO-bijeenkomsten")]
    [InlineData("Hoeveel netwerkbijeenkomsten zorg en veiligheid staan er voor 2026 gepland?", "één gezamenlijke netwerkbijeenkomst")]
    public void Ask_CountWrittenAsANumberOrNumeralBeforeTheNoun_IsAnswered(string question, string expected) =>
        Assert.Contains(expected, Ask(question, new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Fact]
    public void Ask_WhetherSomethingChangedAfterADateLaterThanTheNewestReport_SaysTheReportsDoNotTell()
    {
        var answer = RealModel.Engine.Ask(new Question("Is de uitvoeringsregeling van de VAR na 1 mei 2026 verlengd?", new DateOnly(2026, 12, 7), null));

        Assert.False(answer.Answered);
        Assert.StartsWith("Of dat nu zo is, staat niet in de jaarverslagen", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_WhetherAPlanOfTheNewestReportsYearComes_IsAnsweredFromThePlan()
    {
        var answer = RealModel.Engine.Ask(new Question("Komt er in 2026 een nieuw actieplan mensenhandel?", new DateOnly(2026, 12, 7), null));

        Assert.True(answer.Answered);
        Assert.Contains("2027-2030", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_PersonForRoleNotNamed_IsNotAnswered()
    {
        var answer = RealModel.Engine.Ask(new Question("wie is de portefeuillehouder mensenhandel in de regio?", new DateOnly(2026, 11, 22), null));

        Assert.False(answer.Answered);
        Assert.Contains("kan ik niet vinden", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_CountOfASubjectWhoseSentenceHasNoNumber_SaysTheCountIsNotInTheReports()
    {
        var text = Ask("Hoeveel bezoekers had de website in 2020?", new DateOnly(2026, 12, 6));

        Assert.StartsWith("Het aantal (bezoekers) staat niet in de jaarverslagen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("100 deelnemers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_CountWhoseNumberStandsNextToTheSentence_IsAnswered() =>
        Assert.Contains("550 basisscholen", Ask("Hoeveel basisscholen kregen het kaartspel?", new DateOnly(2026, 12, 6)), StringComparison.Ordinal);

    [Fact]
    public void Ask_NameOfARoleTheReportsDoNotName_IsNotAnswered()
    {
        var answer = RealModel.Engine.Ask(new Question("Hoe heet de portefeuillehouder die voorzitter is van het platform cyberburgemeesters?", new DateOnly(2026, 12, 6), null));

        Assert.False(answer.Answered);
        Assert.StartsWith("Een naam kan ik niet vinden", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_NameOfAPersonNamedOnlyInAnotherPassage_IsNotAnsweredWithTheSentencesThatNameNoOne()
    {
        var answer = RealModel.Engine.Ask(new Question("Hoe heet de burgemeester die het landelijk platform cyberburgemeesters voorzit?", new DateOnly(2026, 12, 7), null));

        Assert.False(answer.Answered);
        Assert.StartsWith("Een naam kan ik niet vinden", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_StatementOfTheLastYearThenWhatHappensAfter_AnswersWithTheSentenceOfTheLaterYears()
    {
        // "eindigt in 2026. Wat gebeurt er daarna?": "gebeurt" and "daarna" ask what follows, the subject's words find it.
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Het actieplan mensenhandel eindigt in 2026. Wat gebeurt er daarna?", new DateOnly(2026, 12, 7), null)));

        Assert.Contains("2027-2030", text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_WhatHappensInAYearWithoutAskingAfter_IsNotAnsweredWithWhatFollows()
    {
        // No word asks what comes after: the year asked is the year itself, not the end of the subject.
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Wat gebeurt er in 2026 met het actieplan mensenhandel?", new DateOnly(2026, 12, 7), null)));

        Assert.DoesNotContain("2027-2030", text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_WhoWhereTheSentenceNamesOnlyPlacesAndThingsBuiltFromTheQuestion_SaysNoNameIsFound()
    {
        // "beleidsadviseurs uit Dordrecht en Rotterdam", "de Zorg- en Veiligheidshuizen": places and a compound of the
        // question's own words name no portefeuillehouder.
        var answer = RealModel.Engine.Ask(new Question("Wie is de portefeuillehouder Zorg en Veiligheid in de regio?", new DateOnly(2026, 12, 7), null));

        Assert.False(answer.Answered);
        Assert.StartsWith("Een naam kan ik niet vinden", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_WhoWhereTheSentenceNamesThePersonAfterAPreposition_IsStillAnswered()
    {
        // "door Bart Brandsma": a name after a preposition that is no place preposition is the person asked for.
        var answer = RealModel.Engine.Ask(new Question("Wie gaf de introductie op de rollen en dynamiek van polarisatie?", new DateOnly(2026, 12, 7), null));

        Assert.True(answer.Answered);
        Assert.Contains("Bart Brandsma", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_WhoWhereTheShownSentenceNamesTheOrganisation_IsStillAnswered()
    {
        var answer = RealModel.Engine.Ask(new Question("Wie heeft het beheer van Burgernet overgenomen?", new DateOnly(2026, 12, 7), null));

        Assert.True(answer.Answered);
        Assert.Contains("Landelijke Meldkamer", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_WhetherPartnersPayToFollowATraining_IsAnsweredWithTheSentenceThatSaysItIsFree() =>
        Assert.Contains("kosteloos", Ask("Moeten partners betalen om de trainingen van de VAR te volgen?", new DateOnly(2026, 12, 7)), StringComparison.Ordinal);

    [Fact]
    public void Ask_AmountPerInhabitantMunicipalitiesPay_IsStillNotAnsweredWithAnotherAmount() =>
        Assert.DoesNotContain("265.000", Ask("Hoeveel euro per inwoner betalen gemeenten aan de VAR?", new DateOnly(2026, 11, 22)), StringComparison.Ordinal);

    [Fact]
    public void Ask_RoleTheOrganisationFactsName_IsStillAnswered() =>
        Assert.Contains("Heijkoop", Ask("Wie was in 2017 voorzitter van het dagelijks bestuur van de VAR?", new DateOnly(2026, 12, 6)), StringComparison.Ordinal);

    [Fact]
    public void Ask_LastYearWithAmpersandTheme_GivesThatYearsWork()
    {
        var text = Ask("wat deed de VAR vorig jaar aan jeugd & veiligheid", new DateOnly(2025, 5, 12));

        Assert.Contains("in 2024 deed", text, StringComparison.Ordinal);
        Assert.Contains("wapenend", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Ampersand_ReadsAsEn() =>
        Assert.Equal(["jeugd", "en", "veiligheid"], TextNormalizer.Tokens("Jeugd & Veiligheid"));

    [Fact]
    public void Ask_HowManyDidInAYearOnlyPlanned_IsNotAnsweredByThePlansNumber() =>
        Assert.StartsWith("Een precies antwoord kan ik niet vinden", Ask("Hoeveel gemeenten deden er in 2021 mee aan HackShield?", new DateOnly(2026, 12, 8)), StringComparison.Ordinal);

    [Fact]
    public void Ask_HowManyDidInAYearTheReportTellsOf_IsAnswered() =>
        Assert.StartsWith("Tien gemeenten", Ask("Hoeveel gemeenten deden er in 2020 mee aan HackShield?", new DateOnly(2026, 12, 8)), StringComparison.Ordinal);
}
