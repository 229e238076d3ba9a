using System.Runtime.CompilerServices;
using VarBot.Storage;

namespace VarBot.Newsletter.Subscribers;

/// <summary>Subscribers in blob storage, one blob per subscriber at subscribers/{key}.json; every update is ETag-conditional.</summary>
public sealed class SubscriberStore(IBlobContainer container, TimeProvider time)
{
    public const string Prefix = "subscribers/";

    public static string BlobName(string key) => $"{Prefix}{key}.json";

    public async Task<(Subscriber Subscriber, string ETag)?> GetByKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(BlobName(key), cancellationToken);
        return blob is null ? null : (NewsletterJson.Deserialize<Subscriber>(blob.Content), blob.Properties.ETag);
    }

    public Task<(Subscriber Subscriber, string ETag)?> GetAsync(string email, CancellationToken cancellationToken = default) =>
        GetByKeyAsync(SubscriberKey.For(email), cancellationToken);

    /// <summary>
    /// Records a subscription request. A new address becomes pending; a pending one gets its details refreshed;
    /// a confirmed one keeps its status and takes the new themes. Returns the stored subscriber.
    /// </summary>
    public async Task<Subscriber> SubscribeAsync(string email, string? name, IReadOnlyList<string> themes, string consentSource, bool confirmed, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var existing = await GetAsync(email, cancellationToken);
            var subscriber = existing?.Subscriber is { } old
                ? old with
                {
                    Name = name ?? old.Name,
                    Themes = themes,
                    Status = confirmed ? SubscriberStatus.Confirmed : old.Status,
                    ConsentSource = confirmed && old.Status != SubscriberStatus.Confirmed ? consentSource : old.ConsentSource,
                    ConfirmedAt = confirmed ? old.ConfirmedAt ?? now : old.ConfirmedAt,
                }
                : new Subscriber(email, name, themes, confirmed ? SubscriberStatus.Confirmed : SubscriberStatus.Pending, consentSource, now, confirmed ? now : null);
            try
            {
                await PutAsync(subscriber, existing is { } e ? BlobCondition.IfUnchanged(e.ETag) : BlobCondition.IfNotExists, cancellationToken);
                return subscriber;
            }
            catch (BlobConditionFailedException) when (attempt < 3)
            {
                // Changed concurrently: read again and reapply.
            }
        }
    }

    /// <summary>Confirms a pending subscriber; returns null when the subscriber no longer exists.</summary>
    public Task<Subscriber?> ConfirmAsync(string key, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, s => s.Status == SubscriberStatus.Confirmed ? s : s with { Status = SubscriberStatus.Confirmed, ConfirmedAt = time.GetUtcNow() }, cancellationToken);

    public Task<Subscriber?> SetThemesAsync(string key, IReadOnlyList<string> themes, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, s => s with { Themes = themes }, cancellationToken);

    /// <summary>Removes a subscriber (unsubscribe). Returns false when there was none.</summary>
    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(BlobName(key), BlobCondition.None, cancellationToken);

    /// <summary>Deletes the subscriber and every send record that names it (right to be forgotten). Returns the number of blobs deleted.</summary>
    public async Task<int> ForgetAsync(string email, CancellationToken cancellationToken = default)
    {
        var key = SubscriberKey.For(email);
        var deleted = await RemoveAsync(key, cancellationToken) ? 1 : 0;
        var records = new List<string>();
        await foreach (var blob in container.ListAsync(Issues.IssueStore.Prefix, cancellationToken))
        {
            if (blob.Name.EndsWith("/sent/" + key, StringComparison.Ordinal))
            {
                records.Add(blob.Name);
            }
        }

        foreach (var name in records)
        {
            deleted += await container.DeleteAsync(name, BlobCondition.None, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    public async IAsyncEnumerable<string> ListKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in container.ListAsync(Prefix, cancellationToken))
        {
            yield return blob.Name[Prefix.Length..^".json".Length];
        }
    }

    public async IAsyncEnumerable<Subscriber> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in ListKeysAsync(cancellationToken))
        {
            if (await GetByKeyAsync(key, cancellationToken) is { } found)
            {
                yield return found.Subscriber;
            }
        }
    }

    private async Task<Subscriber?> UpdateAsync(string key, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await GetByKeyAsync(key, cancellationToken) is not { } existing)
            {
                return null;
            }

            var updated = change(existing.Subscriber);
            try
            {
                await PutAsync(updated, BlobCondition.IfUnchanged(existing.ETag), cancellationToken);
                return updated;
            }
            catch (BlobConditionFailedException) when (attempt < 3)
            {
                // Changed concurrently: read again and reapply.
            }
        }
    }

    private Task<string> PutAsync(Subscriber subscriber, BlobCondition condition, CancellationToken cancellationToken) =>
        container.PutAsync(BlobName(subscriber.Key), NewsletterJson.Serialize(subscriber), "application/json", condition, cancellationToken);
}
