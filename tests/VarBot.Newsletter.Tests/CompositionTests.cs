using Microsoft.Extensions.Time.Testing;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Composition;
using VarBot.Templates.Views;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

public sealed class CompositionTests(SeedsModelFixture seeds) : IClassFixture<SeedsModelFixture>, IAsyncLifetime
{
    private static readonly NewsletterLinks Links = new("https://bot.var.test");
    private readonly NewsletterRenderer _renderer = new();
    private readonly IssueComposer _composer = new(Links);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _renderer.DisposeAsync();

    [Theory]
    [InlineData("2026-03")]
    [InlineData("2026-11")]
    public async Task Compose_GoldenMonths_MatchGoldenFiles(string month)
    {
        var editor = new IssueEditor(_composer, _renderer, Links);
        var composed = await editor.ComposeAsync(seeds.Model, IssueMonth.Parse(month));

        var folder = Path.Combine(RepoPaths.Root, "tests", "VarBot.Newsletter.Tests", "Golden");
        var htmlPath = Path.Combine(folder, $"{month}.html");
        var textPath = Path.Combine(folder, $"{month}.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(htmlPath, composed.Html);
            await File.WriteAllTextAsync(textPath, composed.Text);
        }

        Assert.Equal(await File.ReadAllTextAsync(htmlPath), composed.Html);
        Assert.Equal(await File.ReadAllTextAsync(textPath), composed.Text);
    }

    [Fact]
    public void Compose_March2026_AgendaHasOnlyComingEventsWithRightDates()
    {
        var issue = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-03"));

        var agenda = Assert.Single(issue.Agenda);
        Assert.Equal("maandag 23 maart 2026", agenda.DateText);
        Assert.Equal("https://bot.var.test/agenda/2026-03-23-leerhuis.ics", agenda.IcsUrl);
        Assert.Empty(issue.Terugblik);
        Assert.Equal(["2026-03-24-leerhuis-strategisch-beleidsplan", "2026-03-05-koffer-verkeerd-en-kijk-op-mensenhandel"], issue.News.Select(n => n.Id));
        Assert.Equal("Maatschappelijk ongenoegen", issue.Spotlight?.Name);
        Assert.StartsWith("VAR-nieuwsbrief maart 2026: Leerhuis op 23 maart 2026", issue.Subject);
    }

    [Fact]
    public void Compose_November2026_TerugblikHoldsOctoberAndAgendaNoPastEvents()
    {
        var issue = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-11"));

        Assert.Equal(["maandag 16 november 2026"], issue.Agenda.Select(a => a.DateText));
        Assert.Equal(["donderdag 1 oktober 2026"], issue.Terugblik.Select(a => a.DateText));
        Assert.Equal("Zorg en veiligheid", issue.Spotlight?.Name);
        Assert.All(issue.Terugblik, t => Assert.Null(t.IcsUrl));
    }

    [Fact]
    public void Compose_FiveConsecutiveMonths_SpotlightRotatesThroughAllCurrentThemes()
    {
        var spotlights = Enumerable.Range(0, 5)
            .Select(i => _composer.Compose(seeds.Model, IssueMonth.Parse("2026-01").AddMonths(i)).Spotlight)
            .ToList();

        Assert.Equal(seeds.ThemeIds.Order(StringComparer.Ordinal), spotlights.Select(s => s!.ThemeId).Order(StringComparer.Ordinal));
        Assert.All(spotlights, s => Assert.InRange(s!.Plans.Count, 1, 5));
        Assert.All(spotlights, s => Assert.Equal(2026, s!.PlanYear));
    }

    [Fact]
    public void Compose_DuringTheMonthAfterAnEvent_AgendaLeavesThePastEventOut()
    {
        var composer = new IssueComposer(Links, new FakeTimeProvider(new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero)));

        var during = composer.Compose(seeds.Model, IssueMonth.Parse("2026-11"));
        var ahead = composer.Compose(seeds.Model, IssueMonth.Parse("2027-01"));

