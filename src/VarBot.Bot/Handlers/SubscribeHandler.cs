using Microsoft.Extensions.Logging;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Newsletter.Subscribers;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Handlers;

/// <summary>
/// The nieuwsbrief from the bot (issue 5, double opt-in): a request gets the subscription card; a submitted card
/// (Action.Submit as a message, or Action.Execute as an invoke answered inline) stores a pending subscriber and mails the
/// confirmation link through <see cref="SubscriptionService"/>. The address is never logged.
/// </summary>
internal sealed class SubscribeHandler(
    BotCards cards,
    IBotKnowledge knowledge,
    SubscriptionService subscriptions,
    ILogger<SubscribeHandler> logger) : ITurnHandler
{
    public const string ConsentSource = "bot";

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (TurnInput.Subscription(activity) is not { } input)
        {
            await ReplyAsync(turn, BotTexts.SubscribeReply, cards.SubscribeForm(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var themes = BotCards.CurrentThemes(knowledge.Model);

        if (!SubscriptionService.IsValidAddress(input.Email))
        {
            logger.SubscriptionRefused(activity.Id);
            await ReplyAsync(turn, BotTexts.SubscribeInvalidAddress, cards.Subscribe(themes, BotTexts.SubscribeInvalidAddress, input), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var email = input.Email.Trim();
        var chosen = input.Themes.Where(t => themes.Any(c => c.Id == t)).Distinct(StringComparer.Ordinal).ToList();
        // Per-client limit by the Teams user; the service also limits per address and never changes a known address.
        var result = await subscriptions.SubscribeAsync(email, input.Name, chosen, ConsentSource, "bot:" + activity.From?.Id, cancellationToken).ConfigureAwait(false);
        logger.SubscriptionStored(result, chosen.Count, activity.Id);
        var text = SubscriptionService.ProblemText(result) ?? BotTexts.SubscribeAlmostDone(email);
        await ReplyAsync(turn, text, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A message with an optional card, or for an invoke the inline answer (the card, else the text).</summary>
    private static Task ReplyAsync(ITurnContext turn, string text, System.Text.Json.Nodes.JsonNode? card, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            return turn.SendInvokeResponseAsync(card is null ? InvokeResponse.Message(text) : InvokeResponse.AdaptiveCard(card), cancellationToken);
        }

        var reply = turn.Activity.CreateReply(text);
        if (card is not null)
        {
            reply.Attachments = [Attachment.AdaptiveCard(card)];
        }

        return turn.SendActivityAsync(reply, cancellationToken);
    }
}
