using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VarBot.Newsletter.Composition;
using VarBot.Storage;
using VarBot.Templates.Views;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>The HTML email in headless Chromium (/usr/bin/chromium, never a downloaded browser), images served by the real host.</summary>
[Collection(ServersCollection.Name)]
public sealed class ChromiumTests(ServersFixture servers)
{
    [Theory]
    [InlineData(600)]
    [InlineData(375)]
    public async Task Render_AtWidth_NoHorizontalScrollNoBrokenImagesScreenshotWritten(int width)
    {
        var model = servers.Seeds.Model;
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("nl"));
        await container.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync(servers, container, model);
        var composed = await host.Services.GetRequiredService<IssueEditor>().ComposeAsync(model, IssueMonth.Parse("2026-03"));
        var html = await host.Services.GetRequiredService<NewsletterRenderer>().RenderHtmlAsync(
            new DigestView(composed.Issue, ["mensenhandel"], "Zoë", host.BaseUrl + "/nieuwsbrief/afmelden?token=x", host.BaseUrl + "/nieuwsbrief"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        // Only the loopback host may be reached.
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith(host.BaseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync());
        await page.GotoAsync(host.BaseUrl + "/nieuwsbrief");
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        var images = await page.EvaluateAsync<int>("() => document.images.length");
        var broken = await page.EvaluateAsync<int>("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length");
        var withoutAlt = await page.EvaluateAsync<int>("() => [...document.images].filter(i => !i.alt).length");
        var scripts = await page.EvaluateAsync<int>("() => document.scripts.length");
        var path = Path.Combine(RepoPaths.Root, "tests", "VarBot.Newsletter.Tests", "bin", "screenshots", $"nieuwsbrief-2026-03-{width}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        Assert.True(scrollWidth <= clientWidth, $"horizontal scroll: {scrollWidth} > {clientWidth}");
        Assert.True(images > 0);
        Assert.Equal(0, broken);
        Assert.Equal(0, withoutAlt);
        Assert.Equal(0, scripts);
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
