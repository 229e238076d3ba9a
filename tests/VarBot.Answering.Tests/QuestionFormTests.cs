namespace VarBot.Answering.Tests;

/// <summary>How a question is put (who asks and why, a span of years, another organisation) on the real model.</summary>
public sealed class QuestionFormTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static string Ask(string text) => AnswerText.Flatten(RealModel.Engine.Ask(new Question(text, Today, null)));

    [Theory]
    [InlineData("ik werk sinds kort bij de politie, wat is de VAR precies?", "samenwerkingsverband van 23 gemeenten")]
    [InlineData("Voor een raadsvoorstel: wat was het totale budget over 2025 volgens de jaarrekening?", "671.623")]
    [InlineData("Wat was het totale budget over 2025 volgens de jaarrekening, waar ik mijn raadsvoorstel op wil baseren?", "671.623")]
    [InlineData("Voor de commissie: wat was het totale budget over 2025 volgens de jaarrekening?", "671.623")]
    [InlineData("Voor de nieuwsbrief: wat was het totale budget over 2025 volgens de jaarrekening?", "671.623")]
    [InlineData("Goedemiddag! Mijn wethouder vroeg me uit te zoeken uit hoeveel gemeenten de VAR bestaat. Alvast bedankt!", "23 gemeenten")]
    [InlineData("Korte vraag hoor: wat was het totale budget over 2025 volgens de jaarrekening?", "671.623")]
    [InlineData("Klopt het dat de begroting 2026 lager is geraamd dan die van 2025?", "261.000 lager")]
    [InlineData("Ik wil graag weten wat het totale budget over 2025 volgens de jaarrekening was. Fijne dag!", "671.623")]
    public void Ask_ClauseAboutTheAskerOrThePurpose_IsLeftOut(string question, string expected)
    {
        Assert.Contains(expected, Ask(question).Split('\n')[0]);
    }

    [Theory]
    [InlineData("Labour exploitation is ook in logistiek een risico. Met welke partners is het Regionaal Controleteam Mensenhandel in 2024 doorontwikkeld?")]
    [InlineData("Dat speelt bij ons ook. Met welke partners is het Regionaal Controleteam Mensenhandel in 2024 doorontwikkeld?")]
    public void Ask_StatementBeforeAQuestionNamingItsOwnSubject_IsLeftOut(string question) =>
        Assert.Contains("AVIM", Ask(question), StringComparison.Ordinal);

    [Fact]
    public void Ask_StatementBeforeAShortQuestion_StaysItsSubject() =>
        Assert.Contains("Burgernet sinds eind 2022", Ask("Burgernet vinden wij erg nuttig. Sinds wanneer valt dit onder de VAR?"), StringComparison.Ordinal);

    [Fact]
    public void Ask_ShortQuestionPointingBackToTheAskersSentence_IsAboutWhatThatSentenceNames() =>
        Assert.Contains("Koffer Verkeerd", Ask("Ik hoorde iets over Koffer Verkeerd. Wat is dat precies?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_LongerQuestionWithAWordPointingBack_LeavesTheAskersSentenceOut() =>
        Assert.Contains("samenwerkingsverband van 23 gemeenten", Ask("Ik ben nieuw bij de gemeente. Wat is dat voor samenwerkingsverband, de VAR?").Split('\n')[0], StringComparison.Ordinal);

    [Theory]
    [InlineData("Op welke strategische agenda staat maatschappelijk ongenoegen als geprioriteerd thema?")]
    [InlineData("Op welke politieke agenda staat maatschappelijk ongenoegen als geprioriteerd thema?")]
    public void Ask_AgendaThatNamesADocument_IsSearchedNotTheMeetingCalendar(string question)
    {
        var answer = RealModel.Engine.Ask(new Question(question, Today, null));

        Assert.Equal("search", answer.Intent);
        Assert.Contains("Strategische Agenda 2023", AnswerText.Flatten(answer));
    }

    [Fact]
    public void Ask_AgendaOfMeetings_StaysTheCalendar() =>
        Assert.Equal("event", RealModel.Engine.Ask(new Question("Wat staat er in 2026 op de agenda?", Today, null)).Intent);

    [Theory]
    [InlineData("Wat bracht de VAR uit ter gelegenheid van tien jaar VAR?")]
    [InlineData("Wat brachten ze uit voor 10 jaar VAR?")]
    public void Ask_SeparableVerbOrNumberWord_FindsTheReportsWording(string question) =>
        Assert.Contains("jubileummagazine", Ask(question));

    [Fact]
    public void Ask_BudgetCarriedOverAsASeparableVerb_IsTheRemainderLine() =>
        Assert.Contains("42.000", Ask("Hoeveel budget schoof er van 2023 door naar 2024?").Split('\n')[0]);

    [Theory]
    [InlineData("Wie zitten er in het Bestuurlijk Platform Zorg en Veiligheid?", "VNG-adviseurs")]
    [InlineData("Wie nemen er deel aan het Bestuurlijk Platform Zorg en Veiligheid?", "VNG-adviseurs")]
    [InlineData("Van welke partijen kwamen in 2017 de aanvullende cijfers in het GVB?", "Halt, RIEC en Burgernet")]
    public void Ask_MembershipVerbOrAdjectiveOfTheReportsParticiple_FindsTheReportsWording(string question, string expected) =>
        Assert.Contains(expected, Ask(question));

    [Fact]
    public void Ask_HowATeamWasComposed_IsAnsweredByTheSentenceSayingWhatItConsistedOf()
    {
        var answer = RealModel.Engine.Ask(new Question("Hoe was het kernteam van de VAR in 2017 samengesteld?", Today, null));

        Assert.True(answer.Answered);
        Assert.StartsWith("De VAR wordt ambtelijk ondersteund door een kernteam, bestaande uit een coördinator (1fte)", AnswerText.Flatten(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heeft var iets over steekincidenten of wapens bij jongeren")]
    [InlineData("heeft de VAR iets over wapens of steekincidenten bij jongeren?")]
    public void Ask_EitherOfTwoTopics_AnswersAboutEach(string question)
    {
        var text = Ask(question);

        Assert.Contains("Wapens en jongeren", text);
        Assert.Contains("Aanpak Steekincidenten", text);
    }

    [Fact]
    public void Ask_WhetherWordOf_AddsNoSecondTopic() =>
        Assert.DoesNotContain("Steekincidenten", Ask("weet je of de VAR iets over wapens bij jongeren heeft?"));

    [Fact]
    public void Ask_WhatComesAfterANamedPeriod_IsTheSentenceNamingALaterOne() =>
        Assert.StartsWith("In 2026 evalueren we het regionaal beleidskader en stellen we een nieuw Beleidskader en Actieplan 2027-2030 op.", Ask("En wat komt er na het actieplan mensenhandel 2024-2026?"));

    [Fact]
    public void Ask_PeriodWithoutAnAfterWord_IsThatPeriod() =>
        Assert.DoesNotContain("2027-2030", Ask("Wat staat er in het actieplan mensenhandel 2024-2026?").Split('\n')[0]);

    [Fact]
    public void Ask_EditionOfAWholeYear_LeavesOutTheEditionsOfPartOfThatYear()
    {
        var text = Ask("Wanneer is het Gezamenlijk Veiligheidsbeeld over heel 2025 verschenen?");

        Assert.StartsWith("Gezamenlijk Veiligheidsbeeld 2025: verschenen op 14 april 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eerste helft 2025:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_EditionOfPartOfAYear_IsThatEdition() =>
        Assert.StartsWith("Gezamenlijk Veiligheidsbeeld eerste helft 2025", Ask("Wanneer is het GVB over de eerste helft van 2025 verschenen?"), StringComparison.Ordinal);

    [Theory]
    [InlineData("Wat is de Veiligheidsmonitor eigenlijk voor onderzoek?")]
    [InlineData("Wat is de Veiligheidsmonitor eigenlijk voor onderzoek en hoe vaak wordt die gehouden?")]
    public void Ask_WhatKindOfThingSomethingIs_IsItsDefinition(string question) =>
        Assert.StartsWith("De Veiligheidsmonitor is een bevolkingsonderzoek", Ask(question), StringComparison.Ordinal);

    [Fact]
    public void Ask_DefinitionWithoutAKindWord_IsUnchanged() =>
        Assert.StartsWith("De Veiligheidsmonitor is een bevolkingsonderzoek", Ask("Wat is de Veiligheidsmonitor eigenlijk?"), StringComparison.Ordinal);

    [Fact]
    public void Ask_MembershipOfTheVarItself_StaysTheMembersFact() =>
        Assert.Contains("23 gemeenten", Ask("Wie zitten er allemaal in de VAR?"));

    [Fact]
    public void Ask_UnknownCompoundAfterAnIntroduction_IsSearchedAsItsWords()
    {
        var text = Ask("Hoi, ik ben net begonnen als beleidsmedewerker OOV. Welk bureau heeft de proef met buurtpreventieteams in 2017 georganiseerd?");

        Assert.Contains("Bureau JSO", text);
    }

    [Theory]
    [InlineData("Hoeveel versterkingsgelden radicalisering van de NCTV heeft de VAR in 2025 ontvangen?", "116.127", "80.000")]
    [InlineData("Hoe groot was het budget dat voor 2024 op papier stond?", "562.000", "jaarrekening")]
    public void Ask_IdiomOrPerfectTenseNamingTheTable_AnswersFromThatTable(string question, string expected, string notExpected)
    {
        var text = Ask(question);

        Assert.Contains(expected, text.Split('\n')[0]);
        Assert.DoesNotContain(notExpected, text);
    }

    [Theory]
    [InlineData("Is de interventietool (Ont)wapenend in 2025 daadwerkelijk geëvalueerd?", "geëvalueerd en verrijkt")]
    [InlineData("Er zouden in 2025 drie netwerkbijeenkomsten over maatschappelijk ongenoegen komen. Is dat ook echt gebeurd?", "twee netwerkbijeenkomsten")]
    public void Ask_WhetherAPlanWasCarriedOut_AnswersFromThatYearsJaarverslag(string question, string expected) =>
        Assert.Contains(expected, Ask(question));

    [Fact]
    public void Ask_PredecessorOfAPersonWithoutTheRole_IsTheHolderOfTheirRoleBefore() =>
        Assert.StartsWith("Vóór Theo Segers was Jan Heijkoop", Ask("Wie ging Theo Segers vooraf?"));

    [Theory]
    [InlineData("Wat was het totaal van de begroting 2025, welk totaal staat in de jaarrekening 2025, en wat is het verschil?", "€ 745.000 (begroting 2025)", "€ 671.623 (jaarrekening 2025)", "€ 73.377 lager")]
    [InlineData("Hoeveel was er voor 2025 aan monitoring begroot, en hoeveel minder was dat dan wat er in 2024 echt aan monitoring werd uitgegeven?", "€ 95.000 (begroting 2025)", "€ 84.000 (jaarrekening 2024)", "€ 11.000 hoger")]
    public void Ask_PartsNamingBothTablesAndAskingTheDifference_AreOneComparison(string question, string first, string second, string difference)
    {
        var lead = Ask(question).Split('\n')[0];

        Assert.Contains(first, lead);
        Assert.Contains(second, lead);
        Assert.Contains(difference, lead);
    }

    [Fact]
    public void Ask_TwoMoneyPartsWithoutADifference_AnswersEachPartOnItsOwn()
    {
        var lead = Ask("Hoeveel ging er in 2020 naar monitoring en hoeveel werd er voor 2021 begroot?").Split('\n')[0];

        Assert.Contains("€ 23.000 volgens de jaarrekening", lead);
        Assert.Contains("€ 21.000 volgens de begroting", lead);
        Assert.DoesNotContain("tegenover", lead);
    }

    [Fact]
    public void Ask_CountForSeveralNamedYears_GivesTheFigureOfEachYear()
    {
        var lead = Ask("Uit hoeveel gemeenten bestond de VAR in 2017, in 2020 en in 2024?").Split('\n')[0];

        Assert.Contains("2017: 32 gemeenten", lead);
        Assert.Contains("2020: 25 gemeenten", lead);
        Assert.Contains("2024: 23 gemeenten", lead);
    }

    [Fact]
    public void Ask_CountForOneYear_GivesThatYearOnly() =>
        Assert.DoesNotContain("per jaar", Ask("Uit hoeveel gemeenten bestond de VAR in 2024?"));

    [Fact]
    public void Ask_SameSearchForTwoYearsInTwoParts_AnswersEachYearFromTheText()
    {
        var text = Ask("Hoe vaak per jaar werden alle gemeenten in 2017 bezocht, en hoe vaak in 2025?");

        Assert.Contains("twee keer per jaar", text);
        Assert.Contains("één keer per jaar", text);
        Assert.DoesNotContain("samenwerkingsverband van", text);
    }

    [Fact]
    public void Ask_WhatWasAddedAfterCountsOfTwoYears_ComparesTheListsOfThoseYears() =>
        Assert.Contains("Cybergevolgbestrijding", Ask("Uit hoeveel sporen bestond de cyberaanpak in 2017, en uit hoeveel in 2021? Welke sporen zijn erbij gekomen?").Split('\n')[0]);

    [Fact]
    public void Ask_PurposeClauseNamingAYear_KeepsTheYear() =>
        Assert.Contains("€ 562.000", Ask("Voor een raadsmemo over 2024: wat was de begroting voor dat jaar?").Split('\n')[0]);

    [Fact]
    public void Ask_SecondQuestionOfTwoShortParts_AnswersEachPart()
    {
        var text = Ask("Jan Heijkoop was lang voorzitter toch? Hoe lang, en wie volgde hem op?");

        Assert.Contains("ruim 10 jaar", text);
        Assert.Contains("Na Jan Heijkoop werd Theo Segers", text);
    }

    [Theory]
    [InlineData("Hoeveel stond er in de begroting 2018 voor Cyber MKB, en wie betaalde dat?", "Ministerie van Justitie en Veiligheid")]
    [InlineData("Wie organiseerde de pilot Buurtpreventie PLUS en wie betaalde mee?", "provincie Zuid-Holland")]
    [InlineData("Wie voerde de pilot Buurtpreventie PLUS in 2017 uit, en hoe werd die gefinancierd?", "provincie Zuid-Holland")]
    [InlineData("Hoeveel stond er in de begroting 2018 voor Cyber MKB, en wie financierde dat?", "Ministerie van Justitie en Veiligheid")]
    public void Ask_WhoPaid_AnswersWithWhereTheMoneyCameFrom(string question, string expected) =>
        Assert.Contains(expected, Ask(question));

    [Fact]
    public void Ask_PastPayingWordWithoutWho_IsAnAmount() =>
        Assert.Contains("28.000", Ask("Hoeveel betaalde de politie in 2024 aan monitoring?").Split('\n')[0]);

    [Fact]
    public void Ask_HowWithoutAPayingWord_AsksNoPayer() =>
        Assert.DoesNotContain("Wie het betaalde", Ask("Hoe werd de pilot Buurtpreventie PLUS georganiseerd?"));

    [Fact]
    public void Ask_MyFirstMeeting_IsTheNextOne() =>
        Assert.StartsWith("Er staat nog geen volgend Leerhuis", Ask("Ik ben net begonnen. Wanneer kan ik naar mijn eerste Leerhuis?"));

    [Fact]
    public void Ask_DetailQuestionAfterAClauseNamingAMeeting_IsAboutThatMeeting() =>
        Assert.Contains("vangnet en frontlinie", AnswerText.Flatten(RealModel.Engine.Ask(
            new Question("Ik kon vorige week niet naar de najaarscarrousel. Wat was het thema?", new DateOnly(2025, 10, 20), null))));

    [Fact]
    public void Ask_DateAndPlaceQuestionAfterAClauseNamingAMeeting_IsAboutThatMeeting()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Ik ga graag naar het volgende Leerhuis. Op welke datum en waar?", new DateOnly(2018, 5, 1), null)));

        Assert.Contains("2 juli 2018", text, StringComparison.Ordinal);
        Assert.Contains("Dordrecht", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ik wil naar het volgende Leerhuis. Welke datum en in welke plaats?", "Ik wil naar het volgende Leerhuis. Welke datum en in welke plaats?")]
    // A question with a subject of its own, or a clause that names no meeting: the asker's clause is left out.
    [InlineData("Ik wil naar het volgende Leerhuis. Wat kost de monitoring?", "Wat kost de monitoring?")]
    [InlineData("Ik werk in Dordrecht. Welke datum en in welke plaats?", "Welke datum en in welke plaats?")]
    public void Strip_DateAndPlaceQuestion_KeepsTheClauseOnlyWhenItNamesAMeeting(string question, string expected) =>
        Assert.Equal(expected, Understanding.AskerPreamble.Strip(question, Vocabulary.Words.Load()));

    [Fact]
    public void Ask_WordsRestatedWithBedoelIk_AskWhatTheyRestate() =>
        Assert.Contains("Groeneveld", AnswerText.Flatten(RealModel.Engine.Ask(
            new Question("wie is nou de baas van de VAR, de leiding bedoel ik?", new DateOnly(2018, 3, 1), null))), StringComparison.Ordinal);

    [Theory]
    [InlineData("wie is eigenlijk de baas van de VAR, het hoofd bedoel ik?", "wie is eigenlijk de baas van de VAR, het hoofd?")]
    // Only the restating words close the question: another verb with "ik" stays, and so do words that merely end on them.
    [InlineData("Wat bedoelt de VAR met ondermijning, vraag ik?", "Wat bedoelt de VAR met ondermijning, vraag ik?")]
    [InlineData("Voor wie zijn de Leerhuizen bedoeld?", "Voor wie zijn de Leerhuizen bedoeld?")]
    public void Strip_RestatingClosing_IsLeftOutAlone(string question, string expected) =>
        Assert.Equal(expected, Understanding.AskerPreamble.Strip(question, Vocabulary.Words.Load()));

    [Fact]
    public void Ask_HowLongAfterAnotherPersonsPart_IsAboutTheSurnameNamed()
    {
        var text = Ask("Wie is de huidige voorzitter van de VAR, en hoelang heeft Heijkoop het gedaan?");

        Assert.Contains("Segers", text, StringComparison.Ordinal);
        Assert.Contains("10 jaar", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "jan", "heijkoop" }, "hoe lang was heijkoop aan de var verbonden", true)]
    [InlineData(new[] { "jan", "heijkoop" }, "wie volgde jan heijkoop op", true)]
    // A short surname is often a common word ("jong"), and a one-word name is no surname.
    [InlineData(new[] { "astrid", "jong" }, "wat doet de var voor jong en oud", false)]
    [InlineData(new[] { "heijkoop" }, "hoe lang was heijkoop aan de var verbonden", false)]
    public void Names_SurnameAlone_NamesThePersonOnlyWhenLongEnough(string[] name, string question, bool expected) =>
        Assert.Equal(expected, Indexes.KnowledgeIndex.Names(name, question.Split(' ').ToHashSet(StringComparer.Ordinal)));

    [Fact]
    public void Ask_WhatCameOutOfAPublication_SaysTheResultsAreNotInTheReports() =>
        Assert.StartsWith("De uitkomsten zelf staan niet in de jaarverslagen", Ask("Wat kwam er uit de Veiligheidsmonitor 2025?"));

    [Theory]
    [InlineData("Wat kost het mijn gemeente om mee te doen aan trainingen van de VAR?", "kosteloos")]
    [InlineData("Wat kost een VAR-training voor een gemeente buiten de regio Rotterdam?", "Een precies antwoord kan ik niet vinden")]
    public void Ask_PriceOfTakingPart_IsTheSentenceThatSaysItIsFreeForTheRegionOnly(string question, string expected) =>
        Assert.Contains(expected, Ask(question).Split('\n')[0]);

    [Fact]
    public void Ask_PriceOfASubjectNoSentenceGivesAPriceFor_IsNotTheBudget()
    {
        var text = Ask("Wat kost het lenen van die VR-brillen voor een avond bij ons in de zaak?");

        Assert.StartsWith("Dat staat niet in de jaarverslagen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("484.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_PriceOfAThemeWithoutALineOfItsOwn_IsStillTheBudget() =>
        Assert.Contains("484.000", Ask("Wat kost het thema jeugd en veiligheid in 2026?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_HowAMeetingWent_IsWhatItsReportSaysFirstAboutIt() =>
        Assert.StartsWith("Deze bijeenkomst werd digitaal georganiseerd.", Ask("Hoe is de najaarscarrousel van 2020 verlopen?"));

    [Fact]
    public void Ask_DatesAndPlacesOfAYearsMeetings_ListsEachMeeting()
    {
        var text = Ask("Wanneer waren de Leerhuizen van 2018 gepland, en waar?");

        Assert.Contains("9 april 2018 – Leerhuis (Dordrecht)", text);
        Assert.Contains("12 november 2018 – Leerhuis (Dordrecht)", text);
    }

    [Fact]
    public void Ask_TwoRolesJoined_AnswersEachInTheOrderAsked() =>
        Assert.StartsWith("De voorzitter van de VeiligheidsAlliantie was volgens het jaarverslag 2020 Jan Heijkoop (Burgemeester Hendrik Ido Ambacht). "
            + "De vicevoorzitter van de VeiligheidsAlliantie was volgens het jaarverslag 2020 Milène Junius", Ask("Wie waren in 2020 voorzitter en vice-voorzitter?"));

    [Fact]
    public void Ask_WhereFromAndHowHigh_AnswersWithTheSentenceOfTheResult() =>
        Assert.StartsWith("De jaarrekening kent een resultaat van 265.000 euro.", Ask("Waar kwam het resultaat van de jaarrekening 2020 vandaan en hoe hoog was het?"));

    [Fact]
    public void Ask_WhenAgain_IsTheNextMeetingAndSaysNoneIsKnown() =>
        Assert.StartsWith("Er staat nog geen volgende carrousel op de agenda", Ask("wanneer kan ik weer naar een najaarscarrousel?"));

    [Fact]
    public void Ask_DayWordInsideAQuotedName_IsNoDate()
    {
        var text = Ask("Hoeveel partners deden mee aan de actiedag 'Echt niet vandaag'?");

        Assert.StartsWith("Organisatie van de actiedag 'Echt Niet Vandaag', waarin door ruim 75 publiek-private partners", text);
    }

    [Fact]
    public void Ask_ClauseBeforeAColonNamingTheSubject_StaysPartOfTheQuestion()
    {
        var text = Ask("De regionale bijdrage in 2025: hoeveel was begroot?");

        Assert.Contains("310.000", text);
    }

    [Fact]
    public void Ask_AskerClauseTheQuestionPointsBackTo_StaysPartOfTheQuestion()
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Ik wil me aanmelden voor het volgende Leerhuis, wanneer is dat?", new DateOnly(2026, 1, 10), null)));

        Assert.Contains("23 maart 2026", text.Split('\n')[0]);
    }

    [Fact]
    public void Ask_AskerClauseNamingWhatTheThingIsFor_StaysPartOfTheQuestion()
    {
        // "melden" names what a "meldpunt" is for: the clause says which meldpunt is asked (one for oplichting, which the
        // reports do not name), so the meldpunt for mensenhandel does not answer it.
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Is er bij de VAR een meldpunt waar ik oplichting van senioren kan melden?", new DateOnly(2026, 12, 7), null)));

        Assert.DoesNotContain("meldpunt mensenhandel", text, StringComparison.Ordinal);
        Assert.Contains("niet in de jaarverslagen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_AskerClauseOfWhatTheAskerWillDo_IsLeftOut()
    {
        // "attenderen" is no part of "evenement": the clause says what the asker will do with the answer.
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question("Wat is de eerstvolgende bijeenkomst waar ik collega's op kan attenderen?", new DateOnly(2026, 1, 10), null)));

        Assert.Contains("23 maart 2026", text.Split('\n')[0]);
    }

    [Fact]
    public void Ask_AskerClauseWithAYear_StaysPartOfTheQuestion()
    {
        var text = Ask("Ik zoek de cijfers van 2021, hoe groot was de begroting dat jaar?");

        Assert.Contains("654.000", text);
    }

    [Theory]
    [InlineData("Uit hoeveel gemeenten bestaat de VAR nu, en is dat minder dan in 2020?", "23 gemeenten volgens het jaarverslag 2025 tegenover 25 gemeenten in 2020, 2 minder.")]
    [InlineData("Waren er in 2023 meer gemeenten dan in 2017?", "23 gemeenten volgens het jaarverslag 2023 tegenover 32 gemeenten in 2017, 9 minder.")]
    public void Ask_OrganisationCountAgainstAnotherYear_SaysTheDifference(string question, string expected)
    {
        Assert.Contains(expected, Ask(question).Split('\n')[0]);
    }

    [Fact]
    public void Ask_SpanOfYears_GivesEveryYearsFigure()
    {
        var text = Ask("Wat waren de loonkosten van 2023 t/m 2026?");

        Assert.StartsWith("Loonkosten per jaar: 2023 € 329.500 (jaarrekening), 2024 € 330.000 (jaarrekening), 2025 € 420.000 (jaarrekening), 2026 € 420.000 (begroting).", text);
    }

    [Fact]
    public void Ask_SpanWithAYearWithoutTable_SaysThatYearIsNotThere()
    {
        var text = Ask("totaalbudget van 2019 tot en met 2021");

        Assert.Contains("2019 niet in de jaarverslagen", text.Split('\n')[0]);
        Assert.Contains("2020 € 398.000 (jaarrekening)", text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("Het Leerhuis van gisteren was erg leerzaam. Wanneer is het volgende Leerhuis?", "2026-03-25", "6 juli 2026")]
    [InlineData("Ik wil graag naar een carrousel. Wanneer is de eerstvolgende?", "2025-01-10", "16 oktober 2025")]
    public void Ask_SentenceBeforeTheQuestion_IsReadAsTheAskerMeantIt(string question, string today, string expected)
    {
        // A statement the question repeats the subject of is left out; a question ending on "eerstvolgende" takes its noun
        // from the sentence before.
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question(question, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), null)));

        Assert.Contains(expected, text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("Wie is de vicevoorz. van de VAR?", "Jack de Vries")]
    [InlineData("wanneer was de voorjaarscarr. in 2017?", "23 februari 2017")]
    public void Ask_WordCutShortWithAFullStop_IsTheWordItStarts(string question, string expected)
    {
        Assert.Contains(expected, Ask(question).Split('\n')[0]);
    }

    [Fact]
    public void Ask_WordOnlyTheReportsCompoundsHold_FindsTheCompounds()
    {
        // The reports write "coronacrisis" and "coronamaatregelen", never "corona" alone.
        var text = Ask("Wat deed corona in 2020 met de bijeenkomsten van de VAR?");

        Assert.Contains("corona", text.Split('\n')[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ask_WordBeforeTheFullStopThatEndsTheSentence_IsNotCompleted()
    {
        // The full stop ends the sentence: "minister" is not "ministerie" cut short, and no organisation is read into it.
        var text = Ask("Wat verdient een minister.");

        Assert.DoesNotContain("Openbaar Ministerie", text);
    }

    [Theory]
    [InlineData("hoeveel budget heeft het RIEC?", "RIEC")]
    [InlineData("begroting politie 2024", "politie")]
    public void Ask_BudgetAnotherOrganisationHas_IsNotTheVarsBudget(string question, string organisation)
    {
        var text = Ask(question);

        Assert.Contains(organisation, text.Split('\n')[0]);
        Assert.DoesNotContain("€", text);
    }

    [Fact]
    public void Ask_HowMuchALineAmountedTo_IsAnAmount()
    {
        var text = Ask("Hoeveel bedroeg de regionale bijdrage in 2025?");

        Assert.Contains("310.000", text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("ok iets anders: hoeveel volgers heeft de VAR op LinkedIn?", "1.600")]
    [InlineData("Hoi! Werk sinds kort bij een gemeente. Wie zijn de partners van de VAR?", "23 gemeenten, de politie en het Openbaar Ministerie")]
    public void Ask_OpeningWordsOfAChatTurn_AreLeftOut(string question, string expected)
    {
        Assert.Contains(expected, Ask(question).Split('\n')[0]);
    }

    [Theory]
    [InlineData("hallo")]
    [InlineData("top, dank je wel!")]
    public void Ask_OpeningWordsAlone_StaySmallTalk(string question)
    {
        Assert.DoesNotContain("staat niet in de jaarverslagen", Ask(question));
    }

    [Fact]
    public void Ask_WhatALineYielded_IsAnAmount()
    {
        Assert.StartsWith("Subsidie Citydeal Cyberweerbaarheid in 2025: € 100.000 volgens de jaarrekening.", Ask("Wat leverde de Citydeal Cyberweerbaarheid in 2025 op?"));
    }

    [Theory]
    [InlineData("Naar welk niveau moeten gemeenten volgens de thermometerrapportage digitale veiligheid toewerken?")]
    [InlineData("Wat bood de VAR in 2025 aan de districtelijke veiligheidsoverleggen aan over mensenhandel?")]
    [InlineData("Welke indeling van jeugdgroepen viel rond 2017 weg, zodat gemeenten behoefte kregen aan een alternatieve duiding?")]
    public void Ask_DirectionOrIdiomWithALineWord_IsNoBudgetQuestion(string question)
    {
        Assert.DoesNotContain("Inwonersbijdrage gemeenten", Ask(question));
    }

    [Theory]
    [InlineData("Hoeveel ging er in 2023 naar monitoring?", "€ 30.000")]
    [InlineData("Wat ging er in 2023 naar monitoring?", "€ 30.000")]
    public void Ask_AmountWithADirectionWord_IsABudgetQuestion(string question, string expected)
    {
        Assert.Contains(expected, Ask(question).Split('\n')[0]);
    }

    [Theory]
    [InlineData("Is de uitvoeringsregeling van de VAR inmiddels verlengd?")]
    [InlineData("Is de uitvoeringsregeling van de VAR na 1 mei 2026 nu echt verlengd?")]
    public void Ask_YesNoAboutTheStateNow_SaysTheReportsCannotTell(string question)
    {
        Assert.Contains("staat niet in de", Ask(question).Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_QuestionClosingOnHet_IsAboutTheClauseBeforeIt()
    {
        var question = new Question("Ik moet het leerhuis van juli in de agenda van de burgemeester zetten. Hoe laat begint het?", new DateOnly(2018, 1, 15), null);
        var text = AnswerText.Flatten(RealModel.Engine.Ask(question));

        Assert.Contains("2 juli 2018, 17.00-19.00 uur", text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_QuestionClosingOnHetAndAPreposition_IsAboutTheClauseBeforeIt()
    {
        var question = new Question("Ik kon gisteren niet bij het Leerhuis zijn. Waar ging het over?", new DateOnly(2026, 3, 24), null);

        Assert.Contains("Strategisch Beleidsplan 2027-2030", AnswerText.Flatten(RealModel.Engine.Ask(question)).Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_QuestionClosingOnAPrepositionAfterItsOwnSubject_LeavesTheAskersClauseOut()
    {
        var question = new Question("Ik kon gisteren niet bij het Leerhuis zijn. Waar gaat de Najaarscarrousel van 2026 over?", new DateOnly(2026, 3, 24), null);

        Assert.StartsWith("Najaarscarrousel is op donderdag 1 oktober 2026", AnswerText.Flatten(RealModel.Engine.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hoeveel mensen hebben in 2025 een radicaliseringstraining gehad")]
    [InlineData("Hoeveel mensen hebben in 2025 via de VAR een radicaliseringstraining gehad?")]
    public void Ask_CountOfPeople_IsFoundAsTheReportsProfessionals(string question) =>
        Assert.StartsWith("Faciliteren radicaliseringstrainingen van 150 professionals.", Ask(question), StringComparison.Ordinal);

    [Fact]
    public void Ask_CountOfPeopleInAnotherYear_IsNotTheProfessionalsOfThatOtherYear() =>
        Assert.DoesNotContain("150", Ask("Hoeveel mensen hebben in 2024 een radicaliseringstraining gehad?"), StringComparison.Ordinal);

    [Fact]
    public void Ask_WhatSomethingYielded_IsWhatTheReportsSayWasDoneNotAPlan() =>
        Assert.Contains("meer dan 125 acties", Ask("Wat heeft de actiedag Echt niet vandaag opgeleverd?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_WhatWillBeDone_IsNotAnsweredWithWhatWasDone() =>
        Assert.DoesNotContain("125 acties", Ask("Wat gaat de VAR doen met de actiedag Echt niet vandaag?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_DayWordOutsideAName_IsTheDay() =>
        Assert.Contains("vandaag (6 december 2026)", Ask("Is er vandaag een Leerhuis?"), StringComparison.Ordinal);

    [Theory]
    [InlineData("Wie is de baas van de VAR, als ik iemand wil aanspreken?")]
    [InlineData("Wie is het hoofd van de VAR, zodat ik die kan mailen?")]
    public void Ask_ClosingClauseOfWhatTheAskerWantsToDo_IsNoPartOfTheQuestion(string question) =>
        Assert.Contains("Astrid de Jong", Ask(question).Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_ClosingConditionOfTheAskerWithoutAWish_StaysPartOfTheQuestion() =>
        Assert.StartsWith("Een precies antwoord kan ik niet vinden", Ask("Wat kost een training als wij een gemeente buiten de regio zijn?"), StringComparison.Ordinal);

    [Theory]
    [InlineData("De City Deal-subsidie valt weg. Wat betekent dat voor de inzet van de VAR op digitale veiligheid in 2026?")]
    [InlineData("Welke subsidie valt in 2026 weg?")]
    public void Ask_SeparableVerbValtWeg_FindsTheReportsWegvallen(string question) =>
        Assert.Contains("onder druk te staan", Ask(question).Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_AmountThatFallsAway_StaysTheBudgetFigure() =>
        Assert.Contains("116.000", Ask("Hoeveel subsidie valt er in 2026 weg?").Split('\n')[0], StringComparison.Ordinal);

    [Theory]
    [InlineData("Wat zijn Niet-Pluissignalen?")]
    [InlineData("In de pilot Buurtpreventie PLUS ging het over Niet-Pluissignalen. Wat zijn dat?")]
    public void Ask_WhatSomethingIs_IsTheSentenceThatGlossesItInParentheses(string question) =>
        Assert.Contains("(signalen van sociale problematiek)", Ask(question).Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_NameWithItsAcronymInParentheses_IsNoGlossButTheSentenceThatSaysWhatItDoes() =>
        Assert.StartsWith("Het Gezamenlijk Veiligheidsbeeld (GVB) stelt", Ask("Wat is het Gezamenlijk Veiligheidsbeeld?"), StringComparison.Ordinal);

    [Fact]
    public void Ask_ClosingQuestionWithWordsOfItsOwn_IsNoDefinitionOfTheSentenceBefore() =>
        Assert.StartsWith("Belangrijke criteria", Ask("In de pilot ging het over Niet-Pluissignalen. Wat waren de criteria daarvoor?"), StringComparison.Ordinal);

    [Fact]
    public void Ask_SecondQuestionAskingYesOrNo_IsAnsweredToo()
    {
        var text = Ask("Hoeveel is er voor 2026 begroot voor loonkosten? Is dat meer dan vorig jaar?");

        Assert.Contains("€ 90.000 hoger", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hoeveel was er in 2025 begroot voor loonkosten, en hoeveel voor monitoring?", "Monitoring in 2025: € 95.000")]
    [InlineData("Hoeveel ging er in 2025 naar loonkosten? En hoeveel naar monitoring?", "Monitoring in 2025")]
    public void Ask_SecondPartNamingAnotherLine_KeepsTheFirstPartsYearAndAsksItsAmount(string question, string expected)
    {
        Assert.Contains(expected, Ask(question).Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wie was voorzitter volgens het jaarverslag 2020?")]
    [InlineData("wie was voorzitter vd VAR ten tijde van het jaarverslag 2020?")]
    public void Ask_RoleNamedWithItsSourceReport_IsARoleQuestion(string question)
    {
        Assert.Contains("Heijkoop", Ask(question).Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_VeryFirstMeetingOfAType_IsTheFirstTheReportsKnow()
    {
        Assert.Contains("26 oktober 2017", Ask("Wanneer was de allereerste Regionale Veiligheidsconferentie?").Split('\n')[0]);
    }

    [Theory]
    [InlineData("Wie was vice-voorzitter in het jubileumjaar 2020?", "Junius")]
    [InlineData("Wat was het budget van de VAR in het rampjaar 2020?", "398.000")]
    public void Ask_WordEndingInJaarBeforeAYear_OnlyNamesThatYear(string question, string expected)
    {
        Assert.Contains(expected, Ask(question).Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Langs welke sporen werkte de VAR in 2021 aan cybercrime?", "Cybergevolgbestrijding")]
    [InlineData("Hoeveel nieuwsbrieven stuurde de VAR in 2020 rond?", "zeven nieuwsbrieven")]
    [InlineData("Hoeveel nieuwsbrieven verstuurde de VAR in 2020?", "zeven nieuwsbrieven")]
    public void Ask_PrepositionOrVerbParticleAndASendingVerb_AreNoTopicOfTheirOwn(string question, string expected) =>
        Assert.Contains(expected, Ask(question), StringComparison.Ordinal);

    [Theory]
    [InlineData("Hoe deed de VAR het bij de verkiezing Beste Overheidsorganisatie 2017?")]
    [InlineData("Hoe ver kwam de VAR bij de verkiezing Beste Overheidsorganisatie?")]
    [InlineData("Hoe eindigde de VAR bij de verkiezing Beste Overheidsorganisatie van 2017?")]
    public void Ask_HowSomethingEnded_AddsTheSentenceThatSaysTheOutcome(string question)
    {
        var text = Ask(question);

        Assert.Contains("top 25", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Een precies antwoord", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Welke extra vragen zaten er in 2017 in de Veiligheidsmonitor?", "brandveiligheid")]
    [InlineData("Over welke vragen ging de veiligheidsmonitor van 2017 ook?", "brandveiligheid")]
    public void Ask_QuestionsAsTheThingAsked_AreSearchedAsAWord(string question, string expected) =>
        Assert.Contains(expected, Ask(question), StringComparison.Ordinal);

    [Theory]
    [InlineData("Welk rapport met veiligheidscijfers is dit voorjaar verschenen?")]
    [InlineData("Iets anders: welk rapport met veiligheidscijfers verschijnt dit voorjaar?")]
    public void Ask_SeasonOfThisYear_IsAnsweredFromThatYearNotAnEarlierOnesCloserWording(string question)
    {
        var text = AnswerText.Flatten(RealModel.Engine.Ask(new Question(question, new DateOnly(2026, 4, 20), null)));

        Assert.Contains("GVB 2025", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2020", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Over welke groep heeft de VAR in 2024 zowel een factsheet als een onderzoek gemaakt?", "Over soevereinen:")]
    [InlineData("Over welke onderwerpen maakte de VAR in 2024 zowel handreikingen als uitvoeringsplannen?", "Over polarisatie:")]
    [InlineData("Over welk onderwerp kwamen er in 2024 zowel een handreiking als een uitvoeringsplan?", "Over polarisatie:")]
    public void Ask_BothOneThingAndAnother_AnswersTheSubjectTheyShare(string question, string lead) =>
        Assert.StartsWith(lead, Ask(question), StringComparison.Ordinal);

    [Fact]
    public void Ask_BothOneThingAndAnotherAsYesOrNo_IsNoQuestionForASharedSubject() =>
        Assert.DoesNotContain("Over ", Ask("Werkt de VAR zowel met gemeenten als met de politie samen?").Split('\n')[0], StringComparison.Ordinal);

    [Theory]
    [InlineData("Ik zie in een stuk de 'regiegroep' genoemd. Wat doet die regiegroep?")]
    [InlineData("Ik las over de regiegroep. Wat doet die precies?")]
    public void Ask_WordPointingBack_BeforeTheAskersSubjectNamesTheQuestionsOwnSubject_OtherwiseStandsForTheAskersSentence(string question) =>
        Assert.Contains("denktank", Ask(question), StringComparison.Ordinal);

    [Theory]
    [InlineData("Misschien een domme vraag, maar hoe wordt de VAR gefinancierd?", "Inwonersbijdrage")]
    [InlineData("Sorry als dit een basale vraag is, maar hoeveel ging er in 2024 naar monitoring?", "84.000")]
    public void Ask_LeadingClauseThatRemarksOnTheQuestion_IsLeftOut(string question, string expected) =>
        Assert.Contains(expected, Ask(question), StringComparison.Ordinal);

    [Fact]
    public void Ask_LeadingClauseWithoutARemarkOnTheQuestion_StaysPartOfIt() =>
        Assert.Contains("84.000", Ask("Het budget voor 2024 ken ik, maar hoeveel ging er naar monitoring?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_QuestionClosingOnAPronounWithNoSubjectOfItsOwn_IsAboutTheAskersSentence() =>
        Assert.Contains("18 september 2025", AnswerText.Flatten(RealModel.Engine.Ask(new Question(
            "Ik hoorde dat er dit najaar een extra Leerhuis Zorg en Veiligheid komt. Op welke datum is dat?", new DateOnly(2025, 8, 1), null))), StringComparison.Ordinal);

    [Fact]
    public void Ask_QuestionClosingOnAPronounThatNamesItsOwnSubject_LeavesTheAskersSentenceOut() =>
        Assert.Equal("event", RealModel.Engine.Ask(new Question("Ik ben nieuw bij de gemeente. Wanneer is het volgende Leerhuis en waar is dat?", new DateOnly(2025, 8, 1), null)).Intent);

    [Theory]
    [InlineData("Wat is het vijfde spoor waarlangs de VAR in 2021 aan cybercrime werkt?", "Cybergevolgbestrijding")]
    [InlineData("Wat is het derde spoor voor cybercrime in 2021?", "MKB-ondernemers")]
    public void Ask_OrdinalOfAListTheReportsLeadIn_IsThatItemOfTheList(string question, string expected) =>
        Assert.Contains(expected, Ask(question).Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_OrdinalBeyondTheListsLength_IsNoItemOfIt() =>
        Assert.StartsWith("Een precies antwoord kan ik niet vinden", Ask("Wat is het zesde spoor waarlangs de VAR in 2021 aan cybercrime werkt?"), StringComparison.Ordinal);

    [Fact]
    public void Ask_HowManyOfTheMeetings_CountsTheMeetings() =>
        Assert.Contains("vier Leerhuizen", Ask("Hoeveel van de Leerhuizen waren er in 2025?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_HowMuchOfTheBudget_StaysTheBudgetLine() =>
        Assert.Contains("28.000", Ask("Hoeveel van het budget ging in 2025 naar monitoring?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_AmountAPayerGivesForAnApproach_IsTheBudgetLine() =>
        Assert.Contains("110.000", Ask("Hoeveel dragen de gemeenten in 2026 bij voor de regionale aanpak van mensenhandel?").Split('\n')[0], StringComparison.Ordinal);

    [Fact]
    public void Ask_HowManyPayersTakePartInAnApproach_IsNoBudgetLine() =>
        Assert.DoesNotContain("€", Ask("Hoeveel gemeenten dragen bij aan de aanpak van mensenhandel?"), StringComparison.Ordinal);
}
