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
}
