using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Bot.Conversations;
using VarBot.Bot.Feedback;
using VarBot.Bot.Texts;

namespace VarBot.Bot.Answers;

/// <summary>A reply ready to send: short text plus an Adaptive Card.</summary>
internal sealed record BotReply(string Text, JsonObject Card, string? AnswerId, IReadOnlyList<VarBot.Answering.AnswerSource>? Sources = null);

/// <summary>
/// Answers one question in the context of its conversation: loads the context, asks the engine, renders the card with
/// feedback buttons, stores the new context and records unanswered questions (without user identity).
/// </summary>
internal sealed class ConversationAnswerer(
    IBotKnowledge knowledge,
    BotCards cards,
    ConversationStore conversations,
    FeedbackStore feedback,
    TimeProvider timeProvider,
    IOptions<VarBotOptions> options,
    ILogger<ConversationAnswerer> logger)
{
    public async Task<BotReply> AnswerAsync(string conversationId, string question, DateOnly today, string? activityId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (question.Length > options.Value.MaxQuestionLength)
        {
            question = question[..options.Value.MaxQuestionLength];
        }

        logger.QuestionText(question);
        var stored = await conversations.LoadForTurnAsync(conversationId, cancellationToken).ConfigureAwait(false);
        EngineAnswer? answer;
        string answerId;
        JsonObject card;
        DateTimeOffset now;
        for (var attempt = 0; ; attempt++)
        {
            answer = knowledge.Ask(question, today, stored.State.Context);
            if (answer is null)
            {
                logger.ModelNotLoaded(activityId);
                return new BotReply(BotTexts.ModelNotLoaded, cards.Error(BotTexts.ModelNotLoaded), null);
            }

            answerId = Guid.NewGuid().ToString("N")[..16];
            card = cards.Answer(answer, answerId);
            now = timeProvider.GetUtcNow();
            var state = stored.State.WithAnswer(answer.Context, new RecentAnswer(answerId, question, answer.Intent, answer.Answered), now);
            try
            {
                if (attempt >= 2)
                {
                    // A conversation written to on every turn by several instances at once: this turn wins, as before.
                    await conversations.SaveAsync(conversationId, stored, state, cancellationToken).ConfigureAwait(false);
                    break;
                }

                if (await conversations.TrySaveAsync(conversationId, stored, state, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception exception) when (exception is VarBot.Storage.BlobStorageException or VarBot.Storage.BlobConditionFailedException or HttpRequestException)
            {
                // The answer is still right; only the follow-up context is lost.
                logger.ConversationSaveFailed(exception, conversationId);
                break;
            }

            // Another instance continued this conversation since this instance last wrote it: answer again from storage.
            stored = await conversations.LoadAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }

        if (!answer.Answered)
        {
            await feedback.AddAsync(
                new FeedbackRecord(FeedbackKinds.Unanswered, now, question, answerId, answer.Intent, answer.ModelVersion),
                cancellationToken).ConfigureAwait(false);
        }

        logger.Answered(answer.Intent, answer.Template, answer.Answered, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, activityId, conversationId);
        return new BotReply(answer.Text, card, answerId, answer.Sources);
    }

    /// <summary>Stores a feedback click; the question comes from the conversation's recent answers, never the user.</summary>
    public async Task RecordFeedbackAsync(string conversationId, string kind, string? answerId, CancellationToken cancellationToken)
    {
        var stored = await conversations.LoadAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var answered = answerId is null ? null : stored.State.RecentAnswers.FirstOrDefault(a => a.AnswerId == answerId);
        await feedback.AddAsync(
            new FeedbackRecord(kind, timeProvider.GetUtcNow(), answered?.Question, answerId, answered?.Intent, knowledge.Model?.Version),
            cancellationToken).ConfigureAwait(false);
        logger.FeedbackStored(kind, answerId);
    }
}
