using VarBot.Newsletter.Issues;
using VarBot.Storage;

namespace VarBot.Newsletter.Delivery;

/// <summary>
/// The live state of one issue's send, as newsletters/{yyyy-MM}/progress.json holds it (written by the sending run about
/// once a second and at its end). <see cref="Remaining"/> counts subscriber blobs not yet processed by the run.
/// </summary>
public sealed record SendProgressState(
    string Month,
    int Total,
    int Processed,
    int Sent,
    int AlreadySent,
    int NotConfirmed,
    int Failed,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    bool DryRun = false)
{
    public int Remaining => Math.Max(0, Total - Processed);

    public bool Done => FinishedAt is not null;
}

/// <summary>One line of the send log: newsletters/{yyyy-MM}/sent/{key}.</summary>
public sealed record SendLogEntry(string SubscriberKey, string State, int Attempts, DateTimeOffset At, string? Error);

/// <summary>
/// Read side of sending, for the staff console and the CLI: the progress of a run (cheap, one blob) and the send log
/// (one blob per subscriber, for when a run is done). Works from any host: everything is read from storage.
/// </summary>
public sealed class SendProgressQuery(IBlobContainer container, Subscribers.SubscriberStore subscribers)
{
    public static string ProgressBlob(IssueMonth month) => IssueStore.Folder(month) + "progress.json";

    /// <summary>The last progress a run wrote for <paramref name="month"/>, or null when it was never sent.</summary>
    public async Task<SendProgressState?> GetAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(ProgressBlob(month), cancellationToken);
        return blob is null ? null : NewsletterJson.Deserialize<SendProgressState>(blob.Content);
    }

    /// <summary>Every send record of <paramref name="month"/>, by subscriber key (no addresses).</summary>
    public async Task<IReadOnlyList<SendLogEntry>> GetLogAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var prefix = IssueStore.Folder(month) + "sent/";
        var names = new List<string>();
        await foreach (var blob in container.ListAsync(prefix, cancellationToken))
        {
            names.Add(blob.Name);
        }

        var entries = new SendLogEntry?[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            if (await container.GetAsync(names[i], ct) is { } blob)
            {
                var record = NewsletterJson.Deserialize<SendRecord>(blob.Content);
                entries[i] = new SendLogEntry(names[i][prefix.Length..], record.State, record.Attempts, record.At, record.Error);
            }
        });
        return entries.OfType<SendLogEntry>().ToList();
    }

    /// <summary>Counts from the send log itself (sent = done records), with the number of subscriber blobs as the total.</summary>
    public async Task<(int Subscribers, int Done, int Failed, int Sending)> CountLogAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var log = await GetLogAsync(month, cancellationToken);
        var total = 0;
        await foreach (var _ in subscribers.ListKeysAsync(cancellationToken))
        {
            total++;
        }

        return (total, log.Count(e => e.State == SendRecord.Done), log.Count(e => e.State == SendRecord.Failed), log.Count(e => e.State == SendRecord.Sending));
    }
}
