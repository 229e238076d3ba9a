using System.Globalization;
using System.Text.Json.Nodes;
using VarBot.Bot.Answers;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Model;

namespace VarBot.Bot.Teams.Cards;

/// <summary>
/// Keeps an answer's agenda card (cards/events.json) current. When the card is made, its data and the day go into the
/// card's refresh (Action.Execute "refreshEvents"); when Teams shows the card later, the bot renders the same data
/// again, except that a meeting that has taken place since is "geweest" and no meeting in the past offers "Zet in mijn
/// agenda". The answer's own wording comes from the answering engine, so it is kept, not rebuilt; only an intro that
/// spoke of a meeting as coming is replaced.
/// </summary>
internal sealed class EventsCardRefresh(ICardRenderer renderer)
{
    public const string RefreshVerb = "refreshEvents";

    /// <summary>The refresh data for an agenda card about to be rendered from <paramref name="cardData"/>, answered for <paramref name="today"/>.</summary>
    public JsonObject For(JsonObject cardData, DateOnly today)
    {
        var card = (JsonObject)cardData.DeepClone();
        card.Remove("refresh");
        return new JsonObject { ["asOf"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["card"] = card };
    }

    /// <summary>The card as it should look on <paramref name="today"/>, or null when the refresh data is not one of ours.</summary>
    public JsonObject? Refresh(JsonObject? refresh, KnowledgeModel model, DateOnly today)
    {
        if (refresh?["card"] is not JsonObject stored || stored["events"] is not JsonArray
            || !DateOnly.TryParseExact(Text(refresh["asOf"]), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            return null;
        }

        var data = (JsonObject)stored.DeepClone();
        var changed = false;
        foreach (var item in data["events"]!.AsArray().OfType<JsonObject>())
        {
            if (Text(item["id"]) is not { } id || model.Events.FirstOrDefault(e => e.Id == id) is not { } meeting || EventCards.IsUpcoming(meeting, today))
            {
                continue;
            }

            item.Remove("icsUrl");
            if (EventCards.IsUpcoming(meeting, asOf) && meeting.Status != EventStatus.Cancelled)
            {
                item["status"] = BotTexts.EventHeld;
                changed = true;
            }
        }

        if (changed)
        {
            data["intro"] = BotTexts.EventsRefreshedIntro;
        }

        data["refresh"] = refresh.DeepClone();
        return renderer.Render("events", data);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
