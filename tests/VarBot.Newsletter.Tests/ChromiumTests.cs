using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VarBot.Newsletter.Composition;
using VarBot.Storage;
using VarBot.Templates.Views;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>
/// The HTML email in headless Chromium (/usr/bin/chromium, never a downloaded browser), served by the real host, at
/// 600 and 375 px in light and dark mode. The screenshots are kept under .artifacts/screenshots/ for people to look at.
/// </summary>
public sealed class ChromiumTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, ".artifacts", "screenshots");

    [Theory]
    [InlineData(600, "light")]
    [InlineData(375, "light")]
    [InlineData(600, "dark")]
    [InlineData(375, "dark")]
    public async Task Render_AtWidthAndColorScheme_FitsReadableScreenshotKept(int width, string scheme)
    {
        var model = servers.Seeds.Model;
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("nl"));
        await container.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync(servers, container, model);
        var composer = new IssueComposer(new NewsletterLinks(host.BaseUrl), Editorial.Options());
        var issue = composer.Compose(model, IssueMonth.Parse("2026-03"));
        var html = await host.Services.GetRequiredService<NewsletterRenderer>().RenderHtmlAsync(
            new DigestView(issue, ["mensenhandel"], "Zoë", host.BaseUrl + "/nieuwsbrief/afmelden?token=x", host.BaseUrl + "/nieuwsbrief/afmelden?token=x"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browser.Options);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        await Browser.LoopbackOnlyAsync(page, host.BaseUrl);
        await page.GotoAsync(host.BaseUrl + "/nieuwsbrief");
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        var scripts = await page.EvaluateAsync<int>("() => document.scripts.length");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.vb-card')).backgroundColor");
        var text = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.vb-text')).color");
        var header = await page.InnerTextAsync("[role=img]");
        var path = Path.Combine(ScreenshotFolder, $"nieuwsbrief-2026-03-{width}-{scheme}.png");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        Assert.True(scrollWidth <= clientWidth, $"horizontal scroll: {scrollWidth} > {clientWidth}");
        Assert.Equal(0, scripts);
        Assert.Equal("VeiligheidsAlliantie regio Rotterdam", header);
        Assert.Equal(scheme == "dark", Browser.Luminance(background) < 0.2);
        Assert.True(Math.Abs(Browser.Luminance(background) - Browser.Luminance(text)) > 0.5, $"contrast {background} / {text}");
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}

/// <summary>Chromium for tests: the Debian build, headless, and no request leaves the loopback host.</summary>
internal static class Browser
{
    public static BrowserTypeLaunchOptions Options { get; } = new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    public static Task LoopbackOnlyAsync(IPage page, string baseUrl) =>
        page.RouteAsync("**/*", route => route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync());

    /// <summary>Relative luminance (0 black .. 1 white) of a CSS "rgb(r, g, b)" colour.</summary>
    public static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(p => double.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(parts[0]) + 0.7152 * Linear(parts[1]) + 0.0722 * Linear(parts[2]);
    }
}
