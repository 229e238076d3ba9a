using System.Text.Json;
using Microsoft.Extensions.Logging;
using VarBot.Storage;

namespace VarBot.Bot.Teams.Delivery;

/// <summary>The state of one proactive message (one reminder to one member, one issue to one channel).</summary>
internal sealed record DeliveryRecord(string State, int Attempts, DateTimeOffset At, string? ActivityId = null, string? Error = null, bool Retryable = false)
{
    public const string Sending = "sending";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>What <see cref="DeliveryLog.TryClaimAsync"/> found.</summary>
internal enum ClaimResult
{
    /// <summary>This caller may send now.</summary>
    Claimed,

    /// <summary>Sent before.</summary>
    AlreadySent,

    /// <summary>A send started and never finished (a crash or kill mid-send): it may have arrived, so it is not sent again.</summary>
    InDoubt,

    /// <summary>Failed for good (a permanent refusal or too many attempts).</summary>
    GaveUp,

    /// <summary>Another host claimed it at the same moment.</summary>
    Taken,
}

/// <summary>A claimed send: the record's ETag and attempt number, for <see cref="DeliveryLog.CompleteAsync"/> and friends.</summary>
internal sealed record DeliveryClaim(string BlobName, string ETag, int Attempt);

/// <summary>
/// A send log in blob storage that keeps proactive messages to at most one per item, also across crashes and several
/// hosts. Before a send the record is created with If-None-Match:* ("sending"); after the connector accepted the message
/// it becomes "done". A "sending" record found later means the sender died mid-send: the message may have arrived, so it
/// is never sent again ("in doubt"). A "failed" record is tried again while the failure was transient and attempts remain.
/// A send that did not start (shutdown before its turn) gives its claim back.
/// </summary>
internal sealed class DeliveryLog(IBlobContainer container, TimeProvider time, ILogger<DeliveryLog> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ClaimResult Result, DeliveryClaim? Claim)> TryClaimAsync(string blobName, int maxAttempts, CancellationToken cancellationToken)
    {
        var existing = await container.GetAsync(blobName, cancellationToken).ConfigureAwait(false);
        DeliveryRecord? record = null;
        if (existing is not null)
        {
            try
            {
                record = JsonSerializer.Deserialize<DeliveryRecord>(existing.Content, Json);
            }
            catch (JsonException exception)
            {
                logger.DeliveryRecordUnreadable(exception, blobName);
                return (ClaimResult.InDoubt, null);
            }

            switch (record)
            {
                case { State: DeliveryRecord.Done }:
                    return (ClaimResult.AlreadySent, null);
                case { State: DeliveryRecord.Failed, Retryable: true } failed when failed.Attempts < maxAttempts:
                    break;
                case { State: DeliveryRecord.Failed }:
                    return (ClaimResult.GaveUp, null);
                default:
                    return (ClaimResult.InDoubt, null);
            }
        }

        var attempt = (record?.Attempts ?? 0) + 1;
        try
        {
            var etag = await container.PutAsync(
                blobName,
                Serialize(new DeliveryRecord(DeliveryRecord.Sending, attempt, time.GetUtcNow())),
                "application/json",
                existing is null ? BlobCondition.IfNotExists : BlobCondition.IfUnchanged(existing.Properties.ETag),
                cancellationToken).ConfigureAwait(false);
            return (ClaimResult.Claimed, new DeliveryClaim(blobName, etag, attempt));
        }
        catch (BlobConditionFailedException)
        {
            return (ClaimResult.Taken, null);
        }
    }

    public Task CompleteAsync(DeliveryClaim claim, string? activityId) =>
        WriteAsync(claim, new DeliveryRecord(DeliveryRecord.Done, claim.Attempt, time.GetUtcNow(), activityId));

    public Task FailAsync(DeliveryClaim claim, string error, bool retryable) =>
        WriteAsync(claim, new DeliveryRecord(DeliveryRecord.Failed, claim.Attempt, time.GetUtcNow(), Error: error, Retryable: retryable));

    /// <summary>The send never started: remove the claim so the next run sends it.</summary>
    public Task ReleaseAsync(DeliveryClaim claim) =>
        container.DeleteAsync(claim.BlobName, BlobCondition.IfUnchanged(claim.ETag), CancellationToken.None);

    /// <summary>Records the outcome even while the host shuts down: the message has gone (or failed) either way.</summary>
    private Task WriteAsync(DeliveryClaim claim, DeliveryRecord record) =>
        container.PutAsync(claim.BlobName, Serialize(record), "application/json", BlobCondition.IfUnchanged(claim.ETag), CancellationToken.None);

    private static byte[] Serialize(DeliveryRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Json);
}
