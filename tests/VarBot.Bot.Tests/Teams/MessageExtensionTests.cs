using System.Text.Json.Nodes;
using VarBot.Bot.Tests.Infrastructure;

namespace VarBot.Bot.Tests.Teams;

/// <summary>The search-based message extension (invoke "composeExtension/query") over the protocol against the real host.</summary>
[Collection(BotHostCollection.Name)]
public sealed class MessageExtensionTests(BotHostFixture fixture)
{
    private const string BeforeLastLeerhuis = "2026-11-01T10:00:00+01:00";

    [Fact]
    public async Task Query_Leerhuis_ReturnsResultListOfCardsWithThumbnailPreviews()
    {
        var (status, body) = await fixture.Client.InvokeAsync(TeamsActivities.Query("leerhuis", "a:me-1", BeforeLastLeerhuis));

        Assert.Equal(200, status);
        var result = body!["composeExtension"]!;
        Assert.Equal("result", (string?)result["type"]);
        Assert.Equal("list", (string?)result["attachmentLayout"]);
        var attachments = result["attachments"]!.AsArray();
        Assert.InRange(attachments.Count, 2, 25);
        Assert.All(attachments, a =>
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)a!["contentType"]);
            Assert.Equal("AdaptiveCard", (string?)a["content"]!["type"]);
            Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)a["preview"]!["contentType"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)a["preview"]!["content"]!["title"]));
        });

        // The next Leerhuis comes first, with its date and "Zet in mijn agenda".
        var first = attachments[0]!;
        Assert.Equal("Leerhuis", (string?)first["preview"]!["content"]!["title"]);
        Assert.Contains("16 november 2026", (string?)first["preview"]!["content"]!["text"]);
        var card = first["content"]!;
        Assert.Contains("gepland", card.CardText());
        Assert.Contains(card.AllActions(), a => (string?)a["title"] == "Zet in mijn agenda" && ((string?)a["url"])!.EndsWith("/agenda/2026-11-16-leerhuis.ics", StringComparison.Ordinal));
        Assert.Equal("refreshEvent", (string?)card["refresh"]!["action"]!["verb"]);
    }

    [Fact]
    public async Task Query_Mensenhandel_FindsTheThemeAndNewsItems()
    {
        var (_, body) = await fixture.Client.InvokeAsync(TeamsActivities.Query("mensenhandel", "a:me-2", BeforeLastLeerhuis));

        var titles = body!["composeExtension"]!["attachments"]!.AsArray().Select(a => (string?)a!["preview"]!["content"]!["title"]).ToList();
        Assert.Contains("Mensenhandel", titles);
        var theme = body["composeExtension"]!["attachments"]!.AsArray().First(a => (string?)a!["preview"]!["content"]!["title"] == "Mensenhandel")!["content"]!;
        Assert.Contains("Gepland voor 2026", theme.CardText());
        Assert.Contains("Jaarverslag 2025 / Jaarplan 2026", theme.CardText());
        Assert.Contains(titles, t => t!.Contains("Mensenhandelmonitor", StringComparison.OrdinalIgnoreCase) || t.Contains("mensenhandel", StringComparison.OrdinalIgnoreCase) && t != "Mensenhandel");
    }

    [Fact]
    public async Task Query_AccentsAndCaseIgnored_FindsNewsItem()
    {
        var (_, body) = await fixture.Client.InvokeAsync(TeamsActivities.Query("KOFFER", "a:me-3", BeforeLastLeerhuis));

        var news = Assert.Single(body!["composeExtension"]!["attachments"]!.AsArray());
        Assert.Contains("Koffer", (string?)news!["preview"]!["content"]!["title"]);
        Assert.Contains(news["content"]!.AllActions(), a => (string?)a["type"] == "Action.OpenUrl" && (string?)a["title"] == "Lees meer");
    }

    [Fact]
    public async Task Query_InitialRun_ListsUpcomingEventsThenNews()
    {
        var (_, body) = await fixture.Client.InvokeAsync(TeamsActivities.Query(null, "a:me-4", BeforeLastLeerhuis));

        var attachments = body!["composeExtension"]!["attachments"]!.AsArray();
        Assert.Equal("Leerhuis", (string?)attachments[0]!["preview"]!["content"]!["title"]);
        Assert.Contains("16 november 2026", (string?)attachments[0]!["preview"]!["content"]!["text"]);
        Assert.Contains(attachments, a => (string?)a!["preview"]!["content"]!["title"] == "Laatste Leerhuis van 2026 op 16 november");
    }

    [Fact]
    public async Task Query_NothingFound_AnswersMessageInDutch()
    {
        var (status, body) = await fixture.Client.InvokeAsync(TeamsActivities.Query("xyzzyplugh", "a:me-5", BeforeLastLeerhuis));

        Assert.Equal(200, status);
        Assert.Equal("message", (string?)body!["composeExtension"]!["type"]);
        Assert.Contains("Niets gevonden", (string?)body["composeExtension"]!["text"]);
    }

    [Theory]
    [InlineData("""{"parameters":"not a list","queryOptions":{"skip":"x"}}""")]
    [InlineData("""{"parameters":[{"name":5,"value":{"x":1}}],"queryOptions":[]}""")]
    [InlineData("\"just text\"")]
    [InlineData("[1,2]")]
    public async Task Query_MalformedValue_AnswersWithoutError(string value)
    {
        var activity = TeamsActivities.Query("leerhuis", "a:me-6", BeforeLastLeerhuis);
        activity["value"] = JsonNode.Parse(value);

        var (status, body) = await fixture.Client.InvokeAsync(activity);

        Assert.Equal(200, status);
        Assert.NotNull(body!["composeExtension"]);
    }
}
