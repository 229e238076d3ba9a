using AngleSharp.Html.Parser;
using VarBot.Newsletter.Composition;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Tests;

/// <summary>The mail template's promises: everything inline (no CSS inlining needed), the footer, and calendar links only ahead.</summary>
public sealed class MailTemplateTests(SeedsModelFixture seeds) : IClassFixture<SeedsModelFixture>, IAsyncLifetime
{
    private readonly NewsletterRenderer _renderer = new();
    private readonly IssueComposer _composer = Editorial.Composer();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _renderer.DisposeAsync();

    private async Task<string> RenderAsync(string month, Edition edition = Edition.Mail) =>
        await _renderer.RenderHtmlAsync(new DigestView(_composer.Compose(seeds.Model, IssueMonth.Parse(month)), ["mensenhandel"], "Zoë", "https://u.test/afmelden", "https://u.test/themas", edition));

    /// <summary>
    /// The check behind "no CSS inlining": PreMailer.Net (what we would use) moves every rule of the template's style
    /// block that it can inline onto the elements. If the template needs inlining, that changes some element's style
    /// attribute. It changes none, because the block holds only @media rules (dark mode, narrow screens), which cannot
    /// be inlined and which the clients that honour them read from the head.
    /// </summary>
    [Theory]
    [InlineData("2026-01")]
    [InlineData("2026-03")]
    public async Task Template_PreMailerInlining_ChangesNoStyleAttribute(string month)
    {
        var html = await RenderAsync(month);

        var inlined = PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false).Html;

        var parser = new HtmlParser();
        var before = parser.ParseDocument(html).All.Select(e => e.GetAttribute("style") ?? "").ToList();
        var after = parser.ParseDocument(inlined).All.Select(e => e.GetAttribute("style") ?? "").ToList();
        Assert.Equal(before.Count, after.Count);
        var changed = before.Zip(after).Count(p => Normalize(p.First) != Normalize(p.Second));
        Assert.Equal(0, changed);
        Assert.All(parser.ParseDocument(html).QuerySelectorAll("style"), s => Assert.DoesNotMatch(@"(^|\})\s*[.#a-z][^@{]*\{", StripMedia(s.TextContent)));
    }

    [Fact]
    public async Task Template_Footer_SenderAddressContactPrivacyWhyPreferencesApartFromUnsubscribe()
    {
        var document = new HtmlParser().ParseDocument(await RenderAsync("2026-03"));
        var footer = document.QuerySelector(".vb-foot")!;

        Assert.Contains("VeiligheidsAlliantie regio Rotterdam", footer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Postbus 1234, 3000 AA Rotterdam", footer.TextContent, StringComparison.Ordinal);
        Assert.Contains("omdat u zich hebt aangemeld", footer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Uw thema's: Mensenhandel.", footer.TextContent, StringComparison.Ordinal);
        var links = footer.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("mailto:nieuwsbrief@var.test", links["nieuwsbrief@var.test"]);
        Assert.Equal("https://www.veiligheidsalliantie.nl/privacy", links["Privacyverklaring"]);
        Assert.Equal("https://u.test/themas", links["Thema's wijzigen"]);
        Assert.Equal("https://u.test/afmelden", links["Afmelden"]);
        Assert.Contains("Bekijk in uw browser", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("color-scheme", document.Head!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme: dark", document.Head.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_EventBlock_WeekdayDateAndCalendarLinkOnlyAhead()
    {
        var document = new HtmlParser().ParseDocument(await RenderAsync("2026-03"));
        var april = new HtmlParser().ParseDocument(await RenderAsync("2026-04"));

        var block = document.GetElementById("2026-03-23-leerhuis")!;
        Assert.Contains("maandag 23 maart 2026", block.TextContent, StringComparison.Ordinal);
        Assert.Contains(block.QuerySelectorAll("a"), a => a.TextContent == "Zet in mijn agenda" && a.GetAttribute("href")!.EndsWith("/agenda/2026-03-23-leerhuis.ics", StringComparison.Ordinal));
        var recap = april.GetElementById("2026-03-23-leerhuis")!;
        Assert.DoesNotContain(recap.QuerySelectorAll("a"), a => a.TextContent == "Zet in mijn agenda");
        Assert.DoesNotContain("aanmelden", recap.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Template_WebVersion_NoPersonalLinksNoViewInBrowser()
    {
        var html = await RenderAsync("2026-03", Edition.Web);

        Assert.DoesNotContain("Bekijk in uw browser", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Afmelden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Uw thema", html, StringComparison.Ordinal);
        Assert.Contains("webversie", html, StringComparison.Ordinal);
    }

    private static string Normalize(string style) => string.Join(';', style.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The style block without its @media blocks: what would be left to inline.</summary>
    private static string StripMedia(string css)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < css.Length)
        {
            var at = css.IndexOf("@media", i, StringComparison.Ordinal);
            if (at < 0)
            {
                result.Append(css[i..]);
                break;
            }

            result.Append(css[i..at]);
            var depth = 0;
            var j = css.IndexOf('{', at);
            for (; j < css.Length; j++)
            {
                depth += css[j] == '{' ? 1 : css[j] == '}' ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }

            i = j + 1;
        }

        return result.ToString();
    }
}
