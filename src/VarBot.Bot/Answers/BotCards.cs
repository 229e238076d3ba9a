using System.Text.Json.Nodes;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Calendar;

namespace VarBot.Bot.Answers;

/// <summary>Builds the data for each card the bot sends and renders it from cards/ (CARD-CONTRACT.md).</summary>
internal sealed class BotCards(ICardRenderer renderer, PublicAddress address, IBotKnowledge knowledge)
{
    /// <summary>The agenda path of an event's .ics file, as served by this host.</summary>
    public static string IcsPath(string eventId) => "/agenda/" + Uri.EscapeDataString(eventId) + ".ics";

    public JsonObject Answer(EngineAnswer answer, string answerId)
    {
        var data = (JsonObject)answer.Data.DeepClone();
        data["answerId"] = answerId;
        data["title"] ??= "";
        data["intro"] ??= "";
        data["sources"] ??= new JsonArray();
        data["suggestions"] ??= new JsonArray(answer.Suggestions.Take(4).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        if (data["events"] is JsonArray events)
        {
            AddCalendarLinks(events);
        }

        var card = renderer.Render(answer.Template, data);
        // The answer's plain text is the card's fallback: clients that cannot show the card show this instead.
        card["fallbackText"] = answer.Text;
        return card;
    }

    /// <summary>Every event with an exact date gets an absolute link to its .ics file ("Zet in mijn agenda").</summary>
    private void AddCalendarLinks(JsonArray events)
    {
        var baseUrl = address.BaseUrl;
        var model = knowledge.Model;
        foreach (var item in events.OfType<JsonObject>())
        {
            var existing = item["icsUrl"] is JsonValue v && v.TryGetValue<string>(out var url) ? url : null;
            if (existing is not null && Uri.IsWellFormedUriString(existing, UriKind.Absolute))
            {
                continue;
            }

            var id = item["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var eventId) ? eventId : null;
            if (existing is null && (id is null || model?.Events.FirstOrDefault(e => e.Id == id) is not { } known || !IcsWriter.CanWrite(known)))
            {
                item.Remove("icsUrl");
                continue;
            }

            var path = existing ?? (id is null ? null : IcsPath(id));
            if (path is null || baseUrl is null)
            {
                item.Remove("icsUrl");
                continue;
            }

            item["icsUrl"] = baseUrl + (path.StartsWith('/') ? path : "/" + path);
        }
    }

    public JsonObject Welcome() => ExampleCard(BotTexts.WelcomeTitle, BotTexts.WelcomeText);

    public JsonObject Help() => ExampleCard(BotTexts.HelpTitle, BotTexts.HelpText);

    /// <summary>The subscription form: e-mail, optional name and the current themes; after a refusal, with the error and what was typed.</summary>
    public JsonObject Subscribe(IReadOnlyList<(string Id, string Name)> themes, string? error = null, SubscriptionInput? typed = null) =>
        renderer.Render("subscribe", new JsonObject
        {
            ["title"] = BotTexts.SubscribeTitle,
            ["text"] = BotTexts.SubscribeText,
            ["error"] = error ?? "",
            ["email"] = typed?.Email ?? "",
            ["name"] = typed?.Name ?? "",
            ["selected"] = string.Join(",", typed?.Themes.Where(t => themes.Any(c => c.Id == t)) ?? []),
            ["themes"] = new JsonArray([.. themes.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name })]),
        });

    public JsonObject Error(string text) => renderer.Render("error", new JsonObject
    {
        ["title"] = BotTexts.ErrorTitle,
        ["intro"] = "",
        ["text"] = text,
        ["sources"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
        ["answerId"] = "",
    });

    private JsonObject ExampleCard(string title, string text) => renderer.Render("welcome", new JsonObject
    {
        ["title"] = title,
        ["intro"] = "",
        ["text"] = text,
        ["examples"] = new JsonArray(BotTexts.Examples.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        ["sources"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
        ["answerId"] = "",
    });
}
