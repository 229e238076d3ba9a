namespace VarBot.Answering.Tests;

/// <summary>Answers on the real model that pick the right part of a section: a sub-heading, a composition sentence, a frequency.</summary>
public sealed class ThemeAndFrequencyTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static string Ask(string text) => AnswerText.Flatten(RealModel.Engine.Ask(new Question(text, Today, null)));

    [Theory]
    [InlineData("Burgernet, wat is dat?")]
    [InlineData("en burgernet, wat is dat nou precies")]
    public void Ask_ThemeFrontedBeforeWhatIsThat_IsItsDefinition(string question) =>
        Assert.StartsWith("Burgernet is een samenwerkingsverband tussen de politie en burgers", Ask(question), StringComparison.Ordinal);

    [Fact]
    public void Ask_FrontedThemeWithAnotherQuestionAfterIt_IsNoDefinition() =>
        Assert.DoesNotContain("samenwerkingsverband", Ask("Burgernet, wat is het budget daarvan?"), StringComparison.Ordinal);

    [Fact]
    public void Ask_FrontedNameThatIsNoTheme_IsStillSearched() =>
        Assert.Contains("bewustwording", Ask("koffer verkeerd, wat is dat nou?"), StringComparison.Ordinal);

    [Theory]
    [InlineData("wat heeft de VAR over femicide?")]
    [InlineData("Wat doet de VAR aan femicide?")]
    public void Ask_TopicWithinATheme_IsSearchedAsItselfNotTheThemeOverview(string question)
    {
        var answer = RealModel.Engine.Ask(new Question(question, Today, null));

        Assert.Equal("search", answer.Intent);
        Assert.Contains("bewustwording, vroeg-signalering", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wat doet de VAR tegen loverboys?")]
    [InlineData("Wat doet de VAR aan zorg en veiligheid?")]
    public void Ask_ThemeOrATopicTheReportsNeverWrite_GivesTheThemeOverview(string question) =>
        Assert.Equal("theme", RealModel.Engine.Ask(new Question(question, Today, null)).Intent);

    [Theory]
    [InlineData("Op welke vijf thema's is de VAR nu actief?")]
    [InlineData("Welke vier thema's heeft de VAR nu?")]
    public void Ask_NumberOfThemesAsked_IsTheThemeList(string question) =>
        Assert.Equal("themes", RealModel.Engine.Ask(new Question(question, Today, null)).Intent);

    [Fact]
    public void Ask_NumberOfThemesOfASubject_IsThatSubjectsThemes()
    {
        var answer = RealModel.Engine.Ask(new Question("Welke vijf thema's heeft het regionale actieplan mensenhandel?", Today, null));

        Assert.NotEqual("themes", answer.Intent);
        Assert.Contains("Verbeteren zicht op aard en omvang", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_SubHeadingOfThemePlan_ListsOnlyThatSubHeadingInFull()
    {
        var text = Ask("Wat gaat de VAR in 2026 doen aan statelijke dreigingen?");

        Assert.Contains("Leerkring lokale weerbaarheid", text);
        Assert.Contains("Statelijke dreigingen en maatschappelijke weerbaarheid", text);
        Assert.DoesNotContain("accelerationisme", text);
    }

    [Fact]
    public void Ask_OneWordSubHeadingWithinATheme_GivesEachOfItsSentences()
    {
        var text = Ask("Wat ging de VAR in 2021 met lachgas doen?");

        Assert.Contains("(Lachgas)", text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("inventarisatie gemaakt van de aanpak van lachgas", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_ThemePlanWithSubHeadings_GroupsEachSubHeadingApart()
    {
        var groups = Ask("Wat gaat de VAR in 2026 doen aan maatschappelijk ongenoegen?").Split('\n');

        Assert.Contains(groups, g => g.Contains("accelerationisme", StringComparison.Ordinal) && !g.Contains("oefenscenario", StringComparison.Ordinal));
        Assert.Contains(groups, g => g.StartsWith("- Statelijke dreigingen en maatschappelijke weerbaarheid", StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_WhichThemesFallUnderPortfolio_GivesTheCompositionSentenceOfThatYear()
    {
        var text = Ask("Welke thema's vielen in 2024 onder maatschappelijk ongenoegen?");

        Assert.StartsWith("De regionale portefeuille Maatschappelijk Ongenoegen omvat", text);
        Assert.Contains("Online aangejaagde ordeverstoring", text);
    }

    [Fact]
    public void Ask_TopicsOfAYearsLeerhuizen_ListsEachWithItsTopic()
    {
        var text = Ask("Welke onderwerpen hadden de leerhuizen in 2017?");

        Assert.Contains("polarisatie", text);
        Assert.Contains("grootschalige ordeverstoringen", text);
        Assert.Contains("cybercrime en informatiebeveiliging", text);
    }

    [Fact]
    public void Ask_HowOftenMonitor_LeadsWithTheFrequencySentence()
    {
        var text = Ask("Hoe vaak wordt de Veiligheidsmonitor gehouden?");

        Assert.Contains("tweejaarlijkse", text.Split('\n')[0]);
        Assert.DoesNotContain("uitkomsten zelf staan niet", text);
    }

    [Fact]
    public void Ask_ContributionForThemeWithoutBudgetLine_AnswersFromTheText()
    {
        var text = Ask("Betalen gemeenten nog inwonersbijdrage voor Burgernet?");

        Assert.Contains("sinds 2023 komen te vervallen", text);
        Assert.DoesNotContain("€", text);
    }

    [Fact]
    public void Ask_ChairBeforeNamedPerson_GivesThePredecessor()
    {
        var text = Ask("wie was voorzitter van de VAR voor Theo Segers?");

        Assert.Contains("Heijkoop", text);
    }

    [Fact]
    public void Ask_AmountForWholeLineLabel_GivesTheLine()
    {
        var text = Ask("Hoeveel was er in 2018 begroot voor het project Cyber MKB?");

        Assert.Contains("Cyber MKB", text);
        Assert.Contains("€ 100.000", text);
    }

    [Fact]
    public void Ask_AmountNoTableHolds_GivesTheReportSentenceWithTheAmount()
    {
        var text = Ask("Hoeveel cofinanciering kreeg de regio in 2020 van JenV voor mensenhandel?");

        Assert.Contains("€ 100.000 per jaar voor de periode 2020-2023", text);
        Assert.DoesNotContain("staat niet in de jaarrekening", text);
    }

    [Fact]
    public void Ask_PresentAnsweredOnlyByOldReport_SaysTheYearAndThatNowIsUnknown()
    {
        var text = Ask("Hoeveel fte heeft het kernteam van de VAR nu?");

        Assert.StartsWith("Hoe dat nu is, staat niet in de recente jaarverslagen", text);
        Assert.Contains("jaarverslag 2017", text);
    }

    [Fact]
    public void Ask_NuAsConjunction_IsNoQuestionAboutThePresent()
    {
        var text = Ask("Welke regionale overleggen over privacy en informatiedeling zijn er nog, nu het Privacy Platform eenheid Rotterdam klaar is?");

        Assert.Contains("Juridisch Platform Ondermijning", text);
        Assert.DoesNotContain("Hoe dat nu is", text);
    }

    [Fact]
    public void Ask_WhichSingular_GivesTheNamedPlanNotAList()
    {
        var text = Ask("Welk regionaal beleidskader en actieplan mensenhandel is nu van kracht?");

        Assert.Contains("2024-2026", text.Split('\n')[0]);
    }

    [Fact]
    public void Ask_TotalOfTableWithoutTotal_SaysItIsNotKnownWithoutAnEmptyRow()
    {
        var answer = RealModel.Engine.Ask(new Question("Wat waren de totale uitgaven volgens de jaarrekening 2017?", Today, null));
        var text = AnswerText.Flatten(answer);

        Assert.Contains("geeft geen totaal; dat bedrag is niet bekend", text);
        Assert.DoesNotContain("Totaal:", text);
        Assert.False(answer.Answered);
    }

    [Fact]
    public void Ask_WhatTheVarWantedInAYear_AnswersFromThatYearsPlan()
    {
        var text = Ask("Wat wilde de VAR in 2024 bereiken op het gebied van statelijke dreigingen?");

        Assert.Contains("awareness", text);
        Assert.Contains("Jaarplan 2024", text);
    }

    [Fact]
    public void Ask_ThatYearAfterLastYear_PointsToLastYear()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Hoeveel hoger viel de jaarrekening van vorig jaar uit dan wat voor dat jaar begroot was?", new DateOnly(2025, 6, 1), null)));

        Assert.Contains("191.000", text);
        Assert.DoesNotContain("2025", text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("Waar staat ESSM voor?", "ESSM staat voor Expertisecentrum Seksualiteit Sekswerk en Mensenhandel.")]
    [InlineData("wat betekent AVE", "AVE staat voor Aanpak ter voorkoming van escalatie.")]
    [InlineData("Wat is de afkorting RCTM?", "RCTM staat voor Regionaal Controleteam Mensenhandel.")]
    public void Ask_WhatAnAcronymStandsFor_GivesTheFullNameTheReportWrites(string question, string lead)
    {
        Assert.StartsWith(lead, Ask(question));
    }

    [Fact]
    public void Ask_WhatSomethingIs_KeepsTheReportsDefinitionBeforeTheAcronym()
    {
        var text = Ask("Wat is de VAR?");

        Assert.Contains("samenwerkingsverband", text.Split('\n')[0]);
        Assert.DoesNotContain("staat voor", text);
    }

    [Fact]
    public void Ask_PresentQuestionOnAnEarlierDay_AnswersFromWhatWasKnownThen()
    {
        var day = new DateOnly(2024, 6, 1);

        var vice = AnswerText.Flatten(RealModel.Engine.Ask(new Question("wie is de vicevoorzitter?", day, null)));
        var total = AnswerText.Flatten(RealModel.Engine.Ask(new Question("wat is het totale budget voor dit jaar?", day, null)));

        Assert.Contains("van de Stadt", vice);
        Assert.Contains("562.000", total);
        Assert.DoesNotContain("753.000", total);
    }

    [Fact]
    public void Ask_ThemesOnAnEarlierDay_AreThatYearsThemes()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Welke thema's heeft de VAR?", new DateOnly(2018, 3, 1), null)));

        Assert.StartsWith("De VAR werkt volgens het jaarplan 2018 aan zeven thema's", text);
        Assert.DoesNotContain("Mensenhandel", text);
    }

    [Fact]
    public void Ask_DayBeforeAllReports_SaysItIsNotKnown()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("wanneer is het volgende leerhuis?", new DateOnly(2015, 3, 1), null)));

        Assert.Contains("staat niet in de jaarverslagen", text);
    }

    [Fact]
    public void Ask_PublicationOfARelativeYear_IsThatEdition() =>
        Assert.StartsWith("Mensenhandelmonitor 2024: verschenen op 17 juni 2025.", AnswerText.Flatten(RealModel.Engine.Ask(
            new Question("Is de mensenhandelmonitor van vorig jaar al verschenen?", new DateOnly(2025, 7, 1), null))));

    [Fact]
    public void Ask_PublicationNamedByItsTitle_ShowsOnlyThatEdition()
    {
        var text = Ask("Wanneer is het GVB eerste helft 2023 gepubliceerd?");

        Assert.StartsWith("Gezamenlijk Veiligheidsbeeld eerste helft 2023: verschenen in november 2023.", text);
        Assert.DoesNotContain("mei 2023", text);
    }

    [Fact]
    public void Ask_WhatANamedInstrumentIs_GivesTheSentenceOpeningWithItsName()
    {
        var text = Ask("Wat is het Gezamenlijk Veiligheidsbeeld?");

        Assert.StartsWith("Het Gezamenlijk Veiligheidsbeeld (GVB) stelt", text);
        Assert.DoesNotContain("co-financiering", text);
    }

    [Fact]
    public void Ask_WhatAPilotIs_GivesTheSentenceThatPicksItUp()
    {
        var text = Ask("wat is de Group Violence Intervention eigenlijk");

        Assert.Contains("De pilot is erop gericht", text);
    }

    [Fact]
    public void Ask_WhatAMonitorExamines_IsADefinitionQuestion()
    {
        var text = Ask("Wat meet de Veiligheidsmonitor?");

        Assert.StartsWith("De Veiligheidsmonitor is een bevolkingsonderzoek", text);
    }

    [Fact]
    public void Ask_WhatTheVarWantedToSpend_IsTheBegroting()
    {
        var text = Ask("Hoeveel wilde de VAR in 2021 uitgeven aan mensenhandel?");

        Assert.StartsWith("Mensenhandel in 2021: € 300.000 volgens de begroting.", text);
    }

    [Theory]
    [InlineData("Welke thema's had de VAR in 2023? Heette digitale veiligheid toen nog anders?", "Gedigitaliseerde criminaliteit (nu Digitale veiligheid)")]
    [InlineData("Welke thema's had de VAR in 2020?", "Cybercriminaliteit (nu Digitale veiligheid)")]
    public void Ask_ThemesOfAYear_ShowAThemeByTheNameThatYearsReportGaveIt(string question, string expected) =>
        Assert.Contains(expected, AnswerText.Flatten(RealModel.Engine.Ask(new Question(question, new DateOnly(2026, 12, 7), null))), StringComparison.Ordinal);

    [Theory]
    [InlineData("Is woonoverlast eigenlijk nog een thema van de VAR?")]
    [InlineData("Is woonoverlast nog een portefeuille van de VAR?")]
    public void Ask_WhetherAnEndedThemeIsStillOne_SaysNoWithTheSentenceThatEndedIt(string question)
    {
        var text = Ask(question);

        Assert.StartsWith("Nee, woonoverlast is geen vast thema van de VAR meer.", text, StringComparison.Ordinal);
        Assert.Contains("te laten vervallen", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Is digitale veiligheid nog een thema van de VAR?")]
    [InlineData("Is Burgernet nog een thema van de VAR?")]
    public void Ask_WhetherACurrentThemeOrOneWithoutAnEndingSentenceIsStillOne_SaysNoEnding(string question) =>
        Assert.DoesNotContain("geen vast thema van de VAR meer", Ask(question), StringComparison.Ordinal);
}
