using System.Text;
using Microsoft.Extensions.Logging;
using VarBot.Newsletter.Issues;
using VarBot.Storage;

namespace VarBot.Newsletter.Subscribers;

public sealed record KeyMigrationResult(int Subscribers, int SendRecords, int Conflicts);

/// <summary>
/// Moves subscribers whose key is not the current key of their address: the unsalted SHA-256 keys from before issue 9,
/// or keys of an earlier signing key. It first moves any subscriber blobs into the table
/// (<see cref="SubscriberStore.MigrateFromBlobsAsync"/>), then each moved subscriber gets an entity under its new key
/// (insert-if-absent: an address that subscribed again under its new key keeps that newer record), its send records are
/// moved, and the old key keeps an alias to the new one, so unsubscribe links in mails sent before still work.
/// Idempotent; run it while no send is running (varbot subscribers migrate-keys).
/// </summary>
public sealed class SubscriberKeyMigration(IBlobContainer container, SubscriberStore store, ILogger<SubscriberKeyMigration> logger)
{
    public async Task<KeyMigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await store.MigrateFromBlobsAsync(cancellationToken);
        var moves = new Dictionary<string, string>(StringComparer.Ordinal);
        var old = new List<(string Key, Subscriber Subscriber, string ETag)>();
        await foreach (var (key, subscriber, etag) in store.ListEntitiesAsync(cancellationToken))
        {
            var target = store.KeyOf(subscriber.Email);
            if (target != key)
            {
                moves[key] = target;
                old.Add((key, subscriber, etag));
            }
        }

        if (moves.Count == 0)
        {
            return new KeyMigrationResult(0, 0, 0);
        }

        int moved = 0, conflicts = 0, records = 0;
        foreach (var (from, subscriber, _) in old)
        {
            if (await store.TryCreateAsync(moves[from], subscriber, cancellationToken))
            {
                moved++;
            }
            else
            {
                // The address subscribed again under its new key: that newer record wins.
                conflicts++;
            }

            await container.PutAsync(SubscriberStore.AliasPrefix + from, Encoding.UTF8.GetBytes(moves[from]), "text/plain", BlobCondition.None, cancellationToken);
        }

        var sent = new List<string>();
        await foreach (var blob in container.ListAsync(IssueStore.Prefix, cancellationToken))
        {
            var slash = blob.Name.LastIndexOf("/sent/", StringComparison.Ordinal);
            if (slash >= 0 && moves.ContainsKey(blob.Name[(slash + "/sent/".Length)..]))
            {
                sent.Add(blob.Name);
            }
        }

        foreach (var name in sent)
        {
            var slash = name.LastIndexOf("/sent/", StringComparison.Ordinal) + "/sent/".Length;
            if (await container.GetAsync(name, cancellationToken) is { } record)
            {
                records += await CopyAsync(name[..slash] + moves[name[slash..]], record.Content, cancellationToken) ? 1 : 0;
                await container.DeleteAsync(name, BlobCondition.IfUnchanged(record.Properties.ETag), cancellationToken);
            }
        }

        foreach (var (key, _, etag) in old)
        {
            if (!await store.RemoveIfUnchangedAsync(key, etag, cancellationToken))
            {
                // Changed while we moved it; the next run moves the newer version.
                conflicts++;
            }
        }

        logger.KeysMigrated(moved, records, conflicts);
        return new KeyMigrationResult(moved, records, conflicts);
    }

    private async Task<bool> CopyAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await container.PutAsync(name, content, "application/json", BlobCondition.IfNotExists, cancellationToken);
            return true;
        }
        catch (BlobConditionFailedException)
        {
            return false;
        }
    }
}