        Assert.DoesNotContain(during.Agenda, a => a.EventId == "2026-11-16-leerhuis");
        Assert.Empty(during.Agenda);
        Assert.DoesNotContain("16 november", during.Subject, StringComparison.Ordinal);
        Assert.Equal(["donderdag 1 oktober 2026"], during.Terugblik.Select(t => t.DateText));
        Assert.Empty(ahead.Agenda);
    }

    [Fact]
    public void Compose_MonthWithPublication_ShowsCijfersAndEmptySectionsLeftOut()
    {
        var issue = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-05"));

        var figure = Assert.Single(issue.Figures);
        Assert.Equal("Gezamenlijk Veiligheidsbeeld 2025", figure.Title);
        Assert.Equal("Verschenen op 14 april 2026, over 2025.", figure.Text);
        Assert.Empty(issue.Terugblik);
        Assert.Equal(["maandag 6 juli 2026"], issue.Agenda.Select(a => a.DateText));
    }

    [Fact]
    public async Task RenderHtml_NewsWithScriptAndAccents_EncodesMarkupKeepsLetters()
    {
        var evil = new NewsItem("evil", "Zoë <script>alert(1)</script>", new DateOnly(2026, 3, 10), ["mensenhandel"], "Tekst met <b>tags</b> & meer", null, null, "", new SourceRef("x", 1));
        var issue = _composer.Compose(seeds.With(evil), IssueMonth.Parse("2026-03"));

        var html = await _renderer.RenderHtmlAsync(new DigestView(issue, [], "Zoë", "https://u", "https://p"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Zoë &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Beste Zoë,", html);
        Assert.Contains("&lt;b&gt;tags&lt;/b&gt; &amp; meer", html);
    }

    [Fact]
    public async Task RenderDigest_ChosenTheme_FullFirstOthersAsHeadlines()
    {
        var issue = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-03"));
        var view = new DigestView(issue, ["jeugd-en-veiligheid"], null, "https://u", "https://p");

        var text = NewsletterRenderer.RenderText(view);
        var html = await _renderer.RenderHtmlAsync(view);

        var news = issue.News.Where(n => n.ThemeIds.Count > 0 && !n.ThemeIds.Contains("jeugd-en-veiligheid")).ToList();
        Assert.NotEmpty(news);
        foreach (var item in news)
        {
            Assert.Contains($"- {item.Title} ({item.DateText}", text);
            Assert.DoesNotContain(item.Summary, text);
        }

        Assert.Contains("Ook in deze nieuwsbrief, bij andere thema's:", html);
        Assert.Contains("Uw thema's: Jeugd en veiligheid.", text);
        var full = NewsletterRenderer.RenderText(view with { ChosenThemes = [] });
        Assert.All(news, item => Assert.Contains(item.Summary, full));
    }

    [Fact]
    public void DraftLinkedIn_March2026_PostsWithinLimitsWithHashtagsAndLink()
    {
        var issue = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-03"));

        var posts = LinkedInDrafter.Draft(issue);

        Assert.Equal(issue.Agenda.Count + issue.News.Count + 1, posts.Count);
        Assert.All(posts, post =>
        {
            Assert.InRange(post.Text.Length, 1, LinkedInDrafter.MaxLength);
            Assert.InRange(post.Text.Split('\n')[0].Length, 1, LinkedInDrafter.MaxLead);
            var tags = post.Text.Split(' ', '\n').Count(w => w.StartsWith('#'));
            Assert.InRange(tags, 3, 5);
            Assert.Contains("https://", post.Text);
        });
        Assert.Contains("#Mensenhandel", posts.Single(p => p.FileName.Contains("koffer", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public void DraftLinkedIn_VeryLongNews_CutToLimits()
    {
        var lengthy = new NewsItem("lang", new string('a', 300), new DateOnly(2026, 3, 2), [], string.Join(' ', Enumerable.Repeat("woord", 1500)), "https://x.test", null, "", new SourceRef("x", 1));
        var issue = _composer.Compose(seeds.With(lengthy), IssueMonth.Parse("2026-03"));

        var post = LinkedInDrafter.Draft(issue).Single(p => p.FileName.Contains("lang", StringComparison.Ordinal));

        Assert.InRange(post.Text.Length, 2000, LinkedInDrafter.MaxLength);
        Assert.InRange(post.Text.Split('\n')[0].Length, 1, LinkedInDrafter.MaxLead);
        Assert.Contains("https://x.test", post.Text);
    }
}
