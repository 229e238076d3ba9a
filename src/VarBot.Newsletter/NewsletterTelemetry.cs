using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VarBot.Newsletter;

/// <summary>
/// Traces and metrics of the newsletter job (OpenTelemetry reads them by <see cref="Name"/>): mails by outcome (sent,
/// failed, ...) and send progress. Tags carry the issue month and the outcome, never an address or subscriber key.
/// </summary>
public static class NewsletterTelemetry
{
    public const string Name = "VarBot.Newsletter";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Mails = Meter.CreateCounter<long>(
        "varbot.newsletter.mails", "{mail}", "Subscribers handled by a send run, by outcome: sent, failed, alreadysent, notconfirmed, notattempted.");

    private static readonly Gauge<double> Progress = Meter.CreateGauge<double>(
        "varbot.newsletter.send.progress", "1", "Share of the subscribers of the running send that has been handled (0 to 1).");

    /// <summary>A span around one send run; null when nobody listens.</summary>
    public static Activity? StartSend(string month, int subscribers, bool dryRun) =>
        Source.StartActivity("varbot.newsletter.send")?
            .SetTag("varbot.newsletter.month", month)
            .SetTag("varbot.newsletter.subscribers", subscribers)
            .SetTag("varbot.newsletter.dry_run", dryRun);

    /// <summary>Records one subscriber handled: its outcome, and the run's progress (<paramref name="done"/> of <paramref name="total"/>).</summary>
    public static void Handled(string month, string outcome, bool dryRun, int done, int total)
    {
        Mails.Add(1, new TagList { { "varbot.newsletter.outcome", outcome.ToLowerInvariant() }, { "varbot.newsletter.dry_run", dryRun } });
        Progress.Record(total == 0 ? 1 : (double)done / total, new KeyValuePair<string, object?>("varbot.newsletter.month", month));
    }
}
