using Microsoft.Extensions.Options;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Handlers;

/// <summary>
/// A typed question or a clicked follow-up button (Action.Submit with {"question": ...}): answered with one message, the
/// answer card, whose fallback text is the answer as plain text (never the same content twice). When the answer is slow
/// (storage, a cold engine), a typing indicator goes out first.
/// </summary>
internal sealed class QuestionHandler(
    ConversationAnswerer answerer,
    BotCards cards,
    TimeProvider timeProvider,
    IOptions<VarBotOptions> options) : ITurnHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var question = TurnInput.SubmittedQuestion(activity) ?? TurnInput.QuestionText(activity);
        if (question.Length == 0)
        {
            var help = activity.CreateReply(BotTexts.EmptyQuestion);
            help.Attachments = [Attachment.AdaptiveCard(cards.Help())];
            await turn.SendActivityAsync(help, cancellationToken).ConfigureAwait(false);
            return;
        }

        var today = TurnInput.Today(activity, timeProvider);
        var answering = answerer.AnswerAsync(activity.Conversation!.Id!, question, today, activity.Id, cancellationToken);
        if (!answering.IsCompleted && !IsExpectReplies(activity))
        {
            var delay = Task.Delay(options.Value.TypingDelay, timeProvider, cancellationToken);
            if (await Task.WhenAny(answering, delay).ConfigureAwait(false) == delay)
            {
                await turn.SendTypingAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var answer = await answering.ConfigureAwait(false);
        var reply = activity.CreateReply();
        reply.Attachments = [Attachment.AdaptiveCard(answer.Card)];
        await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsExpectReplies(Activity activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
}
