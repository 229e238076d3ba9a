using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Teams.Cards;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Teams.Search;

/// <summary>
/// The search-based message extension (invoke "composeExtension/query", answered inline): a member types "leerhuis" or
/// "mensenhandel" in the compose box of any chat and picks an event, theme or news item; each result is an Adaptive Card
/// to insert plus a thumbnail preview for the result list (Teams "Respond to search command").
/// </summary>
internal sealed class MessageExtensionHandler(
    IBotKnowledge knowledge,
    EventCards eventCards,
    ICardRenderer renderer,
    WhatsNewHandler news,
    TimeProvider timeProvider,
    ILogger<MessageExtensionHandler> logger) : ITurnHandler
{
    public const string QueryInvoke = "composeExtension/query";
    public const string CommandId = "zoeken";
    public const string QueryParameter = "zoekterm";

    /// <summary>Teams shows at most 25 results per page.</summary>
    private const int MaxResults = 25;

    private const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = turn.Activity;
        if (knowledge.Model is not { } model)
        {
            await turn.SendInvokeResponseAsync(new InvokeResponse(200, Message(BotTexts.SearchModelNotLoaded)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var query = Query.From(activity.Value);
        logger.SearchText(query.Text);
        var today = TurnInput.Today(activity, timeProvider);
        var hits = KnowledgeSearch.Find(model, query.Text, today).Skip(query.Skip).Take(Math.Min(query.Count, MaxResults)).ToList();
        var body = hits.Count == 0
            ? Message(BotTexts.SearchNothingFound)
            : new JsonObject
            {
                ["composeExtension"] = new JsonObject
                {
                    ["type"] = "result",
                    ["attachmentLayout"] = "list",
                    ["attachments"] = new JsonArray([.. hits.Select(hit => (JsonNode?)Result(model, hit, today))]),
                },
            };
        logger.SearchAnswered(hits.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, activity.Id);
        await turn.SendInvokeResponseAsync(new InvokeResponse(200, body), cancellationToken).ConfigureAwait(false);
    }

    private JsonObject Result(KnowledgeModel model, SearchHit hit, DateOnly today)
    {
        var (card, title, text) = hit.Kind switch
        {
            HitKind.Event => EventResult(model, model.Events.First(e => e.Id == hit.Id), today),
            HitKind.Theme => ThemeResult(model, model.Themes.First(t => t.Id == hit.Id)),
            _ => NewsResult(model, model.News.First(n => n.Id == hit.Id)),
        };
        return new JsonObject
        {
            ["contentType"] = Attachment.AdaptiveCardContentType,
            ["content"] = card,
            ["preview"] = new JsonObject
            {
                ["contentType"] = ThumbnailContentType,
                ["content"] = new JsonObject { ["title"] = title, ["text"] = text },
            },
        };
    }

    private (JsonObject Card, string Title, string Text) EventResult(KnowledgeModel model, Event meeting, DateOnly today)
    {
        var text = $"{EventCards.DateText(meeting)} · {DutchFormat.EventTypeLabel(meeting.Type)} · {EventCards.Status(meeting, today)}";
        if (!string.IsNullOrWhiteSpace(meeting.Topic))
        {
            text += " · " + meeting.Topic;
        }

        return (eventCards.Event(model, meeting, today, reminder: false), meeting.Title, text);
    }

    private (JsonObject Card, string Title, string Text) ThemeResult(KnowledgeModel model, Theme theme)
    {
        var report = model.Reports.OrderByDescending(r => r.ReportYear).FirstOrDefault(r => model.Passages.Any(p => p.ReportId == r.Id && p.ThemeId == theme.Id));
        var passages = report is null ? [] : model.Passages.Where(p => p.ReportId == report.Id && p.ThemeId == theme.Id).ToList();
        var done = passages.Where(p => p.Kind == PassageKind.Done).OrderBy(p => p.IsBullet).Select(p => WithoutLeadIn(p.Text)).FirstOrDefault(t => t.Length > 0);
        var planned = passages
            .Where(p => p.Kind == PassageKind.Planned)
            .OrderByDescending(p => p.IsBullet)
            .Select(p => WithoutLeadIn(p.Text))
            .Where(t => t.Length > 0)
            .Take(3)
            .Select(t => DutchFormat.Truncate(t, 200))
            .ToList();
        var card = renderer.Render("themeSummary", new JsonObject
        {
            ["title"] = theme.Name,
            ["intro"] = theme.FormerNames.Count > 0 ? BotTexts.ThemeFormerNames(theme.FormerNames) : BotTexts.ThemeIntro,
            ["text"] = done is null ? "" : DutchFormat.Truncate(done, 400),
            ["planned"] = new JsonArray([.. planned.Select(p => (JsonNode?)JsonValue.Create(p))]),
            ["plannedLabel"] = report is null ? "" : BotTexts.ThemePlanned(report.PlanYear),
            ["sources"] = report is null ? new JsonArray() : new JsonArray(report.Title),
        });
        return (card, theme.Name, done is null ? BotTexts.ThemeIntro : DutchFormat.Truncate(done, 120));
    }

    /// <summary>
    /// A passage without its closing lead-in to a list ("Hieronder een aantal van de activiteiten:"), which reads as
    /// cut off on its own; empty when the passage is nothing but a lead-in.
    /// </summary>
    private static string WithoutLeadIn(string text)
    {
        text = text.Trim();
        if (!text.EndsWith(':'))
        {
            return text;
        }

        var end = text.LastIndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? "" : text[..(end + 1)];
    }

    private (JsonObject Card, string Title, string Text) NewsResult(KnowledgeModel model, NewsItem item) =>
        (news.Card(model, item), item.Title, $"{DutchFormat.Date(item.Date)} · {DutchFormat.Truncate(item.Summary, 100)}");

    private static JsonObject Message(string text) =>
        new() { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text } };

    /// <summary>The invoke's value (MessagingExtensionQuery): the typed text, or empty on the initial run.</summary>
    private sealed record Query(string Text, int Skip, int Count)
    {
        public static Query From(JsonNode? value)
        {
            var text = "";
            var query = value as JsonObject;
            if (query?["parameters"] is JsonArray parameters)
            {
                foreach (var parameter in parameters.OfType<JsonObject>())
                {
                    if (TurnInput.StringField(parameter, "name") is { } name && name != "initialRun" && TurnInput.StringField(parameter, "value") is { } typed)
                    {
                        text = typed;
                    }
                }
            }

            var options = query?["queryOptions"] as JsonObject;
            var skip = options?["skip"] is JsonValue s && s.TryGetValue<int>(out var sk) ? Math.Max(0, sk) : 0;
            var count = options?["count"] is JsonValue c && c.TryGetValue<int>(out var co) && co > 0 ? co : MaxResults;
            return new Query(text.Length > 100 ? text[..100] : text, skip, count);
        }
    }
}
