using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Storage;

namespace VarBot.Newsletter.Subscribers;

/// <summary>The subscriber was changed concurrently so often that the update gave up; callers answer 409 / a Dutch message.</summary>
public sealed class SubscriberConflictException(string subscriberKey) : Exception($"Subscriber {subscriberKey} kept changing concurrently.")
{
    public string SubscriberKey { get; } = subscriberKey;
}

/// <summary>What a create-only subscription did: stored a new subscriber, or found one and left it as it was.</summary>
public sealed record SubscribeOutcome(Subscriber Subscriber, string Key, bool Created);

/// <summary>
/// Subscribers in blob storage, one blob per subscriber at subscribers/{key}.json (key: <see cref="SubscriberKeys"/>);
/// every update is ETag-conditional and retried with jitter when another writer got in between.
/// </summary>
public sealed class SubscriberStore(IBlobContainer container, SubscriberKeys keys, TimeProvider time, ILogger<SubscriberStore>? logger = null)
{
    public const string Prefix = "subscribers/";

    /// <summary>Optimistic attempts before <see cref="SubscriberConflictException"/>.</summary>
    internal const int MaxAttempts = 12;

    private readonly ILogger _logger = logger ?? NullLogger<SubscriberStore>.Instance;

    /// <summary>aliases/{oldKey} holds the new key of a subscriber moved by <see cref="SubscriberKeyMigration"/>, so links in mails sent before still work.</summary>
    public const string AliasPrefix = "subscriber-aliases/";

    public static string BlobName(string key) => $"{Prefix}{key}.json";

