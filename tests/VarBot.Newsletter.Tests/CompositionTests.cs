using VarBot.Knowledge.Model;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Issues;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Tests;

/// <summary>The editorial rules one by one, on the seeds model and on small changes to it.</summary>
public sealed class CompositionTests(SeedsModelFixture seeds) : IClassFixture<SeedsModelFixture>, IAsyncLifetime
{
    private readonly NewsletterRenderer _renderer = new();
    private readonly IssueComposer _composer = Editorial.Composer();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _renderer.DisposeAsync();

    private static Event Meeting(string id, DateOnly date, string title = "Leerhuis") =>
        new(id, EventType.Leerhuis, title, null, null, date, date.Year, date.Month, null, null, EventStatus.Planned, [new SourceRef("test", 1)]);

    private static NewsItem News(string id, DateOnly date, string? eventId = null, string summary = "Een samenvatting.") =>
        new(id, "Bericht " + id, date, [], summary, "https://www.veiligheidsalliantie.nl/nieuws/" + id, eventId, "", new SourceRef("nieuws/" + id + ".md", 1));

    private KnowledgeModel With(IEnumerable<Event>? events = null, IEnumerable<NewsItem>? news = null) =>
        seeds.Model with { Events = [.. seeds.Model.Events, .. events ?? []], News = [.. seeds.Model.News, .. news ?? []] };

