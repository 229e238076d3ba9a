using System.Globalization;
using System.Text.Json;
using VarBot.Storage;

namespace VarBot.Bot.Feedback;

/// <summary>Kinds of feedback for the editors.</summary>
internal static class FeedbackKinds
{
    public const string Up = "up";
    public const string Down = "down";

    /// <summary>A question the reports did not answer.</summary>
    public const string Unanswered = "unanswered";
}

/// <summary>
/// One piece of feedback, deliberately without any user or conversation identity: only the question, what was answered
/// and when. Stored as feedback/{yyyy-MM-dd}/{HHmmssfff}-{kind}-{guid}.json; read by <c>varbot feedback</c>.
/// </summary>
internal sealed record FeedbackRecord(
    string Kind,
    DateTimeOffset At,
    string? Question,
    string? AnswerId,
    string? Intent,
    string? ModelVersion);

internal sealed class FeedbackStore(IBlobContainer container)
{
    public const string Prefix = "feedback/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> AddAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var at = record.At.ToUniversalTime();
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}{at:yyyy-MM-dd}/{at:HHmmssfff}-{record.Kind}-{Guid.NewGuid():N}.json");
        await container.PutAsync(name, JsonSerializer.SerializeToUtf8Bytes(record, Json), "application/json", BlobCondition.IfNotExists, cancellationToken)
            .ConfigureAwait(false);
        return name;
    }

    /// <summary>Feedback given on or after <paramref name="since"/> (UTC date), oldest first.</summary>
    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateOnly? since, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in container.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            var day = blob.Name.AsSpan(Prefix.Length);
            if (since is { } from && (day.Length < 10 || !DateOnly.TryParseExact(day[..10], "yyyy-MM-dd", out var date) || date < from))
            {
                continue;
            }

            names.Add(blob.Name);
        }

        names.Sort(StringComparer.Ordinal);
        var records = new List<FeedbackRecord>(names.Count);
        foreach (var name in names)
        {
            var download = await container.GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (download is not null && JsonSerializer.Deserialize<FeedbackRecord>(download.Content, Json) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