    /// <summary>The key a token names, or the key it was moved to; null for a string that is not a key.</summary>
    public async Task<string?> ResolveKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!SubscriberKeys.IsWellFormed(key))
        {
            return null;
        }

        if (await container.GetPropertiesAsync(BlobName(key), cancellationToken) is not null)
        {
            return key;
        }

        var alias = await container.GetAsync(AliasPrefix + key, cancellationToken);
        var moved = alias is null ? null : System.Text.Encoding.UTF8.GetString(alias.Content).Trim();
        return moved is not null && SubscriberKeys.IsWellFormed(moved) ? moved : key;
    }

    public SubscriberKeys Keys => keys;

    public string KeyOf(string email) => keys.For(email);

    /// <summary>The subscriber stored under <paramref name="key"/>; null when there is none or the key is not a well-formed key.</summary>
    public async Task<(Subscriber Subscriber, string ETag)?> GetByKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!SubscriberKeys.IsWellFormed(key))
        {
            return null;
        }

        var blob = await container.GetAsync(BlobName(key), cancellationToken);
        return blob is null ? null : (NewsletterJson.Deserialize<Subscriber>(blob.Content), blob.Properties.ETag);
    }

    public Task<(Subscriber Subscriber, string ETag)?> GetAsync(string email, CancellationToken cancellationToken = default) =>
        GetByKeyAsync(keys.For(email), cancellationToken);

    /// <summary>
    /// Stores a new subscriber (pending unless <paramref name="confirmed"/>). An existing subscriber is never changed here:
    /// the outcome says so, and the caller tells the owner through a signed link instead.
    /// </summary>
    public async Task<SubscribeOutcome> CreateAsync(string email, string? name, IReadOnlyList<string> themes, string consentSource, bool confirmed, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        var key = keys.For(email);
        var now = time.GetUtcNow();
        var subscriber = new Subscriber(email, name, themes, confirmed ? SubscriberStatus.Confirmed : SubscriberStatus.Pending, consentSource, now, confirmed ? now : null);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PutAsync(key, subscriber, BlobCondition.IfNotExists, cancellationToken);
                return new SubscribeOutcome(subscriber, key, Created: true);
            }
            catch (BlobConditionFailedException)
            {
                if (await GetByKeyAsync(key, cancellationToken) is { } existing)
                {
                    return new SubscribeOutcome(existing.Subscriber, key, Created: false);
                }

                // Deleted between our create and read (a concurrent unsubscribe): try to create again.
                await BackOffAsync(key, attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Staff only (varbot subscribers add): a new address becomes pending; a known one takes the new name and themes
    /// and keeps its status and consent.
    /// </summary>
    public async Task<Subscriber> UpsertByStaffAsync(string email, string? name, IReadOnlyList<string> themes, string consentSource, CancellationToken cancellationToken = default)
    {
        var outcome = await CreateAsync(email, name, themes, consentSource, confirmed: false, cancellationToken);
        if (outcome.Created)
        {
            return outcome.Subscriber;
        }

        return await UpdateAsync(outcome.Key, s => s with { Name = name ?? s.Name, Themes = themes }, cancellationToken) ?? outcome.Subscriber;
    }

    /// <summary>
    /// Staff and tests only (authenticated callers): stores the subscriber, or updates a known one's name and themes and
    /// confirms it when <paramref name="confirmed"/>. Never call this for an unauthenticated request: use
    /// <see cref="SubscriptionService"/>, which leaves a known address unchanged.
    /// </summary>
    public async Task<Subscriber> SubscribeAsync(string email, string? name, IReadOnlyList<string> themes, string consentSource, bool confirmed, CancellationToken cancellationToken = default)
    {
        var outcome = await CreateAsync(email, name, themes, consentSource, confirmed, cancellationToken);
        if (outcome.Created)
        {
            return outcome.Subscriber;
        }

        var now = time.GetUtcNow();
        return await UpdateAsync(outcome.Key, s => s with
        {
            Name = name ?? s.Name,
            Themes = themes,
            Status = confirmed ? SubscriberStatus.Confirmed : s.Status,
            ConfirmedAt = confirmed ? s.ConfirmedAt ?? now : s.ConfirmedAt,
        }, cancellationToken) ?? outcome.Subscriber;
    }

    /// <summary>Confirms a pending subscriber, optionally with the themes chosen on the confirm page; null when it no longer exists.</summary>
    public Task<Subscriber?> ConfirmAsync(string key, IReadOnlyList<string>? themes = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, s => s with
        {
            Status = SubscriberStatus.Confirmed,
            ConfirmedAt = s.ConfirmedAt ?? time.GetUtcNow(),
            Themes = themes ?? s.Themes,
        }, cancellationToken);

    public Task<Subscriber?> SetThemesAsync(string key, IReadOnlyList<string> themes, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, s => s with { Themes = themes }, cancellationToken);

    /// <summary>Removes a subscriber (unsubscribe). Returns false when there was none.</summary>
    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        SubscriberKeys.IsWellFormed(key) ? container.DeleteAsync(BlobName(key), BlobCondition.None, cancellationToken) : Task.FromResult(false);

    /// <summary>Deletes the subscriber and every send record that names it (right to be forgotten). Returns the number of blobs deleted.</summary>
    public async Task<int> ForgetAsync(string email, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var key in new[] { keys.For(email), SubscriberKeys.Legacy(email) })
        {
            deleted += await RemoveAsync(key, cancellationToken) ? 1 : 0;
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
        }

        return deleted;
    }

    public async IAsyncEnumerable<string> ListKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in container.ListAsync(Prefix, cancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                yield return blob.Name[Prefix.Length..^".json".Length];
            }
        }
    }

    /// <summary>Every readable subscriber with its key; an unreadable blob is logged and skipped.</summary>
    public async IAsyncEnumerable<(string Key, Subscriber Subscriber)> ListWithKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in ListKeysAsync(cancellationToken))
        {
            (Subscriber Subscriber, string ETag)? found;
            try
            {
                found = await GetByKeyAsync(key, cancellationToken);
            }
            catch (JsonException ex)
            {
                _logger.SubscriberUnreadable(BlobName(key), ex);
                continue;
            }

            if (found is { } f)
            {
                yield return (key, f.Subscriber);
            }
        }
    }

    public async IAsyncEnumerable<Subscriber> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, subscriber) in ListWithKeysAsync(cancellationToken))
        {
            yield return subscriber;
        }
    }

    private async Task<Subscriber?> UpdateAsync(string key, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await GetByKeyAsync(key, cancellationToken) is not { } existing)
            {
                return null;
            }

            var updated = change(existing.Subscriber);
            try
            {
                await PutAsync(key, updated, BlobCondition.IfUnchanged(existing.ETag), cancellationToken);
                return updated;
            }
            catch (BlobConditionFailedException)
            {
                await BackOffAsync(key, attempt, cancellationToken);
            }
        }
    }

    /// <summary>Waits a random, growing time before the next optimistic attempt, or gives up after <see cref="MaxAttempts"/>.</summary>
    private async Task BackOffAsync(string key, int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= MaxAttempts)
        {
            _logger.SubscriberConflict(key, attempt);
            throw new SubscriberConflictException(key);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 + 15 * attempt)), time, cancellationToken);
    }

    internal Task<string> PutAsync(string key, Subscriber subscriber, BlobCondition condition, CancellationToken cancellationToken) =>
        container.PutAsync(BlobName(key), NewsletterJson.Serialize(subscriber), "application/json", condition, cancellationToken);
}
