using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
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

/// <summary>What moving subscriber blobs into the table did: blobs moved (and deleted), blobs left for the next run.</summary>
public sealed record TableMigrationResult(int Moved, int Kept);

/// <summary>
/// Subscribers in Azure Table storage, one entity per subscriber: PartitionKey the first two hex characters of the key
/// (256 partitions), RowKey the key (<see cref="SubscriberKeys"/>). Every update is ETag-conditional (If-Match) and
/// retried with jitter when another writer got in between; a new subscriber is insert-if-absent. Before its first
/// operation in a process the store creates its table and moves any subscriber blobs (subscribers/{key}.json, the
/// store before the table) into it (<see cref="MigrateFromBlobsAsync"/>).
/// </summary>
public sealed class SubscriberStore
{
    /// <summary>Where subscribers lived as blobs before the table (still read by <see cref="MigrateFromBlobsAsync"/>).</summary>
    public const string Prefix = "subscribers/";

    /// <summary>aliases/{oldKey} holds the new key of a subscriber moved by <see cref="SubscriberKeyMigration"/>, so links in mails sent before still work.</summary>
    public const string AliasPrefix = "subscriber-aliases/";

    /// <summary>Entities per entity group transaction: the Table service's limit.</summary>
    public const int MaxBatch = 100;

    /// <summary>Optimistic attempts before <see cref="SubscriberConflictException"/>.</summary>
    internal const int MaxAttempts = 12;

    private const int MigrationWorkers = 16;

    private readonly IBlobContainer _container;
    private readonly TableClient _table;
    private readonly SubscriberKeys _keys;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task? _ready;

    public SubscriberStore(IBlobContainer container, TableClient table, SubscriberKeys keys, TimeProvider time, ILogger<SubscriberStore>? logger = null)
    {
        _container = container;
        _table = table;
        _keys = keys;
        _time = time;
        _logger = logger ?? NullLogger<SubscriberStore>.Instance;
    }

    /// <summary>The store over the default table (<see cref="DefaultTableName"/>) in the account of <paramref name="container"/>.</summary>
    public SubscriberStore(IBlobContainer container, SubscriberKeys keys, TimeProvider time, ILogger<SubscriberStore>? logger = null)
        : this(container, DefaultTable(container), keys, time, logger)
    {
    }

    public SubscriberKeys Keys => _keys;

    public string TableName => _table.Name;

    /// <summary>"subscribers" followed by the container name without hyphens, at most 63 characters.</summary>
    public static string DefaultTableName(string containerName)
    {
        var name = "subscribers" + containerName.Replace("-", "", StringComparison.Ordinal);
        return name.Length <= 63 ? name : name[..63];
    }

    /// <summary>The blob a subscriber lived in before the table (and the name unreadable records are logged under).</summary>
    public static string BlobName(string key) => $"{Prefix}{key}.json";

    /// <summary>The partition of a key: its first two hex characters.</summary>
    public static string PartitionOf(string key) => key[..2];

    public string KeyOf(string email) => _keys.For(email);

