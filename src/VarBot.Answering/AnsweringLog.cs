using Microsoft.Extensions.Logging;

namespace VarBot.Answering;

/// <summary>Log messages of the answering engine (event ids 4000-4999).</summary>
internal static partial class AnsweringLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Answer engine built in {ElapsedMs} ms ({Passages} passages, {Events} events, {Budgets} budgets)")]
    public static partial void EngineBuilt(this ILogger logger, long elapsedMs, int passages, int events, int budgets);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Answering failed in intent {Intent}; the user got the not-found answer")]
    public static partial void AnswerFailed(this ILogger logger, Exception exception, string intent);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Question routed by rule {Rule} to intent {Intent} (follow-up: {FollowUp}; signals: {Signals}; years: {Years}; lines: {Lines})")]
    public static partial void Routed(this ILogger logger, string rule, string intent, bool followUp, string signals, string years, string lines);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Search terms {Terms}: best passage {Source} covers {Coverage:F2}")]
    public static partial void Searched(this ILogger logger, string terms, string source, double coverage);
}
