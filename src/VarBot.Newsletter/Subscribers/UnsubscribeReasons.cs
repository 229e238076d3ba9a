using VarBot.Storage;

namespace VarBot.Newsletter.Subscribers;

/// <summary>An anonymous unsubscribe reason: no key, no address, so it outlives the subscriber it came from.</summary>
public sealed record UnsubscribeReason(string? Reason, string? Comment, DateTimeOffset At);

/// <summary>The optional reasons from the unsubscribe page, at unsubscribe-reasons/{yyyy-MM}/{id}.json, for staff.</summary>
public sealed class UnsubscribeReasons(IBlobContainer container, TimeProvider time)
{
    public const string Prefix = "unsubscribe-reasons/";

    public const int MaxCommentLength = 500;

    /// <summary>Stores a reason when one was given; an unknown choice is dropped, the comment capped and cleaned.</summary>
    public async Task<bool> RecordAsync(string? reason, string? comment, CancellationToken cancellationToken = default)
    {
        var choice = NewsletterTexts.UnsubscribeReasonChoices.Any(c => c.Value == reason) ? reason : null;
        var text = Clean(comment);
        if (choice is null && text is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        await container.PutAsync($"{Prefix}{now:yyyy-MM}/{now:yyyyMMddHHmmss}-{Guid.NewGuid():N}.json",
            NewsletterJson.Serialize(new UnsubscribeReason(choice, text, now)), "application/json", BlobCondition.IfNotExists, cancellationToken);
        return true;
    }

    private static string? Clean(string? comment)
    {
        var cleaned = new string((comment ?? "").Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned[..Math.Min(cleaned.Length, MaxCommentLength)];
    }
}