    /// <summary>Creates the table and moves subscriber blobs into it; once per process (again after a failure). The host calls it at start.</summary>
    public Task EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        Task ready;
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = PrepareAsync();
            }

            ready = _ready;
        }

        return ready.IsCompletedSuccessfully ? Task.CompletedTask : ready.WaitAsync(cancellationToken);
    }

    private async Task PrepareAsync()
    {
        await CallAsync(() => _table.CreateIfNotExistsAsync(CancellationToken.None), "Create Table", CancellationToken.None).ConfigureAwait(false);
        await MoveBlobsAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The key a token names, or the key it was moved to; null for a string that is not a key.</summary>
    public async Task<string?> ResolveKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!SubscriberKeys.IsWellFormed(key))
        {
            return null;
        }

        if (await GetByKeyAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return key;
        }

        var alias = await _container.GetAsync(AliasPrefix + key, cancellationToken).ConfigureAwait(false);
        var moved = alias is null ? null : System.Text.Encoding.UTF8.GetString(alias.Content).Trim();
        return moved is not null && SubscriberKeys.IsWellFormed(moved) ? moved : key;
    }

    /// <summary>The subscriber stored under <paramref name="key"/>; null when there is none or the key is not a well-formed key.</summary>
    public async Task<(Subscriber Subscriber, string ETag)?> GetByKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!SubscriberKeys.IsWellFormed(key))
        {
            return null;
        }

        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        var found = await FindAsync(key, cancellationToken).ConfigureAwait(false);
        return found is null ? null : (found.ToSubscriber(), found.ETag.ToString());
    }

    public Task<(Subscriber Subscriber, string ETag)?> GetAsync(string email, CancellationToken cancellationToken = default) =>
        GetByKeyAsync(_keys.For(email), cancellationToken);

    /// <summary>
    /// Stores a new subscriber (pending unless <paramref name="confirmed"/>). An existing subscriber is never changed here:
    /// the outcome says so, and the caller tells the owner through a signed link instead.
    /// </summary>
    public Task<SubscribeOutcome> CreateAsync(string email, string? name, IReadOnlyList<string> themes, string consentSource, bool confirmed, CancellationToken cancellationToken = default)
    {
        var subscriber = NewSubscriber(email, name, themes, consentSource, confirmed);
        return CreateAsync(_keys.For(subscriber.Email), subscriber, cancellationToken);
    }

    /// <summary>A subscriber as <see cref="CreateAsync(string, string?, IReadOnlyList{string}, string, bool, CancellationToken)"/> would store it now.</summary>
    internal Subscriber NewSubscriber(string email, string? name, IReadOnlyList<string> themes, string consentSource, bool confirmed)
    {
        var now = _time.GetUtcNow();
        return new Subscriber(email.Trim(), name, themes, confirmed ? SubscriberStatus.Confirmed : SubscriberStatus.Pending, consentSource, now, confirmed ? now : null);
    }

    private async Task<SubscribeOutcome> CreateAsync(string key, Subscriber subscriber, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            if (await TryAddAsync(SubscriberEntity.From(key, subscriber), cancellationToken).ConfigureAwait(false))
            {
                return new SubscribeOutcome(subscriber, key, Created: true);
            }

            if (await GetByKeyAsync(key, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new SubscribeOutcome(existing.Subscriber, key, Created: false);
            }

            // Deleted between our create and read (a concurrent unsubscribe): try to create again.
            await BackOffAsync(key, attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Import: stores new subscribers of one partition insert-if-absent, in one entity group transaction (at most
    /// <see cref="MaxBatch"/>). When the batch fails (an address subscribed meanwhile, or any other refusal) nothing of it
    /// was written, and each subscriber is created on its own; an existing one is left unchanged. Returns how many were created.
    /// </summary>
    internal async Task<int> CreateBatchAsync(IReadOnlyList<(string Key, Subscriber Subscriber)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows.Count, MaxBatch);
        var partition = PartitionOf(rows[0].Key);
        if (rows.Any(r => PartitionOf(r.Key) != partition))
        {
            throw new ArgumentException("A batch holds one partition.", nameof(rows));
        }

        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.SubmitTransactionAsync(
                rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, SubscriberEntity.From(r.Key, r.Subscriber))),
                cancellationToken).ConfigureAwait(false);
            return rows.Count;
        }
        catch (RequestFailedException exception) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.ImportBatchFellBack(rows.Count, partition, exception.Status);
        }

        var created = 0;
        foreach (var (key, subscriber) in rows)
        {
            created += (await CreateAsync(key, subscriber, cancellationToken).ConfigureAwait(false)).Created ? 1 : 0;
        }

        return created;
    }

    /// <summary>
    /// Staff only (varbot subscribers add): a new address becomes pending; a known one takes the new name and themes
    /// and keeps its status and consent.
    /// </summary>
    public async Task<Subscriber> UpsertByStaffAsync(string email, string? name, IReadOnlyList<string> themes, string consentSource, CancellationToken cancellationToken = default)
    {
        var outcome = await CreateAsync(email, name, themes, consentSource, confirmed: false, cancellationToken).ConfigureAwait(false);
        if (outcome.Created)
        {
            return outcome.Subscriber;
        }

        return await UpdateAsync(outcome.Key, s => s with { Name = name ?? s.Name, Themes = themes }, cancellationToken).ConfigureAwait(false) ?? outcome.Subscriber;
    }

    /// <summary>
    /// Staff and tests only (authenticated callers): stores the subscriber, or updates a known one's name and themes and
    /// confirms it when <paramref name="confirmed"/>. Never call this for an unauthenticated request: use
    /// <see cref="SubscriptionService"/>, which leaves a known address unchanged.
    /// </summary>
    public async Task<Subscriber> SubscribeAsync(string email, string? name, IReadOnlyList<string> themes, string consentSource, bool confirmed, CancellationToken cancellationToken = default)
    {
        var outcome = await CreateAsync(email, name, themes, consentSource, confirmed, cancellationToken).ConfigureAwait(false);
        if (outcome.Created)
        {
            return outcome.Subscriber;
        }

        var now = _time.GetUtcNow();
        return await UpdateAsync(outcome.Key, s => s with
        {
            Name = name ?? s.Name,
            Themes = themes,
            Status = confirmed ? SubscriberStatus.Confirmed : s.Status,
            ConfirmedAt = confirmed ? s.ConfirmedAt ?? now : s.ConfirmedAt,
        }, cancellationToken).ConfigureAwait(false) ?? outcome.Subscriber;
    }

    /// <summary>Confirms a pending subscriber, optionally with the themes chosen on the confirm page; null when it no longer exists.</summary>
    public Task<Subscriber?> ConfirmAsync(string key, IReadOnlyList<string>? themes = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, s => s with
        {
            Status = SubscriberStatus.Confirmed,
            ConfirmedAt = s.ConfirmedAt ?? _time.GetUtcNow(),
            Themes = themes ?? s.Themes,
        }, cancellationToken);

    public Task<Subscriber?> SetThemesAsync(string key, IReadOnlyList<string> themes, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, s => s with { Themes = themes }, cancellationToken);

    /// <summary>Removes a subscriber (unsubscribe). Returns false when there was none.</summary>
    public async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!SubscriberKeys.IsWellFormed(key))
        {
            return false;
        }

        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await DeleteEntityAsync(key, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the subscriber (its entity, and a blob left from before the table) and every send record that names it
    /// (right to be forgotten). Returns the number of records deleted.
    /// </summary>
    public async Task<int> ForgetAsync(string email, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var key in new[] { _keys.For(email), SubscriberKeys.Legacy(email) })
        {
            deleted += await RemoveAsync(key, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            deleted += await _container.DeleteAsync(BlobName(key), BlobCondition.None, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            var records = new List<string>();
            await foreach (var blob in _container.ListAsync(Issues.IssueStore.Prefix, cancellationToken).ConfigureAwait(false))
            {
                if (blob.Name.EndsWith("/sent/" + key, StringComparison.Ordinal))
                {
                    records.Add(blob.Name);
                }
            }

            foreach (var name in records)
            {
                deleted += await _container.DeleteAsync(name, BlobCondition.None, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        return deleted;
    }

    /// <summary>Every subscriber key (the RowKeys only, a page of up to 1,000 per request).</summary>
    public async IAsyncEnumerable<string> ListKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in QueryAsync<TableEntity>(["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            yield return entity.RowKey;
        }
    }

    /// <summary>Every readable subscriber with its key, in one query; an unreadable entity is logged and skipped.</summary>
    public async IAsyncEnumerable<(string Key, Subscriber Subscriber)> ListWithKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (key, subscriber, _) in ListEntitiesAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (key, subscriber);
        }
    }

    public async IAsyncEnumerable<Subscriber> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, subscriber) in ListWithKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return subscriber;
        }
    }

    /// <summary>Every readable subscriber with its key and ETag (for <see cref="SubscriberKeyMigration"/>).</summary>
    internal async IAsyncEnumerable<(string Key, Subscriber Subscriber, string ETag)> ListEntitiesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in QueryAsync<SubscriberEntity>(null, cancellationToken).ConfigureAwait(false))
        {
            Subscriber subscriber;
            try
            {
                subscriber = entity.ToSubscriber();
            }
            catch (JsonException ex)
            {
                _logger.SubscriberUnreadable(BlobName(entity.RowKey), ex);
                continue;
            }

            yield return (entity.RowKey, subscriber, entity.ETag.ToString());
        }
    }

    /// <summary>Creates <paramref name="subscriber"/> under <paramref name="key"/> unless one is there; false when one is.</summary>
    internal async Task<bool> TryCreateAsync(string key, Subscriber subscriber, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await TryAddAsync(SubscriberEntity.From(key, subscriber), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the subscriber under <paramref name="key"/> if it is unchanged since <paramref name="etag"/>; false when it changed or is gone.</summary>
    internal async Task<bool> RemoveIfUnchangedAsync(string key, string etag, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DeleteEntityAsync(key, new ETag(etag), cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConditionFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Moves subscriber blobs (subscribers/{key}.json, the store before the table) into the table, idempotently and
    /// without losing one: each blob is inserted if absent (when the table holds the key already, the newer of the two
    /// wins), then deleted only if unchanged since it was read. A blob that cannot be read, or changed meanwhile, stays
    /// for the next run. Runs by itself before the store's first operation; <c>varbot subscribers migrate-keys</c> runs it too.
    /// </summary>
    public async Task<TableMigrationResult> MigrateFromBlobsAsync(CancellationToken cancellationToken = default)
    {
        await CallAsync(() => _table.CreateIfNotExistsAsync(cancellationToken), "Create Table", cancellationToken).ConfigureAwait(false);
        return await MoveBlobsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableMigrationResult> MoveBlobsAsync(CancellationToken cancellationToken)
    {
        var blobs = new List<BlobProperties>();
        await foreach (var blob in _container.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                blobs.Add(blob);
            }
        }

        if (blobs.Count == 0)
        {
            return new TableMigrationResult(0, 0);
        }

        int moved = 0, kept = 0;
        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = MigrationWorkers, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            Interlocked.Increment(ref await MoveBlobAsync(blob.Name, ct).ConfigureAwait(false) ? ref moved : ref kept);
        }).ConfigureAwait(false);
        _logger.SubscribersMovedToTable(_table.Name, moved, kept);
        return new TableMigrationResult(moved, kept);
    }

    private async Task<bool> MoveBlobAsync(string name, CancellationToken cancellationToken)
    {
        var key = name[Prefix.Length..^".json".Length];
        if (!SubscriberKeys.IsWellFormed(key) || await _container.GetAsync(name, cancellationToken).ConfigureAwait(false) is not { } blob)
        {
            return false;
        }

        Subscriber subscriber;
        try
        {
            subscriber = NewsletterJson.Deserialize<Subscriber>(blob.Content);
        }
        catch (JsonException ex)
        {
            _logger.SubscriberUnreadable(name, ex);
            return false;
        }

        if (!await TryAddAsync(SubscriberEntity.From(key, subscriber), cancellationToken).ConfigureAwait(false)
            && await FindAsync(key, cancellationToken).ConfigureAwait(false) is { } existing
            && existing.Timestamp < blob.Properties.LastModified)
        {
            // The table holds the key already (an earlier, interrupted run, or a write since): the newer record wins.
            try
            {
                await ReplaceAsync(SubscriberEntity.From(key, subscriber), existing.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (BlobConditionFailedException)
            {
                _logger.SubscriberBlobChangedDuringMove(name);
                return false;
            }
        }

        try
        {
            await _container.DeleteAsync(name, BlobCondition.IfUnchanged(blob.Properties.ETag), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (BlobConditionFailedException)
        {
            _logger.SubscriberBlobChangedDuringMove(name);
            return false;
        }
    }

    /// <summary>Reads, changes and writes back under If-Match, again when another writer got in between; null when the subscriber is gone.</summary>
    internal async Task<Subscriber?> UpdateAsync(string key, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await GetByKeyAsync(key, cancellationToken).ConfigureAwait(false) is not { } existing)
            {
                return null;
            }

            var updated = change(existing.Subscriber);
            try
            {
                await ReplaceAsync(SubscriberEntity.From(key, updated), new ETag(existing.ETag), cancellationToken).ConfigureAwait(false);
                return updated;
            }
            catch (BlobConditionFailedException)
            {
                await BackOffAsync(key, attempt, cancellationToken).ConfigureAwait(false);
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

        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 + 15 * attempt)), _time, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SubscriberEntity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var response = await CallAsync(() => _table.GetEntityIfExistsAsync<SubscriberEntity>(PartitionOf(key), key, cancellationToken: cancellationToken), "Get Entity", cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Insert-if-absent; false when the entity exists.</summary>
    private async Task<bool> TryAddAsync(SubscriberEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
        catch (Exception exception) when (TableServiceFactory.IsStorageFailure(exception, cancellationToken))
        {
            throw TableServiceFactory.Translate(exception, "Insert Entity", _table.Name, _logger);
        }
    }

    /// <summary>Replaces the entity if its ETag is still <paramref name="ifMatch"/>; <see cref="BlobConditionFailedException"/> when not (or when it is gone).</summary>
    private async Task ReplaceAsync(SubscriberEntity entity, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            throw new BlobConditionFailedException(_table.Name + "/" + entity.RowKey, exception.Status);
        }
        catch (Exception exception) when (TableServiceFactory.IsStorageFailure(exception, cancellationToken))
        {
            throw TableServiceFactory.Translate(exception, "Update Entity", _table.Name, _logger);
        }
    }

    private async Task<bool> DeleteEntityAsync(string key, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.DeleteEntityAsync(PartitionOf(key), key, ifMatch, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            throw new BlobConditionFailedException(_table.Name + "/" + key, exception.Status);
        }
        catch (Exception exception) when (TableServiceFactory.IsStorageFailure(exception, cancellationToken))
        {
            throw TableServiceFactory.Translate(exception, "Delete Entity", _table.Name, _logger);
        }
    }

    private async IAsyncEnumerable<T> QueryAsync<T>(IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        await using var pages = _table.QueryAsync<T>(filter: (string?)null, maxPerPage: 1000, select: select, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await pages.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception exception) when (TableServiceFactory.IsStorageFailure(exception, cancellationToken))
            {
                throw TableServiceFactory.Translate(exception, "Query Entities", _table.Name, _logger);
            }

            yield return pages.Current;
        }
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (TableServiceFactory.IsStorageFailure(exception, cancellationToken))
        {
            throw TableServiceFactory.Translate(exception, operation, _table.Name, _logger);
        }
    }

    private static TableClient DefaultTable(IBlobContainer container) =>
        container is ITableServiceSource source
            ? source.TableService.GetTableClient(DefaultTableName(container.Name))
            : throw new InvalidOperationException($"Container '{container.Name}' has no table service: pass the subscriber table.");
}

/// <summary>One subscriber as a table entity; themes as a JSON array, status as "pending" or "confirmed".</summary>
internal sealed class SubscriberEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Email { get; set; } = "";

    public string? Name { get; set; }

    public string Themes { get; set; } = "[]";

    public string Status { get; set; } = "";

    public string ConsentSource { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public static SubscriberEntity From(string key, Subscriber subscriber) => new()
    {
        PartitionKey = SubscriberStore.PartitionOf(key),
        RowKey = key,
        Email = subscriber.Email,
        Name = subscriber.Name,
        Themes = JsonSerializer.Serialize(subscriber.Themes, ThemesJson.Default.IReadOnlyListString),
        Status = subscriber.Status == SubscriberStatus.Confirmed ? "confirmed" : "pending",
        ConsentSource = subscriber.ConsentSource,
        CreatedAt = subscriber.CreatedAt,
        ConfirmedAt = subscriber.ConfirmedAt,
    };

    /// <summary>The subscriber; <see cref="JsonException"/> when the entity cannot be one (themes not a JSON list, unknown status).</summary>
    public Subscriber ToSubscriber()
    {
        var status = Status switch
        {
            "confirmed" => SubscriberStatus.Confirmed,
            "pending" => SubscriberStatus.Pending,
            _ => throw new JsonException($"Unknown subscriber status in entity {RowKey}."),
        };
        var themes = JsonSerializer.Deserialize(Themes, ThemesJson.Default.IReadOnlyListString) ?? throw new JsonException($"No themes in entity {RowKey}.");
        return new Subscriber(Email, Name, themes, status, ConsentSource, CreatedAt, ConfirmedAt);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class ThemesJson : System.Text.Json.Serialization.JsonSerializerContext;
