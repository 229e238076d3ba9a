using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VarBot.Bot.Telemetry;

/// <summary>
/// Traces and metrics of the bot's question turns (OpenTelemetry reads them by <see cref="Name"/>): turns per intent,
/// answers the reports do not hold, answer latency. Tags carry the intent and the outcome only, never the question.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "VarBot.Bot";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "varbot.bot.turns", "{turn}", "Questions answered, by intent and whether the reports held the answer.");

    private static readonly Counter<long> NotFound = Meter.CreateCounter<long>(
        "varbot.bot.answers.not_found", "{answer}", "Questions the reports do not answer (the not-found rate is this over varbot.bot.turns).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "varbot.bot.answer.duration", "s", "Time to answer a question: conversation state, engine and card, storage included.");

    /// <summary>A span around answering one question; null when nobody listens.</summary>
    public static Activity? StartAnswer() => Source.StartActivity("varbot.answer");

    /// <summary>Records one answered turn on the metrics and on <paramref name="span"/>.</summary>
    public static void Answered(Activity? span, string intent, bool answered, string? modelVersion, TimeSpan elapsed)
    {
        var tags = new TagList { { "varbot.intent", intent }, { "varbot.answered", answered } };
        Turns.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (!answered)
        {
            NotFound.Add(1, new KeyValuePair<string, object?>("varbot.intent", intent));
        }

        span?.SetTag("varbot.intent", intent).SetTag("varbot.answered", answered).SetTag("varbot.model.version", modelVersion);
    }
}
