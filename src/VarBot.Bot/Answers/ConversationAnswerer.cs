using System.Diagnostics;
using VarBot.Bot.Telemetry;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Bot.Conversations;
using VarBot.Bot.Feedback;
using VarBot.Bot.Texts;

namespace VarBot.Bot.Answers;

/// <summary>A reply ready to send: short text plus an Adaptive Card.</summary>
internal sealed record BotReply(string Text, JsonNode Card, string? AnswerId, IReadOnlyList<VarBot.Answering.AnswerSource>? Sources = null);

/// <summary>
/// Answers one question in the context of its conversation: takes the conversation's turn, asks the engine, renders
/// the card with feedback buttons, and hands the new context and any unanswered question to be written behind the
/// answer (without user identity). Storage is never on the answer's path unless the conversation is new to this host.
/// </summary>
internal sealed class ConversationAnswerer(
    IBotKnowledge knowledge,
    BotCards cards,
    ConversationStore conversations,
    FeedbackWriter feedback,
    TimeProvider timeProvider,
    IOptions<VarBotOptions> options,
    ILogger<ConversationAnswerer> logger)
{
    public async Task<BotReply> AnswerAsync(string conversationId, string question, DateOnly today, string? activityId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = BotTelemetry.StartAnswer();
        if (question.Length > options.Value.MaxQuestionLength)
        {
            question = question[..options.Value.MaxQuestionLength];
        }

        BotLog.QuestionText(logger, question);
        EngineAnswer? answer;
        string answerId;
        DateTimeOffset now;
        // The conversation's turn covers only what the next turn depends on (context in, answer, context out); the card
        // is rendered after it, so concurrent turns of one busy conversation wait as briefly as possible.
        using (var turn = await conversations.BeginTurnAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            answer = knowledge.Ask(question, today, turn.State.Context);
            if (answer is null)
            {
                BotLog.ModelNotLoaded(logger, activityId);
                return new BotReply(BotTexts.ModelNotLoaded, cards.Error(BotTexts.ModelNotLoaded), null);
            }

            answerId = Guid.NewGuid().ToString("N")[..16];
            now = timeProvider.GetUtcNow();
            turn.Complete(turn.State.WithAnswer(answer.Context, new RecentAnswer(answerId, question, answer.Intent, answer.Answered), now));
        }

        var card = cards.Answer(answer, answerId);

        if (!answer.Answered)
        {
            feedback.Enqueue(conversationId, new FeedbackRecord(FeedbackKinds.Unanswered, now, question, answerId, answer.Intent, answer.ModelVersion));
        }

        BotLog.Answered(logger, answer.Intent, answer.Template, answer.Answered, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, activityId, conversationId);
        BotTelemetry.Answered(span, answer.Intent, answer.Answered, answer.ModelVersion, Stopwatch.GetElapsedTime(started));
        return new BotReply(answer.Text, card, answerId, answer.Sources);
    }

    /// <summary>Queues a feedback click; the question comes from the conversation's recent answers, never the user.</summary>
    public async Task RecordFeedbackAsync(string conversationId, string kind, string? answerId, CancellationToken cancellationToken)
    {
        RecentAnswer? answered;
        using (var turn = await conversations.BeginTurnAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            answered = answerId is null ? null : turn.State.RecentAnswers.FirstOrDefault(a => a.AnswerId == answerId);
        }

        feedback.Enqueue(conversationId, new FeedbackRecord(kind, timeProvider.GetUtcNow(), answered?.Question, answerId, answered?.Intent, knowledge.Model?.Version));
        BotLog.FeedbackQueued(logger, kind, answerId);
    }
}
