using System.Text.Json.Nodes;
using VarBot.Bot.Tests.Infrastructure;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// Cards that stay current: the refresh invoke (adaptiveCard/action with the card's own refresh verb and data) over the
/// protocol against the real host, before and after the meeting.
/// </summary>
[Collection(BotHostCollection.Name)]
public sealed class CardRefreshTests(BotHostFixture fixture)
{
    [Fact]
    public async Task Refresh_EventCardBeforeTheMeeting_PlannedWithAgendaButton()
    {
        var card = await SearchCardAsync("2026-11-01T10:00:00+01:00");

        var (status, body) = await fixture.Client.InvokeAsync(TeamsActivities.Refresh(card, "a:refresh-1", "2026-11-10T08:00:00+01:00"));

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body!["type"]);
        var refreshed = body["value"]!;
        Assert.Contains("gepland", refreshed.CardText());
        Assert.Contains(refreshed.AllActions(), a => (string?)a["title"] == "Zet in mijn agenda");
        Assert.Equal("refreshEvent", (string?)refreshed["refresh"]!["action"]!["verb"]);
    }

    [Fact]
    public async Task Refresh_EventCardAfterTheMeeting_GeweestWithoutAgendaButton()
    {
        var card = await SearchCardAsync("2026-11-01T10:00:00+01:00");
        Assert.Contains(card.AllActions(), a => (string?)a["title"] == "Zet in mijn agenda");

        var (_, body) = await fixture.Client.InvokeAsync(TeamsActivities.Refresh(card, "a:refresh-2", "2026-11-17T09:00:00+01:00"));

        var refreshed = body!["value"]!;
        Assert.Contains("geweest", refreshed.CardText());
        Assert.DoesNotContain("gepland", refreshed.CardText());
        Assert.DoesNotContain(refreshed.AllActions(), a => (string?)a["title"] == "Zet in mijn agenda");
    }

    [Fact]
    public async Task Refresh_ReminderCard_LeadCountsDaysFromTheViewersDay()
    {
        var data = new JsonObject { ["eventId"] = "2026-11-16-leerhuis", ["reminder"] = true };
        var activity = Activities.Invoke("a:refresh-3", "refreshEvent", data);

        activity["localTimestamp"] = "2026-11-13T09:00:00+01:00";
        var (_, threeDays) = await fixture.Client.InvokeAsync(activity);
        activity["localTimestamp"] = "2026-11-15T21:00:00+01:00";
        var (_, tomorrow) = await fixture.Client.InvokeAsync(activity);
        activity["localTimestamp"] = "2026-11-20T09:00:00+01:00";
        var (_, after) = await fixture.Client.InvokeAsync(activity);

        Assert.Contains("Herinnering: over 3 dagen", threeDays!["value"]!.CardText());
        Assert.Contains("Herinnering: morgen", tomorrow!["value"]!.CardText());
        Assert.DoesNotContain("Herinnering", after!["value"]!.CardText());
        Assert.Contains("geweest", after["value"]!.CardText());
    }

    [Fact]
    public async Task Refresh_EventNoLongerInModel_ErrorKeepsTheCard()
    {
        var activity = Activities.Invoke("a:refresh-4", "refreshEvent", new JsonObject { ["eventId"] = "1999-01-01-verdwenen" });

        var (status, body) = await fixture.Client.InvokeAsync(activity);

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.microsoft.error", (string?)body!["type"]);
        Assert.Equal(404, (int?)body["statusCode"]);
    }

    [Fact]
    public async Task Refresh_AnswerAgendaCardAfterTheMeeting_GeweestAndNoAgendaButtonRestKept()
    {
        var reply = await fixture.Client.AskAsync("Wanneer is het volgende Leerhuis?", "a:agenda-" + Guid.NewGuid().ToString("N"), "2026-11-01T10:00:00+01:00");
        var card = reply.Card();
        Assert.Equal("refreshEvents", (string?)card["refresh"]!["action"]!["verb"]);
        Assert.Contains("gepland", card.CardText());
        Assert.Contains(card.AllActions(), a => (string?)a["title"] == "Zet in mijn agenda");

        var (_, before) = await fixture.Client.InvokeAsync(TeamsActivities.Refresh(card, "a:agenda-r", "2026-11-10T10:00:00+01:00"));
        var (_, after) = await fixture.Client.InvokeAsync(TeamsActivities.Refresh(card, "a:agenda-r", "2026-11-17T10:00:00+01:00"));

        // Before the meeting the card is the same card (the client replaces it by what it already shows).
        Assert.Equal(Strip(card).ToJsonString(), Strip(before!["value"]!.AsObject()).ToJsonString());
        var refreshed = after!["value"]!;
        Assert.Contains("geweest", refreshed.CardText());
        Assert.DoesNotContain("gepland", refreshed.CardText());
        Assert.DoesNotContain(refreshed.AllActions(), a => (string?)a["title"] == "Zet in mijn agenda");
        Assert.Contains("Bijgewerkt", refreshed.CardText());
        Assert.Equal(card.SubmitActions().Select(a => a.Title), refreshed.SubmitActions().Select(a => a.Title)); // follow-ups and feedback stay
        Assert.Equal("refreshEvents", (string?)refreshed["refresh"]!["action"]!["verb"]); // and it keeps refreshing
    }

    [Theory]
    [InlineData("""{"card":"x"}""")]
    [InlineData("""{"card":{"events":[{"id":5}]},"asOf":20261101}""")]
    [InlineData("""{"card":{"events":"none"},"asOf":"2026-11-01"}""")]
    public async Task Refresh_AgendaWithForeignData_ErrorKeepsTheCard(string data)
    {
        var (status, body) = await fixture.Client.InvokeAsync(Activities.Invoke("a:agenda-bad", "refreshEvents", JsonNode.Parse(data)!.AsObject()));

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.microsoft.error", (string?)body!["type"]);
    }

    /// <summary>The card without what only the original message has (its plain-text fallback).</summary>
    private static JsonObject Strip(JsonObject card)
    {
        var copy = card.DeepClone().AsObject();
        copy.Remove("fallbackText");
        return copy;
    }

    private async Task<JsonObject> SearchCardAsync(string localTimestamp)
    {
        var (_, body) = await fixture.Client.InvokeAsync(TeamsActivities.Query("leerhuis", "a:refresh-search", localTimestamp));
        return body!["composeExtension"]!["attachments"]![0]!["content"]!.AsObject();
    }
}
