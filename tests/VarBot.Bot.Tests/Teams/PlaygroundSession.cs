using Microsoft.Playwright;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm, loopback only, telemetry off) against a running bot host, driven by headless
/// Chromium that may reach loopback only. Selectors were found on Playground 0.2.28.
/// </summary>
internal sealed class PlaygroundSession : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Cards = ".ac-adaptiveCard";
    public const string Editor = "[data-lexical-editor=\"true\"][role=\"textbox\"]";
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly LocalServer _playground;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PlaygroundSession(LocalServer playground, IPlaywright playwright, IBrowser browser, IPage page, int port)
    {
        _playground = playground;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        Port = port;
    }

    public IPage Page { get; }

    public int Port { get; }

    /// <summary>The connector address the Playground gives activities (proactive messages go here too).</summary>
    public string ServiceUrl => $"http://127.0.0.1:{Port}/_connector";

    /// <summary>Starts the Playground on <paramref name="port"/> (see <see cref="LocalServer.FreePort"/>) for the bot at <paramref name="botMessages"/>.</summary>
    public static async Task<PlaygroundSession> StartAsync(Uri botMessages, int port)
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: apt-get install -y chromium (scripts/setup.sh does this)");
        var playground = LocalServer.Start(
            "agentsplayground",
            ["-e", botMessages.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry"],
            [port],
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true",
                ["NODE_OPTIONS"] = "--require " + Path.Combine(RepoPaths.Tools, "loopback-only.js"),
            });
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Europe/Amsterdam", Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        await page.RouteAsync("**/*", route => IsLoopback(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync($"http://127.0.0.1:{port}/");
        var session = new PlaygroundSession(playground, playwright, browser, page, port);
        await session.WaitForTextAsync("Welkom bij VarBot");
        return session;
    }

    public Task OpenAsync(string conversation) => Page.Locator($"[aria-label=\"{conversation}\"]").ClickAsync();

    /// <summary>Types a message in the 1:1 or group chat and sends it.</summary>
    public async Task SendAsync(string text)
    {
        var box = Page.Locator(Editor).Last;
        await box.ClickAsync();
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>Starts a new post in the open channel, optionally @mentioning the bot ("Test Bot" in the Playground).</summary>
    public async Task PostAsync(string text, bool mentionBot)
    {
        var editor = Page.Locator(Editor).First;
        await editor.ClickAsync();
        if (mentionBot)
        {
            await editor.PressAsync("@");
            await editor.PressAsync("T");
            await Page.Locator("#typeahead-menu [role=\"menuitem\"]:has-text(\"Test Bot\")").ClickAsync();
            await Page.Keyboard.TypeAsync(" ");
        }

        await Page.Keyboard.TypeAsync(text);
        await Page.Locator("button:text-is(\"Post\")").ClickAsync();
    }

    /// <summary>Opens the search extension (the "+" of the compose box), searches and returns the result titles.</summary>
    public async Task SearchAsync(string text)
    {
        await Page.Locator("[aria-label=\"Trigger Message Extension App\"]").Last.ClickAsync();
        await Page.Locator("text=Search Command").ClickAsync();
        await Page.Locator("text=Specify Command ID or Parameter").ClickAsync();
        await Page.Locator("input[placeholder=\"Command ID\"]").FillAsync("zoeken");
        await Page.Locator("input[placeholder=\"Parameter name\"]").FillAsync("zoekterm");
        var search = Page.Locator("input[placeholder=\"Enter a search term\"]");
        await search.FillAsync(text);
        await search.PressAsync("Enter");
    }

    /// <summary>Waits until the page shows <paramref name="text"/>; on timeout the error shows the end of the page.</summary>
    public async Task WaitForTextAsync(string text)
    {
        try
        {
            // Every 100 ms, not on every animation frame (Playwright's default): innerText lays out the whole Playground page,
            // and 60 layouts a second kept Chromium busy for as long as an answer took.
            await Page.WaitForFunctionAsync("t => document.body.innerText.includes(t)", text, new PageWaitForFunctionOptions { Timeout = (float)StepTimeout.TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync("playground-timeout");
            var body = await Page.Locator("body").InnerTextAsync();
            throw new Xunit.Sdk.XunitException($"'{text}' did not appear; the page shows:\n{body[Math.Max(0, body.Length - 2000)..]}");
        }
    }

    public async Task<int> CountAsync(string text) =>
        await Page.EvaluateAsync<int>("t => document.body.innerText.split(t).length - 1", text);

    /// <summary>Keeps what a person would have seen (bin/.../screenshots/*.png), for looking at after a run.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png") });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _playground.Dispose();
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Scheme is "data" or "blob");
}
