using VarBot.Knowledge.Model;
using VarBot.Knowledge.News;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.News;

public sealed class NewsReaderTests : IDisposable
{
    private readonly DirectoryInfo _seeds = Directory.CreateTempSubdirectory("varbot-news-");

    public void Dispose() => _seeds.Delete(recursive: true);

    [Fact]
    public void ReadAll_RepoSeeds_ReadsTenItemsWithoutIssues()
    {
        var result = NewsReader.ReadAll(RepoPaths.Seeds);

        Assert.Empty(result.Issues);
        Assert.Equal(10, result.Items.Count);
        Assert.All(result.Items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Title));
            Assert.False(string.IsNullOrWhiteSpace(item.Summary));
            Assert.StartsWith("https://www.veiligheidsalliantie.nl/", item.Link);
            Assert.InRange(item.Date.Year, 2025, 2026);
            Assert.Equal("nieuws/" + item.Id + ".md", item.Source.File);
        });
        Assert.Contains(result.Items, i => i.Date is { Year: 2026, Month: 3 });
        Assert.Contains(result.Items, i => i.Date is { Year: 2026, Month: 11 });
    }

    [Fact]
    public void ReadAll_ValidFile_MapsEveryField()
    {
        Write("leerhuis.md", """
            ---
            title: "Leerhuis Femicide"
            date: 2025-09-19
            themes: [zorg-en-veiligheid, mensenhandel]
            summary: Een terugblik.
            link: https://www.veiligheidsalliantie.nl/nieuws/leerhuis
            event: Leerhuis Femicide, 18 september 2025
            ---

            De **tekst**.
            """);

        var result = NewsReader.ReadAll(_seeds.FullName);

        Assert.Empty(result.Issues);
        var item = Assert.Single(result.Items);
        Assert.Equal("leerhuis", item.Id);
        Assert.Equal("Leerhuis Femicide", item.Title);
        Assert.Equal(new DateOnly(2025, 9, 19), item.Date);
        Assert.Equal(["zorg-en-veiligheid", "mensenhandel"], item.Themes);
        Assert.Equal("Een terugblik.", item.Summary);
        Assert.Equal("https://www.veiligheidsalliantie.nl/nieuws/leerhuis", item.Link);
        Assert.Equal("Leerhuis Femicide, 18 september 2025", item.EventId);
        Assert.Equal("De **tekst**.", item.BodyMarkdown);
    }

    [Fact]
    public void ReadAll_MissingFolder_ReturnsNothing()
    {
        var result = NewsReader.ReadAll(_seeds.FullName);

        Assert.Empty(result.Items);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void ReadAll_NoFrontMatter_ReportsErrorOnLineOne()
    {
        Write("kaal.md", "# Alleen Markdown\n");

        var result = NewsReader.ReadAll(_seeds.FullName);

        Assert.Empty(result.Items);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal(new SourceRef("nieuws/kaal.md", 1), issue.Source);
    }

    [Fact]
    public void ReadAll_UnclosedFrontMatter_ReportsError()
    {
        Write("open.md", "---\ntitle: Open\ndate: 2025-01-01\n");

        var issue = Assert.Single(NewsReader.ReadAll(_seeds.FullName).Issues);

        Assert.Equal("nieuws-frontmatter-niet-afgesloten", issue.Code);
    }

    [Fact]
    public void ReadAll_BrokenYaml_ReportsErrorWithFileLineAndKeepsOtherFiles()
    {
        Write("a-kapot.md", "---\ntitle: Goed\ndate: 2025-01-01\nsummary: \"niet afgesloten\n---\nTekst\n");
        Write("b-goed.md", "---\ntitle: Goed\ndate: 2025-02-01\nsummary: Prima\n---\nTekst\n");

        var result = NewsReader.ReadAll(_seeds.FullName);

        Assert.Equal("b-goed", Assert.Single(result.Items).Id);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("nieuws-frontmatter-ongeldig", issue.Code);
        Assert.Equal("nieuws/a-kapot.md", issue.Source!.File);
        Assert.InRange(issue.Source.Line, 4, 5);
    }

    [Fact]
    public void ReadAll_MissingTitleAndDate_ReportsBothAndSkipsItem()
    {
        Write("leeg.md", "---\nsummary: Iets\n---\n");

        var result = NewsReader.ReadAll(_seeds.FullName);

        Assert.Empty(result.Items);
        Assert.Equal(["nieuws-titel-ontbreekt", "nieuws-datum-ontbreekt"], result.Issues.Select(i => i.Code));
        Assert.All(result.Issues, i => Assert.Equal(IssueSeverity.Error, i.Severity));
    }

    [Theory]
    [InlineData("24-03-2026")]
    [InlineData("2026-02-30")]
    [InlineData("maart 2026")]
    public void ReadAll_BadDate_ReportsErrorOnDateLine(string date)
    {
        Write("datum.md", $"---\ntitle: Titel\nsummary: Iets\ndate: {date}\n---\n");

        var result = NewsReader.ReadAll(_seeds.FullName);

        Assert.Empty(result.Items);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("nieuws-datum-ongeldig", issue.Code);
        Assert.Equal(4, issue.Source!.Line);
        Assert.Contains("jjjj-mm-dd", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_UnknownTheme_ReportsErrorOnItsLineAndDropsIt()
    {
        Write("thema.md", "---\ntitle: Titel\ndate: 2025-05-05\nsummary: Iets\nthemes:\n  - mensenhandel\n  - cybercrime\n---\n");

        var result = NewsReader.ReadAll(_seeds.FullName);

        Assert.Equal(["mensenhandel"], Assert.Single(result.Items).Themes);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("nieuws-onbekend-thema", issue.Code);
        Assert.Equal(new SourceRef("nieuws/thema.md", 7), issue.Source);
        Assert.Contains("'cybercrime'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_MissingSummaryAndBadLink_WarnsButKeepsItem()
    {
        Write("w.md", "---\ntitle: Titel\ndate: 2025-05-05\nlink: www.example\n---\n");

        var result = NewsReader.ReadAll(_seeds.FullName);

        var item = Assert.Single(result.Items);
        Assert.Null(item.Link);
        Assert.Equal(["nieuws-samenvatting-ontbreekt", "nieuws-link-ongeldig"], result.Issues.Select(i => i.Code));
        Assert.All(result.Issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
    }

    private void Write(string name, string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_seeds.FullName, "nieuws"));
        File.WriteAllText(Path.Combine(folder.FullName, name), text);
    }
}
