using System.Text.Json;
using VarBot.Knowledge.Dutch;
using VarBot.Newsletter;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Storage;
using VarBot.Templates.Views;

namespace VarBot.Bot.Teams.Channels;

/// <summary>
/// Finds nieuwsbrief issues that went out, by reading the issue store only: an issue archived as sent (archief.json,
/// frozen when sending starts) with at least one subscriber's send record "done" (newsletters/{month}/sent/), the first
/// found no older than a limit. Looks at last month, this month and next month (Europe/Amsterdam).
/// </summary>
internal sealed class SentIssues(IssueStore issues, IBlobContainer container, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<NewsletterIssue>> FindAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var thisMonth = IssueMonth.Of(DutchTime.Today(time));
        var found = new List<NewsletterIssue>();
        foreach (var month in new[] { thisMonth.Previous, thisMonth, thisMonth.Next })
        {
            if (await issues.GetArchivedIssueAsync(month, cancellationToken).ConfigureAwait(false) is not { } sent)
            {
                continue;
            }

            if (await FirstDeliveryAsync(month, cancellationToken).ConfigureAwait(false) is { } deliveredAt && now - deliveredAt <= maxAge)
            {
                found.Add(sent);
            }
        }

        return found;
    }

    /// <summary>When the first "done" send record of the month was written, or null when none is.</summary>
    private async Task<DateTimeOffset?> FirstDeliveryAsync(IssueMonth month, CancellationToken cancellationToken)
    {
        await foreach (var blob in container.ListAsync(IssueStore.Folder(month) + "sent/", cancellationToken).ConfigureAwait(false))
        {
            var download = await container.GetAsync(blob.Name, cancellationToken).ConfigureAwait(false);
            if (download is null)
            {
                continue;
            }

            var record = JsonSerializer.Deserialize<SendRecord>(download.Content, Json);
            if (record?.State == SendRecord.Done)
            {
                return record.At;
            }
        }

        return null;
    }
}
