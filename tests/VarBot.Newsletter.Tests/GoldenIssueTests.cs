using Microsoft.Extensions.Time.Testing;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Issues;
using VarBot.Templates.Views;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>
/// The golden issues: each month's general edition (HTML and text) as committed under Golden/, composed from the seeds
/// with the default rules, and the editorial rules asserted on them. UPDATE_GOLDEN=1 rewrites the files; review the diff.
/// </summary>
public sealed class GoldenIssueTests(SeedsModelFixture seeds) : IClassFixture<SeedsModelFixture>, IAsyncLifetime
{
    public static readonly TheoryData<string> Months = new() { "2026-01", "2026-03", "2026-10", "2026-12", "2027-01" };

    /// <summary>Today, as the issue tells it: 4 December 2026.</summary>
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(1)));
    private readonly NewsletterRenderer _renderer = new();
    private readonly IssueComposer _composer = Editorial.Composer();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _renderer.DisposeAsync();

    private IssueEditor Editor => new(_composer, _renderer, Editorial.Links, time: _time, options: Editorial.Options());

    [Theory]
    [MemberData(nameof(Months))]
    public async Task Compose_GoldenMonth_MatchesGoldenFiles(string month)
    {
        var composed = await Editor.ComposeAsync(seeds.Model, IssueMonth.Parse(month));

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

    [Theory]
    [MemberData(nameof(Months))]
    public void Compose_GoldenMonth_AgendaHoldsOnlyEventsAfterTheSendDate(string month)
    {
        var m = IssueMonth.Parse(month);
        var send = _composer.Schedule.SendDate(m);
        var issue = _composer.Compose(seeds.Model, m);

        foreach (var entry in issue.Agenda)
        {
            var e = seeds.Model.Events.Single(x => x.Id == entry.EventId);
            Assert.True(e.Date is { } date ? date > send : new DateOnly(e.Year, e.Month!.Value, 1) > send, $"{e.Id} is not after {send}");
        }
    }

    [Theory]
    [MemberData(nameof(Months))]
    public async Task Compose_GoldenMonth_NoSectionWithoutContent(string month)
    {
        var composed = await Editor.ComposeAsync(seeds.Model, IssueMonth.Parse(month));
        var issue = composed.Issue;

        Assert.All(issue.Terugblik, t => Assert.False(string.IsNullOrWhiteSpace(t.Recap)));
        if (issue.Plans is { } plans)
        {
            Assert.NotEmpty(plans.Themes);
            Assert.All(plans.Themes, t => Assert.True(t.Summary.Length >= 40 || t.Highlights.Count > 0, t.Name));
        }

        if (issue.Spotlight is { } spotlight)
        {
            Assert.True(spotlight.Summary.Length >= 40 && spotlight.Plans.Count > 0, spotlight.Name);
        }

        // In the text part every section heading is followed by content, never by the next heading or the footer.
        var lines = composed.Text.Split('\n');
        for (var i = 0; i + 3 < lines.Length; i++)
        {
            if (lines[i].Length > 0 && lines[i + 1] == new string('-', lines[i].Length))
            {
                Assert.False(string.IsNullOrWhiteSpace(lines[i + 3]) || lines[i + 3] == "--", $"empty section '{lines[i]}'");
            }
        }
    }

    [Fact]
    public void Compose_EveryMonth2025To2027_NoNewsOrRecapInTwoIssues()
    {
        var seen = new Dictionary<string, IssueMonth>(StringComparer.Ordinal);
        for (var m = IssueMonth.Parse("2025-01"); m.CompareTo(IssueMonth.Parse("2027-02")) <= 0; m = m.Next)
        {
            var issue = _composer.Compose(seeds.Model, m);
            foreach (var id in issue.News.Select(n => "nieuws:" + n.Id).Concat(issue.Terugblik.Select(t => "terugblik:" + t.EventId)))
            {
                Assert.False(seen.TryGetValue(id, out var earlier), $"{id} in {earlier} and {m}");
                seen[id] = m;
            }
        }

        // Every news item of the period is in some issue or joined an event of one (none is lost).
        var linked = seeds.Model.News.Where(n => n.Date.Year >= 2025 && n.EventId is null).Select(n => "nieuws:" + n.Id);
        Assert.All(linked, id => Assert.Contains(id, seen.Keys));
    }

    [Fact]
    public async Task Compose_January2026_PlansOfThatYearPerThemeNoSpotlight()
    {
        var issue = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-01"));
        var warnings = await Editor.WarningsAsync(seeds.Model, _composer.DefaultDraft(seeds.Model, IssueMonth.Parse("2026-01")), issue);

        var plans = Assert.IsType<PlansOverview>(issue.Plans);
        Assert.Equal(2026, plans.Year);
        Assert.Equal(seeds.ThemeIds, plans.Themes.Select(t => t.ThemeId));
        Assert.All(plans.Themes, t =>
        {
            Assert.Contains(". ", t.Summary + " ", StringComparison.Ordinal);
            Assert.InRange(t.Summary.Length, 60, 420);
            Assert.InRange(t.Highlights.Count, 1, 3);
            Assert.False(t.Summary.TrimEnd().EndsWith(':'), t.Summary);
        });
        Assert.Null(issue.Spotlight);
        Assert.DoesNotContain(warnings, w => w.Code == IssueWarning.NoPlan);
        Assert.Contains("de plannen voor 2026", issue.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_January2027WithoutJaarplan_WarnsAndHasNoStalePlans()
    {
        var month = IssueMonth.Parse("2027-01");
        var draft = _composer.DefaultDraft(seeds.Model, month);
        var issue = _composer.Build(seeds.Model, draft);
        var text = NewsletterRenderer.RenderText(Editor.GeneralView(issue));

        var warnings = await Editor.WarningsAsync(seeds.Model, draft, issue);

        Assert.Null(issue.Plans);
        Assert.Null(issue.Spotlight);
        Assert.DoesNotContain("plannen voor 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jaarplan 2026", text, StringComparison.Ordinal);
        var warning = Assert.Single(warnings, w => w.Code == IssueWarning.NoPlan);
        Assert.Contains("geen jaarplan 2027", warning.Message, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Code == IssueWarning.Empty);
    }

    [Fact]
    public async Task Compose_December2026_NoRegistrationForThePastLeerhuisNoEmptyTerugblik()
    {
        var month = IssueMonth.Parse("2026-12");
        var composed = await Editor.ComposeAsync(seeds.Model, month);
        var warnings = await Editor.WarningsAsync(seeds.Model, _composer.DefaultDraft(seeds.Model, month), composed.Issue);

        Assert.Empty(composed.Issue.Agenda);
        Assert.Empty(composed.Issue.Terugblik);
        Assert.Empty(composed.Issue.News);
        Assert.DoesNotContain("Meld u aan", composed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Terugblik", composed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Terugblik", composed.Html, StringComparison.Ordinal);
        var recap = Assert.Single(warnings, w => w.Code == IssueWarning.HeldWithoutRecap);
        Assert.Equal("2026-11-16-leerhuis", recap.ItemId);
        Assert.NotNull(composed.Issue.Plans);
    }

    [Fact]
    public void Compose_March2026_InvitesToTheLeerhuisAndRecapsItInApril()
    {
        var march = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-03"));
        var april = _composer.Compose(seeds.Model, IssueMonth.Parse("2026-04"));

        var invitation = Assert.Single(march.Agenda);
        Assert.Equal("2026-03-23-leerhuis", invitation.EventId);
        Assert.Equal("https://bot.var.test/agenda/2026-03-23-leerhuis.ics", invitation.IcsUrl);
        Assert.Empty(march.Terugblik);
        Assert.DoesNotContain(march.News, n => n.Id == "2026-03-24-leerhuis-strategisch-beleidsplan");
        var recap = Assert.Single(april.Terugblik);
        Assert.Equal("2026-03-23-leerhuis", recap.EventId);
        Assert.Contains("23 maart", recap.Recap, StringComparison.Ordinal);
        Assert.DoesNotContain(april.Agenda, a => a.EventId == "2026-03-23-leerhuis");
        Assert.DoesNotContain(april.News, n => n.Id == "2026-03-24-leerhuis-strategisch-beleidsplan");
    }
}
