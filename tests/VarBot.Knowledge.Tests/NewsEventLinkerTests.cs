using VarBot.Knowledge.Model;
using VarBot.Knowledge.News;

namespace VarBot.Knowledge.Tests;

public sealed class NewsEventLinkerTests
{
    private static Event Meeting(string id, EventType type, string title, DateOnly date) =>
        new(id, type, title, null, null, date, date.Year, date.Month, null, null, EventStatus.Held, []);

    private static readonly Event[] Events =
    [
        Meeting("2026-03-23-leerhuis", EventType.Leerhuis, "Leerhuis", new DateOnly(2026, 3, 23)),
        Meeting("2026-10-01-carrousel", EventType.Carrousel, "Najaarscarrousel", new DateOnly(2026, 10, 1)),
        Meeting("2026-10-01-webinar", EventType.Webinar, "Webinar Cyber", new DateOnly(2026, 10, 1)),
    ];

    private static NewsItem Item(string? reference) =>
        new("n", "Titel", new DateOnly(2026, 3, 24), [], "", null, reference, "", new SourceRef("nieuws/n.md", 1));

    [Theory]
    [InlineData("2026-03-23-leerhuis", "2026-03-23-leerhuis")]
    [InlineData("Leerhuis, 23 maart 2026", "2026-03-23-leerhuis")]
    [InlineData("Najaarscarrousel, 1 oktober 2026", "2026-10-01-carrousel")]
    [InlineData("Webinar Cyber, 1 oktober 2026", "2026-10-01-webinar")]
    public void Link_IdOrFreeText_MapsToTheEvent(string reference, string expected)
    {
        var issues = new List<ValidationIssue>();

        var linked = NewsEventLinker.Link([Item(reference)], Events, issues);

        Assert.Equal(expected, linked[0].EventId);
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("Leerhuis, 24 maart 2026")]
    [InlineData("Bijeenkomst, 1 oktober 2026")]
    [InlineData("ergens in het voorjaar")]
    public void Link_NoSingleEvent_NullWithWarningNamingTheFile(string reference)
    {
        var issues = new List<ValidationIssue>();

        var linked = NewsEventLinker.Link([Item(reference)], Events, issues);

        Assert.Null(linked[0].EventId);
        var issue = Assert.Single(issues);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("nieuws-evenement-onbekend", issue.Code);
        Assert.Equal("nieuws/n.md", issue.Source!.File);
    }

    [Fact]
    public void Import_Seeds_EveryNewsEventReferenceResolves()
    {
        var result = VarBot.Knowledge.Import.KnowledgeImporter.Import(TestSupport.RepoPaths.Seeds);

        Assert.DoesNotContain(result.Issues, i => i.Code == "nieuws-evenement-onbekend");
        Assert.Equal("2026-11-16-leerhuis", result.Model.News.Single(n => n.Id == "2026-11-02-leerhuis-16-november").EventId);
    }
}
