using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Tests.Import;

public sealed class EventImportTests
{
    private static Event At(string date, EventType type) =>
        ImportedReports.Result.Events.Single(e => e.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) && e.Type == type);

    [Theory]
    // Agenda 2026 (report 2025-2026)
    [InlineData("2026-03-23", EventType.Leerhuis, EventStatus.Planned)]
    [InlineData("2026-07-06", EventType.Leerhuis, EventStatus.Planned)]
    [InlineData("2026-11-16", EventType.Leerhuis, EventStatus.Planned)]
    [InlineData("2026-10-01", EventType.Carrousel, EventStatus.Planned)]
    // Agenda 2025 (report 2024-2025), held according to report 2025-2026
    [InlineData("2025-03-24", EventType.Conferentie, EventStatus.Held)]
    [InlineData("2025-04-07", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2025-07-07", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2025-09-18", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2025-10-16", EventType.Carrousel, EventStatus.Held)]
    [InlineData("2025-11-17", EventType.Leerhuis, EventStatus.Held)]
    // Agenda 2024 (report 2023-2024)
    [InlineData("2024-03-28", EventType.Carrousel, EventStatus.Held)]
    [InlineData("2024-04-08", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2024-06-17", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2024-09-12", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2024-10-14", EventType.Conferentie, EventStatus.Planned)]
    [InlineData("2024-11-18", EventType.Leerhuis, EventStatus.Held)]
    // 2023 recap, 2021 plan, 2020 recap
    [InlineData("2023-04-17", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2023-10-26", EventType.Carrousel, EventStatus.Held)]
    [InlineData("2021-03-11", EventType.Carrousel, EventStatus.Planned)]
    [InlineData("2021-10-28", EventType.Carrousel, EventStatus.Planned)]
    [InlineData("2020-10-29", EventType.Carrousel, EventStatus.Held)]
    [InlineData("2020-09-03", EventType.Leerhuis, EventStatus.Held)]
    // 2017 recap and the 2018 agenda column
    [InlineData("2017-04-03", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2017-06-19", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2017-11-06", EventType.Leerhuis, EventStatus.Held)]
    [InlineData("2017-02-23", EventType.Carrousel, EventStatus.Held)]
    [InlineData("2017-10-26", EventType.Conferentie, EventStatus.Held)]
    [InlineData("2018-04-09", EventType.Leerhuis, EventStatus.Planned)]
    [InlineData("2018-07-02", EventType.Leerhuis, EventStatus.Planned)]
    [InlineData("2018-11-12", EventType.Leerhuis, EventStatus.Planned)]
    [InlineData("2018-03-08", EventType.Carrousel, EventStatus.Planned)]
    public void Import_DatedEvent_IsPresentWithItsStatus(string date, EventType type, EventStatus status)
    {
        Assert.Equal(status, At(date, type).Status);
    }

    [Fact]
    public void Import_PlanAgendaAndNextReport_MergeIntoOneEvent()
    {
        var leerhuis = At("2025-04-07", EventType.Leerhuis);
        Assert.Equal("Leerhuis Criminele Uitbuiting", leerhuis.Title);
        Assert.Equal("Criminele Uitbuiting", leerhuis.Topic);
        Assert.Contains(leerhuis.Sources, s => s == new SourceRef("jaarverslagen/var-jaarverslag-2024-jaarplan-2025.txt", 133));
        Assert.Contains(leerhuis.Sources, s => s == new SourceRef("jaarverslagen/var-jaarverslag-2025-jaarplan-2026.txt", 108));
        Assert.Single(ImportedReports.Result.Events, e => e.Type == EventType.Leerhuis && e.Year == 2025 && e.Month == 4);
    }

    [Fact]
    public void Import_NajaarscarrouselText_GivesDateAndTitle()
    {
        var carrousel = At("2026-10-01", EventType.Carrousel);
        Assert.Equal("Najaarscarrousel", carrousel.Title);
        Assert.Contains(carrousel.Sources, s => s.Line == 140);
    }

    [Fact]
    public void Import_DayPartBeforeTheDate_IsTheEventsTime()
    {
        Assert.Equal("'s ochtends", At("2026-10-01", EventType.Carrousel).Time);
        Assert.Equal("16.00-18.00", At("2018-04-09", EventType.Leerhuis).Time);
    }

    [Fact]
    public void Import_CarrouselWithTheme_KeepsTheTopic()
    {
        Assert.Equal("Kansen en bedreigingen AI", At("2024-03-28", EventType.Carrousel).Topic);
        Assert.Equal("De gemeente als vangnet en frontlinie", At("2025-10-16", EventType.Carrousel).Topic);
    }

    [Fact]
    public void Import_2017LeerhuisList_UsesTheHeadingForTheTypeAndTheTextAsTopic()
    {
        Assert.Equal("polarisatie in de samenleving", At("2017-04-03", EventType.Leerhuis).Topic);
    }

    [Fact]
    public void Import_2017LeerhuisTopic_HasNoTweetNoise()
    {
        var leerhuis = At("2017-11-06", EventType.Leerhuis);
        Assert.Equal("cybercrime en informatiebeveiliging", leerhuis.Topic);
        Assert.DoesNotContain(At("2017-04-03", EventType.Leerhuis).Sources, s => s.Line == 75);
    }

    [Fact]
    public void Import_2018AgendaColumn_GivesTimeAndPlace()
    {
        var leerhuis = At("2018-04-09", EventType.Leerhuis);
        Assert.Equal("Dordrecht", leerhuis.Place);
        Assert.Equal("16.00-18.00", leerhuis.Time);
        Assert.Equal("09.00-13.00", At("2018-03-08", EventType.Carrousel).Time);
    }

    [Fact]
    public void Import_ConferentieInDeKuip_HasItsPlace()
    {
        Assert.Equal("De Kuip", At("2025-03-24", EventType.Conferentie).Place);
    }

    [Fact]
    public void Import_MonthOnlyEvents_HaveYearAndMonthButNoDate()
    {
        var summerschool = ImportedReports.Result.Events.Single(e => e.Type == EventType.Summerschool && e.Year == 2025);
        Assert.Null(summerschool.Date);
        Assert.Equal(7, summerschool.Month);
        Assert.Equal(EventStatus.Held, summerschool.Status);
    }

    [Fact]
    public void Import_Events_HaveUniqueIdsAndSources()
    {
        var events = ImportedReports.Result.Events;
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.NotEmpty(e.Sources));
        Assert.All(events, e => Assert.True(e.Date is null || (e.Date.Value.Year == e.Year && e.Date.Value.Month == e.Month)));
    }

    [Fact]
    public void Import_FirstLeerhuisOf2026_GetsTheTopicTheTextStates()
    {
        var leerhuis = At("2026-03-23", EventType.Leerhuis);
        Assert.Equal("Strategisch Beleidsplan 2027-2030 van de politie-eenheid Rotterdam", leerhuis.Topic);
        Assert.Contains(leerhuis.Sources, s => s.Line == 130);
        Assert.Null(At("2026-07-06", EventType.Leerhuis).Topic);
    }

    [Fact]
    public void Import_LeerhuisWithTwoNames_KeepsBoth()
    {
        var leerhuis = At("2025-09-18", EventType.Leerhuis);
        Assert.Contains("Femicide", leerhuis.Title, StringComparison.Ordinal);
        Assert.Contains("Achter gesloten deuren", leerhuis.Title, StringComparison.Ordinal);
        Assert.Equal("Femicide", leerhuis.Topic);
    }

    [Fact]
    public void Import_TopicSplitOverTwoLines_IsWhole()
    {
        Assert.Equal("10 jaar VAR / Trends en ontwikkelingen in het veiligheidsdomein", At("2023-10-26", EventType.Carrousel).Topic);
    }

    [Fact]
    public void Import_CongresMensenhandel_HasMonthFromOneSentenceAndNameFromAnother()
    {
        var congres = Assert.Single(ImportedReports.Result.Events, e => e.Type == EventType.Congres && e.Year == 2025);
        Assert.Equal(10, congres.Month);
        Assert.Null(congres.Date);
        Assert.Equal("Congres Mensenhandel", congres.Title);
        Assert.StartsWith("Grenzeloos kwetsbaar", congres.Topic, StringComparison.Ordinal);
        Assert.Equal(EventStatus.Held, congres.Status);
        Assert.Equal([245, 322], congres.Sources.Select(s => s.Line).Order());
    }

    [Theory]
    [InlineData(2025, 1, "PGA-bijeenkomst", EventStatus.Held)]
    [InlineData(2024, 6, "Kennisbijeenkomst", EventStatus.Held)]
    [InlineData(2018, 5, "Ambtelijke bijeenkomst", EventStatus.Planned)]
    [InlineData(2020, 5, "Regionale bijeenkomst", EventStatus.Cancelled)]
    public void Import_GenericMeetingWithMonth_IsABijeenkomst(int year, int month, string title, EventStatus status)
    {
        var e = Assert.Single(ImportedReports.Result.Events, e => e.Type == EventType.Bijeenkomst && e.Year == year && e.Month == month);
        Assert.Equal(title, e.Title);
        Assert.Equal(status, e.Status);
    }

    [Theory]
    [InlineData(2017, 9, EventStatus.Held)]
    [InlineData(2018, 2, EventStatus.Planned)]
    public void Import_NetworkMeetingWithMonth_IsPresent(int year, int month, EventStatus status)
    {
        var e = Assert.Single(ImportedReports.Result.Events, e => e.Type == EventType.Netwerkbijeenkomst && e.Year == year && e.Month == month);
        Assert.Equal(status, e.Status);
    }

    [Fact]
    public void Import_2018LeerhuisOnMensenhandel_IsAYearOnlyEventBesideTheDatedOnes()
    {
        var leerhuizen = ImportedReports.Result.Events.Where(e => e.Type == EventType.Leerhuis && e.Year == 2018).ToList();
        Assert.Equal(3, leerhuizen.Count(e => e.Date is not null));
        var mensenhandel = Assert.Single(leerhuizen, e => e.Month is null);
        Assert.Equal("mensenhandel", mensenhandel.Topic);
        Assert.Equal(EventStatus.Planned, mensenhandel.Status);
    }

    [Fact]
    public void Import_BijeenkomstReferringToThePreviousSentence_MergesIntoThatLeerhuis()
    {
        var leerhuis = At("2020-09-03", EventType.Leerhuis);
        Assert.Equal("Personen met verward gedrag", leerhuis.Topic);
        Assert.Contains(leerhuis.Sources, s => s.Line == 297);
        Assert.DoesNotContain(ImportedReports.Result.Events, e => e.Type == EventType.Bijeenkomst && e.Year == 2020 && e.Month == 9);
    }

    [Fact]
    public void Import_YearOnlyRecapOfADatedMeeting_AddsASourceButNoSecondEvent()
    {
        var leerhuizen2024 = ImportedReports.Result.Events.Where(e => e.Type == EventType.Leerhuis && e.Year == 2024).ToList();
        Assert.Equal(4, leerhuizen2024.Count);
        Assert.Contains(At("2024-06-17", EventType.Leerhuis).Sources, s => s.Line == 346);
        Assert.Equal(4, ImportedReports.Result.Events.Count(e => e.Type == EventType.Leerhuis && e.Year == 2025));
    }

    [Theory]
    [InlineData("2021-04-12", EventType.Leerhuis, "hoorplicht WVGZ")]
    [InlineData("2021-03-11", EventType.Carrousel, "Spanningen in de samenleving")]
    [InlineData("2025-03-24", EventType.Conferentie, "Samen doen we meer")]
    public void Import_ThemeStatedInTheText_IsTheTopic(string date, EventType type, string topic)
    {
        Assert.Equal(topic, At(date, type).Topic);
    }

    [Fact]
    public void Import_Webinars2025_AreKeptWithoutMonth()
    {
        var webinar = Assert.Single(ImportedReports.Result.Events, e => e.Type == EventType.Webinar && e.Year == 2025);
        Assert.Null(webinar.Month);
        Assert.Contains("PARTA", webinar.Topic, StringComparison.Ordinal);
    }
}
