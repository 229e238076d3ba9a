using System.Text.Json.Nodes;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Teams.Search;

/// <summary>"Wat is nieuw?" (a prompt starter): the latest news items of communications staff, one card each.</summary>
internal sealed class WhatsNewHandler(IBotKnowledge knowledge, ICardRenderer renderer) : ITurnHandler
{
    private const int Count = 3;

    public static bool IsRequest(Activity activity) =>
        activity.Type == ActivityTypes.Message
        && BotTexts.WhatsNewPhrases.Contains(TurnInput.QuestionText(activity).ToLowerInvariant().TrimEnd('?', '!', '.', ' '), StringComparer.Ordinal);

    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var model = knowledge.Model;
        var latest = model?.News.OrderByDescending(n => n.Date).Take(Count).ToList() ?? [];
        var reply = turn.Activity.CreateReply(model is null ? BotTexts.ModelNotLoaded : latest.Count == 0 ? BotTexts.WhatsNewNone : BotTexts.WhatsNewReply);
        reply.Attachments = [.. latest.Select(item => Attachment.AdaptiveCard(Card(model!, item)))];
        return turn.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>cards/newsItem.json: title, date and themes, summary and "Lees meer".</summary>
    public JsonObject Card(KnowledgeModel model, NewsItem item)
    {
        var themes = string.Join(", ", item.Themes.Select(id => model.Themes.FirstOrDefault(t => t.Id == id)?.Name).OfType<string>());
        var data = new JsonObject
        {
            ["title"] = item.Title,
            ["meta"] = DutchFormat.Date(item.Date) + (themes.Length == 0 ? "" : " · " + themes),
            ["text"] = item.Summary,
        };
        if (item.Link is { } link && Uri.IsWellFormedUriString(link, UriKind.Absolute))
        {
            data["url"] = link;
        }

        return renderer.Render("newsItem", data);
    }
}
