using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Teams.Cards;

/// <summary>
/// The refresh of cards that stay current (Universal Actions: invoke "adaptiveCard/action" with the card's refresh verb,
/// sent by Teams when the card is shown): the card is built again from the model for the viewer's day and returned
/// inline, so after the meeting it says "geweest" and has no "Zet in mijn agenda".
/// </summary>
internal sealed class CardRefreshHandler(
    IBotKnowledge knowledge,
    EventCards eventCards,
    EventsCardRefresh eventsRefresh,
    TimeProvider timeProvider,
    ILogger<CardRefreshHandler> logger) : ITurnHandler
{
    public static bool IsRefresh(Activity activity) =>
        activity.Type == ActivityTypes.Invoke
        && activity.Name == TurnInput.AdaptiveCardActionInvoke
        && TurnInput.Verb(activity) is EventCards.RefreshVerb or EventsCardRefresh.RefreshVerb;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var data = TurnInput.DataOf(activity.Value);
        var trigger = activity.Value is JsonObject value && value["trigger"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        var today = TurnInput.Today(activity, timeProvider);
        if (TurnInput.Verb(activity) == EventsCardRefresh.RefreshVerb)
        {
            await RefreshAgendaAsync(turn, data, trigger, today, cancellationToken).ConfigureAwait(false);
            return;
        }

        var eventId = TurnInput.StringField(data, "eventId");
        var reminder = data?["reminder"] is JsonValue r && r.GetValueKind() == JsonValueKind.True;
        logger.CardRefreshed(EventCards.RefreshVerb, eventId is null ? 0 : 1, trigger, activity.Id);

        var model = knowledge.Model;
        var meeting = eventId is null ? null : model?.Events.FirstOrDefault(e => e.Id == eventId);
        var response = model is null ? Error(503, "ModelNotLoaded", BotTexts.ModelNotLoaded)
            : meeting is null ? Error(404, "EventNotFound", BotTexts.EventNotInModel)
            : InvokeResponse.AdaptiveCard(eventCards.Event(model, meeting, today, reminder));
        await turn.SendInvokeResponseAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An answer's agenda card: the stored data again, with meetings that took place since marked "geweest".</summary>
    private async Task RefreshAgendaAsync(ITurnContext turn, JsonObject? data, string? trigger, DateOnly today, CancellationToken cancellationToken)
    {
        var count = data?["card"] is JsonObject { } stored && stored["events"] is JsonArray events ? events.Count : 0;
        logger.CardRefreshed(EventsCardRefresh.RefreshVerb, count, trigger, turn.Activity.Id);
        var response = knowledge.Model is not { } model ? Error(503, "ModelNotLoaded", BotTexts.ModelNotLoaded)
            : eventsRefresh.Refresh(data, model, today) is { } card ? InvokeResponse.AdaptiveCard(card)
            : Error(400, "BadRefreshData", BotTexts.UnknownAction);
        await turn.SendInvokeResponseAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A Universal Actions error: the client keeps the card it shows rather than replacing it.</summary>
    private static InvokeResponse Error(int status, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = status,
        ["type"] = InvokeResponse.ErrorContentType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });
}
