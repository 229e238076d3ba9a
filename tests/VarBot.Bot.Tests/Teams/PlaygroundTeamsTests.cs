using VarBot.Bot.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// Teams features in the Microsoft 365 Agents Playground (the official local Teams client) against the real host, where
/// the Playground supports them: a team channel (answer only when @mentioned, in the thread), citations and the search
/// extension.
/// The Playground does not read the manifest, so prompt starters cannot be shown there.
/// </summary>
public sealed class PlaygroundTeamsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Playground_ChannelCitationsAndSearchExtension_BehaveAsInTeams()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = new BotHostFactory(azurite, AzuriteFixture.UniqueContainerName("pgteams"), logs: logs, settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        using var client = await host.StartAsync();
        await using var playground = await PlaygroundSession.StartAsync(new Uri(client.BaseAddress!, "/api/messages"), LocalServer.FreePort());

        // A team channel: a post with @VarBot is answered in its thread; one without is not (like Teams, the Playground
        // does not even deliver it; the host's own rule is tested over the protocol in ChannelTests).
        await playground.OpenAsync("My Team - General");
        await playground.PostAsync("Wat is de begroting voor 2026?", mentionBot: false);
        await playground.PostAsync("Wie is de voorzitter van de VAR?", mentionBot: true);
        await playground.WaitForTextAsync("Theo Segers");
        Assert.Equal(0, await playground.CountAsync("€ 484.000"));
        Assert.Single(logs.Lines, l => l.Contains("routed to question", StringComparison.Ordinal));
        await playground.ScreenshotAsync("playground-channel-thread");

        // An answer in the 1:1 chat cites its source: the Playground shows the citation number, and its pop-up the
        // report with section and line.
        await playground.OpenAsync("Personal Chat");
        await playground.SendAsync("Wie is de voorzitter van de VAR?");
        var citation = playground.Page.Locator("a.fai-Citation").First;
        await citation.WaitForAsync();
        Assert.Equal("1", (await citation.InnerTextAsync()).Trim());
        await citation.HoverAsync();
        await playground.WaitForTextAsync("Voorwoord, regel");
        await playground.ScreenshotAsync("playground-citation");
        await playground.Page.Keyboard.PressAsync("Escape");

        // The search extension in the 1:1 chat: "mensenhandel" lists the theme; the chosen card goes into the chat.
        await playground.SearchAsync("mensenhandel");
        await playground.WaitForTextAsync("Mensenhandelmonitor");
        await playground.ScreenshotAsync("playground-search-results");
        await playground.Page.Locator("text=Mensenhandel >> nth=0").ClickAsync();
        await playground.Page.Locator("[aria-label=\"Send Message\"]").Last.ClickAsync();
        await playground.WaitForTextAsync("Gepland voor 2026");
        await WaitForLogAsync(logs, "routed to shared-card");
        Assert.Equal(0, await playground.CountAsync("Ik heb geen vraag gelezen"));
        await playground.ScreenshotAsync("playground-search-card-sent");
    }

    private static async Task WaitForLogAsync(CapturingLoggerProvider logs, string text)
    {
        var deadline = DateTime.UtcNow + PlaygroundSession.StepTimeout;
        while (!logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the host did not log '{text}'");
            await Task.Delay(50);
        }
    }
}
