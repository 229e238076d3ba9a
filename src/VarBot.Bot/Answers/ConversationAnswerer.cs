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
/// the card with feedback buttons (their data a signed <see cref="AnswerTickets">ticket</see> of the answer), and hands
/// the new context and any unanswered question to be written behind the answer (without user identity). Storage is never
/// on the answer's path unless the conversation is new to this host.
/// </summary>
internal sealed class ConversationAnswerer(
    IBotKnowledge knowledge,
    BotCards cards,
    ConversationStore conversations,
    FeedbackWriter feedback,
    AnswerTickets tickets,
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

            answerId = NewAnswerId();
            now = timeProvider.GetUtcNow();
            turn.Complete(new ConversationState(answer.Context, now, answerId));
        }

        var card = cards.Answer(answer, tickets.Issue(new AnsweredQuestion(answerId, question, answer.Intent, answer.Answered)));

        if (!answer.Answered)
        {
            feedback.Enqueue(conversationId, new FeedbackRecord(FeedbackKinds.Unanswered, now, question, answerId, answer.Intent, answer.ModelVersion));
        }

        BotLog.Answered(logger, answer.Intent, answer.Template, answer.Answered, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, activityId, conversationId);
        BotTelemetry.Answered(span, answer.Intent, answer.Answered, answer.ModelVersion, Stopwatch.GetElapsedTime(started));
        return new BotReply(answer.Text, card, answerId, answer.Sources);
    }

    /// <summary>
    /// Queues a feedback click on the answer of <paramref name="ticket"/>: its question and intent come from the signed
    /// ticket, never from the user; a bare answer id (a card from before tickets) or a ticket that does not verify is
    /// stored without them.
    /// </summary>
    public void RecordFeedback(string conversationId, string kind, string? ticket)
    {
        var answered = tickets.Read(ticket);
        var bare = ticket is null ? null : AnswerTickets.IdOf(ticket);
        var answerId = answered?.AnswerId ?? (bare is { Length: > 0 and <= MaxBareAnswerId } ? bare : null);
        feedback.Enqueue(conversationId, new FeedbackRecord(kind, timeProvider.GetUtcNow(), answered?.Question, answerId, answered?.Intent, knowledge.Model?.Version));
        BotLog.FeedbackQueued(logger, kind, answerId);
    }

    /// <summary>
    /// 16 hex digits, unique in practice (64 random bits). Not a secret (a feedback click proves its answer by the signed
    /// ticket), so the thread's pseudo-random generator serves: Guid.NewGuid asks the OS for entropy on every call, a
    /// system call on every answer.
    /// </summary>
    private static string NewAnswerId() => Random.Shared.NextInt64(long.MinValue, long.MaxValue).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The longest answer id stored from a click whose ticket does not verify (the bot's own ids are 16 characters).</summary>
    private const int MaxBareAnswerId = 64;
}
