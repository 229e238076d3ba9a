using System.Text.Json.Nodes;
using Microsoft.Playwright;
using VarBot.Answering;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// End to end: headless Chromium drives the real Microsoft 365 Agents Playground (npm, on loopback, telemetry off)
/// against the running bot host. The page may reach loopback only; everything else (CDN fonts) is aborted.
/// </summary>
public sealed class PlaygroundEndToEndTests : IClassFixture<AzuriteFixture>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Cards = ".ac-adaptiveCard";
    private const string ComposeBox = "[data-lexical-editor=\"true\"][role=\"textbox\"]";
    // Generous: on a loaded 2-core CI machine the Playground's bundle alone can take tens of seconds.
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly AzuriteFixture _azurite;

    public PlaygroundEndToEndTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Playground_WelcomeQuestionsAndFollowUpButton_ShowTheRightCards()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: apt-get install -y chromium (scripts/setup.sh does this)");
        await using var host = new BotHostFactory(_azurite, AzuriteFixture.UniqueContainerName("e2e"));
        using var client = await host.StartAsync();
        var botUrl = new Uri(client.BaseAddress!, "/api/messages");
        var port = LocalServer.FreePort();
        using var playground = LocalServer.Start(
            "agentsplayground",
            ["-e", botUrl.ToString(), "-c", "msteams", "-p", port.ToString(), "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry"],
            [port],
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true",
                ["NODE_OPTIONS"] = "--require " + Path.Combine(RepoPaths.Tools, "loopback-only.js"),
            });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "Europe/Amsterdam", Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        await page.RouteAsync("**/*", route => IsLoopback(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        var engine = AnswerEngine.Build(VarBot.Knowledge.Import.KnowledgeImporter.Import(RepoPaths.Seeds).Model);

        // The welcome card on install.
        await page.GotoAsync($"http://127.0.0.1:{port}/");
        await WaitForCardAsync(page, 1, "Welkom bij VarBot");
        await SaveScreenshotAsync(page, "playground-welcome");

        // A theme question, the next Leerhuis, a budget question: each card as the engine answers it.
        ConversationContext? previous = null;
        var cardCount = 1;
        foreach (var question in new[] { "Wat heeft de VAR in 2025 gedaan aan digitale veiligheid?", "wanneer is het volgende Leerhuis", "Wat is de begroting voor 2026?" })
        {
            var expected = engine.Ask(new Question(question, today, previous));
            previous = expected.Context;
            await SendAsync(page, question);
            var text = await WaitForCardAsync(page, ++cardCount, Title(expected));
            AssertRightCard(expected, text, question);
            await SaveScreenshotAsync(page, $"playground-card-{cardCount}");
        }

        // A click on the budget card's first follow-up button.
        var budget = engine.Ask(new Question("Wat is de begroting voor 2026?", today));
        var followUp = budget.Suggestions[0];
        await page.Locator(Cards).Last.Locator($"button[title=\"{followUp.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]").ClickAsync();
        var followUpAnswer = engine.Ask(new Question(followUp, today, previous));
        var followUpText = await WaitForCardAsync(page, ++cardCount, Title(followUpAnswer));
        AssertRightCard(followUpAnswer, followUpText, followUp);
        await SaveScreenshotAsync(page, "playground-follow-up");
    }

    /// <summary>Keeps what a person would have seen (bin/.../screenshots/*.png), for looking at after a run.</summary>
    private static Task SaveScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png") });

    private static void AssertRightCard(Answer expected, string cardText, string question)
    {
        Assert.True(cardText.Contains(Title(expected), StringComparison.Ordinal), $"'{question}': card shows\n{cardText}");
        foreach (var key in new[] { "events", "rows", "done", "planned", "facts" })
        {
            if (expected.Card.Data[key] is JsonArray { Count: > 0 } items)
            {
                var first = items[0] is JsonObject o ? (string?)o["title"] ?? (string?)o["label"] ?? (string?)o["date"] : (string?)items[0];
                if (first is not null)
                {
                    Assert.True(cardText.Contains(first.Trim()[..Math.Min(40, first.Trim().Length)], StringComparison.Ordinal), $"'{question}': '{first}' missing from\n{cardText}");
                }
            }
        }
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var box = page.Locator(ComposeBox);
        await box.ClickAsync();
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private static string Title(Answer answer) => (string)answer.Card.Data["title"]!;

    /// <summary>
    /// Waits until the chat shows at least <paramref name="count"/> cards and one of the cards from the
    /// <paramref name="count"/>th on shows <paramref name="title"/> (fully rendered), and returns that card's text.
    /// A card that never shows it fails the test with what the page shows.
    /// </summary>
    private static async Task<string> WaitForCardAsync(IPage page, int count, string title)
    {
        try
        {
            var position = await page.WaitForFunctionAsync(
                """
                ([selector, count, title]) => {
                    const cards = [...document.querySelectorAll(selector)];
                    if (cards.length < count) return null;
                    const found = cards.slice(count - 1).findIndex(card => card.innerText.includes(title));
                    return found < 0 ? null : count + found; // 1-based: waitForFunction needs a truthy value
                }
                """,
                new object[] { Cards, count, title },
                // Every 100 ms, not on every animation frame (Playwright's default): innerText lays the cards out each time.
                new PageWaitForFunctionOptions { Timeout = (float)StepTimeout.TotalMilliseconds, PollingInterval = 100 });
            return await page.Locator(Cards).Nth(await position.JsonValueAsync<int>() - 1).InnerTextAsync();
        }
        catch (TimeoutException)
        {
            var chat = await page.Locator("body").InnerTextAsync();
            throw new Xunit.Sdk.XunitException($"card {count} with '{title}' did not appear; the page shows:\n{chat[Math.Max(0, chat.Length - 1500)..]}");
        }
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Scheme is "data" or "blob");
}