    [Fact]
    public void Schedule_SendDayTen_WindowsFollowEachOther()
    {
        var schedule = new IssueSchedule(10);

        Assert.Equal(new DateOnly(2026, 3, 10), schedule.SendDate(IssueMonth.Parse("2026-03")));
        Assert.True(schedule.InWindow(IssueMonth.Parse("2026-03"), new DateOnly(2026, 3, 10)));
        Assert.False(schedule.InWindow(IssueMonth.Parse("2026-04"), new DateOnly(2026, 3, 10)));
        Assert.True(schedule.InWindow(IssueMonth.Parse("2026-04"), new DateOnly(2026, 3, 11)));
        Assert.Equal(IssueMonth.Parse("2026-04"), schedule.IssueFor(new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void Compose_EventOnTheSendDate_NotInTheAgendaButInTheNextTerugblik()
    {
        var model = With([Meeting("x-on-send", new DateOnly(2026, 5, 10))], [News("x-recap", new DateOnly(2026, 5, 12), "x-on-send")]);

        var may = _composer.Compose(model, IssueMonth.Parse("2026-05"));
        var june = _composer.Compose(model, IssueMonth.Parse("2026-06"));

        Assert.DoesNotContain(may.Agenda, a => a.EventId == "x-on-send");
        Assert.Contains(june.Terugblik, t => t.EventId == "x-on-send");
    }

    [Fact]
    public void Compose_AnnouncementOfAnEventOverBeforeTheSendDate_LeftOut()
    {
        var model = With([Meeting("x-early", new DateOnly(2026, 5, 4))], [News("x-announce", new DateOnly(2026, 4, 20), "x-early", "Meld u aan via de website.")]);

        var may = _composer.Compose(model, IssueMonth.Parse("2026-05"));

        Assert.DoesNotContain(may.News, n => n.Id == "x-announce");
        Assert.DoesNotContain(may.Agenda, a => a.EventId == "x-early");
    }

    [Fact]
    public void Compose_AnnouncementOfAComingEvent_JoinsTheAgendaEntryNotTheNews()
    {
        var model = With([Meeting("x-late", new DateOnly(2026, 5, 20))], [News("x-announce", new DateOnly(2026, 5, 2), "x-late", "Meld u aan via de website.")]);

        var may = _composer.Compose(model, IssueMonth.Parse("2026-05"));

        var entry = Assert.Single(may.Agenda, a => a.EventId == "x-late");
        Assert.Equal("https://www.veiligheidsalliantie.nl/nieuws/x-announce", entry.InfoUrl);
        Assert.Equal("Meld u aan via de website.", entry.Summary);
        Assert.DoesNotContain(may.News, n => n.Id == "x-announce");
    }

    [Fact]
    public void Compose_HeldEventWithoutRecap_LeftOutOfTerugblikWithWarning()
    {
        var model = With([Meeting("x-silent", new DateOnly(2026, 5, 4))]);
        var draft = _composer.DefaultDraft(model, IssueMonth.Parse("2026-05"));

        var warnings = _composer.Check(model, draft, _composer.Build(model, draft));

        Assert.DoesNotContain("x-silent", draft.Terugblik);
        Assert.Contains(warnings, w => w.Code == IssueWarning.HeldWithoutRecap && w.ItemId == "x-silent");
    }

    [Fact]
    public void Compose_HeldEventRecappedByTheReport_InTerugblikWithTheReportText()
    {
        // The 2025 jaarverslag recaps the Najaarscarrousel of 16 October 2025; there is also a news item, which wins.
        var november = _composer.Compose(seeds.Model, IssueMonth.Parse("2025-11"));

        var recap = Assert.Single(november.Terugblik, t => t.EventId == "2025-10-16-carrousel");
        Assert.StartsWith("Op donderdagochtend 16 oktober 2025", recap.Recap, StringComparison.Ordinal);
        Assert.Equal("https://www.veiligheidsalliantie.nl/nieuws/terugblik-najaarscarrousel-2025", recap.Link);
        Assert.DoesNotContain(november.News, n => n.Id == "2025-10-17-terugblik-najaarscarrousel");
    }

    [Fact]
    public void Compose_NewsItem_InTheFirstIssueAfterItsDateOnly()
    {
        var model = With(news: [News("x-plain", new DateOnly(2026, 5, 11))]);

        var holding = Enumerable.Range(0, 4)
            .Select(i => IssueMonth.Parse("2026-04").AddMonths(i))
            .Where(m => _composer.Compose(model, m).News.Any(n => n.Id == "x-plain"))
            .ToList();

        Assert.Equal([IssueMonth.Parse("2026-06")], holding);
    }

    [Fact]
    public void Compose_FiveConsecutiveMonths_SpotlightRotatesThroughAllCurrentThemes()
    {
        var spotlights = Enumerable.Range(0, 5)
            .Select(i => _composer.Compose(seeds.Model, IssueMonth.Parse("2026-06").AddMonths(i)).Spotlight)
            .ToList();

        Assert.Equal(seeds.ThemeIds.Order(StringComparer.Ordinal), spotlights.Select(s => s!.ThemeId).Order(StringComparer.Ordinal));
        Assert.All(spotlights, s => Assert.InRange(s!.Plans.Count, 1, 5));
        Assert.All(spotlights, s => Assert.Equal(2026, s!.PlanYear));
    }

    [Fact]
    public void Compose_MonthWithPublication_ShowsCijfersOnce()
    {
        var may = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-05"));
        var june = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-06"));

        var figure = Assert.Single(may.Figures);
        Assert.Equal("Gezamenlijk Veiligheidsbeeld 2025", figure.Title);
        Assert.Equal("Verschenen op 14 april 2026, over 2025.", figure.Text);
        Assert.Empty(june.Figures);
    }

    [Fact]
    public void Build_DraftWithPastEventAndUnknownItem_WarnsForBoth()
    {
        var month = IssueMonth.Parse("2026-05");
        var draft = _composer.DefaultDraft(seeds.Model, month) with { Agenda = ["2026-03-23-leerhuis", "bestaat-niet"] };

        var issue = _composer.Build(seeds.Model, draft);
        var warnings = _composer.Check(seeds.Model, draft, issue);

        Assert.Single(issue.Agenda);
        Assert.Null(issue.Agenda[0].IcsUrl);
        Assert.Contains(warnings, w => w.Code == IssueWarning.PastEvent && w.ItemId == "2026-03-23-leerhuis");
        Assert.Contains(warnings, w => w.Code == IssueWarning.UnknownItem && w.Message.Contains("bestaat-niet", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DraftWithEditedTextsAndOrder_KeepsThemAsWritten()
    {
        var month = IssueMonth.Parse("2026-11");
        var model = With(news: [News("x-a", new DateOnly(2026, 10, 20)), News("x-b", new DateOnly(2026, 10, 21))]);
        var draft = _composer.DefaultDraft(model, month);

        var issue = _composer.Build(model, draft with { Subject = "Eigen onderwerp", Intro = "Eigen inleiding.", News = ["x-a", "x-b"], SpotlightThemeId = "mensenhandel" });

        Assert.Equal(["x-b", "x-a"], draft.News);
        Assert.Equal(["x-a", "x-b"], issue.News.Select(n => n.Id));
        Assert.Equal("Eigen onderwerp", issue.Subject);
        Assert.Equal("Eigen inleiding.", issue.Intro);
        Assert.Equal("Mensenhandel", issue.Spotlight?.Name);
    }

    [Fact]
    public async Task RenderHtml_NewsWithScriptAndAccents_EncodesMarkupKeepsLetters()
    {
        var evil = new NewsItem("evil", "Zoë <script>alert(1)</script>", new DateOnly(2026, 3, 8), ["mensenhandel"], "Tekst met <b>tags</b> & meer", null, null, "", new SourceRef("x", 1));
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
        var model = With(news: [News("x-j", new DateOnly(2026, 3, 6)) with { Themes = ["jeugd-en-veiligheid"] }]);
        var issue = _composer.Compose(model, IssueMonth.Parse("2026-03"));
        var view = new DigestView(issue, ["jeugd-en-veiligheid"], null, "https://u", "https://p");

        var text = NewsletterRenderer.RenderText(view);
        var html = await _renderer.RenderHtmlAsync(view);

        var others = issue.News.Where(n => n.ThemeIds.Count > 0 && !n.ThemeIds.Contains("jeugd-en-veiligheid")).ToList();
        Assert.NotEmpty(others);
        foreach (var item in others)
        {
            Assert.Contains($"- {item.Title} ({item.DateText}", text);
            Assert.DoesNotContain(item.Summary, text);
        }

        Assert.Contains("Ook in deze nieuwsbrief, bij andere thema&#x27;s:", html);
        Assert.Contains("Uw thema's: Jeugd en veiligheid.", text);
        var full = NewsletterRenderer.RenderText(view with { ChosenThemes = [] });
        Assert.All(others, item => Assert.Contains(item.Summary, full));
    }

    [Fact]
    public void RenderDigest_OnlyFormerOrUnknownThemesChosen_EverythingInFullAllThemesNamed()
    {
        var issue = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-03"));

        var text = NewsletterRenderer.RenderText(new DigestView(issue, ["huiselijk-geweld", "cybercrime"], null, "https://u", "https://p"));

        Assert.Contains("Uw thema's: alle thema's.", text);
        Assert.DoesNotContain("Ook in deze nieuwsbrief, bij andere thema's:", text);
    }

    [Fact]
    public void DraftLinkedIn_March2026_PostsWithinLimitsWithHashtagsAndPageLinks()
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
            Assert.DoesNotContain(".ics", post.Text, StringComparison.Ordinal);
        });
        Assert.Contains("#Mensenhandel", posts.Single(p => p.FileName.Contains("koffer", StringComparison.Ordinal)).Text);
        Assert.Contains("https://bot.var.test/nieuwsbrief/2026-03#2026-03-23-leerhuis", posts.Single(p => p.FileName.Contains("agenda", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public void Hashtags_RenamedTheme_KeyedByIdNotName()
    {
        var renamed = new Dictionary<string, string> { ["mensenhandel"] = "Mensenhandel en uitbuiting", ["nieuw-thema"] = "Nieuw thema" };

        var tags = LinkedInDrafter.Hashtags(["mensenhandel", "nieuw-thema"], renamed);

        Assert.Equal(["#Mensenhandel", "#Uitbuiting", "#NieuwThema", "#VeiligheidsAlliantie", "#RegioRotterdam"], tags);
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
