using System.Collections.Concurrent;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>
/// The subscriber store in Azure Table storage (Azurite's table service): import batches per partition, the move of
/// subscriber blobs into the table, and optimistic concurrency on one subscriber.
/// </summary>
public sealed class SubscriberTableTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private static readonly SubscriberKeys Keys = new(Convert.FromBase64String(Harness.SigningKey));

    private ThemeResolver Themes => new(servers.Seeds.Model.Themes);

    [Fact]
    public async Task Import_TwoHundredFiftyAddressesOfOnePartition_ThreeBatchRequestsOfAtMostHundredAndNoSingleWrites()
    {
        var (store, requests) = await CountingStoreAsync();
        var addresses = AddressesInPartition("7f", 250);
        var csv = "email,name,themes\n" + string.Concat(addresses.Select(a => $"{a},,mensenhandel\n"));

        var report = await new SubscriberImporter(store).ImportAsync(new StringReader(csv), "een-partitie.csv", Themes, dryRun: false);

        Assert.Equal(250, report.Imported);
        Assert.Equal(3, requests.Count(r => r.EndsWith("$batch", StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.StartsWith("POST", StringComparison.Ordinal) && r.Contains(store.TableName, StringComparison.Ordinal));
        var stored = await KeysAsync(store);
        Assert.Equal(250, stored.Count);
        Assert.All(stored, k => Assert.StartsWith("7f", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_ThousandRows_OneBatchPerPartitionAndEveryRowStoredConfirmedWithItsImportSource()
    {
        var (store, requests) = await CountingStoreAsync();
        var csv = "email,name,themes\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"lid{i}@example.org,Lid {i},mensenhandel;cybercrime\n"));
        var partitions = Enumerable.Range(0, 1000).Select(i => SubscriberStore.PartitionOf(Keys.For($"lid{i}@example.org"))).Distinct().Count();

        var report = await new SubscriberImporter(store).ImportAsync(new StringReader(csv), "leden.csv", Themes, dryRun: false);

        Assert.Equal(1000, report.Imported);
        Assert.Equal(partitions, requests.Count(r => r.EndsWith("$batch", StringComparison.Ordinal)));
        var all = new List<Subscriber>();
        await foreach (var s in store.ListAsync())
        {
            all.Add(s);
        }

        Assert.Equal(1000, all.Count);
        Assert.All(all, s =>
        {
            Assert.Equal(SubscriberStatus.Confirmed, s.Status);
            Assert.Equal("import:leden.csv", s.ConsentSource);
            Assert.Equal(["mensenhandel", "digitale-veiligheid"], s.Themes);
            Assert.NotNull(s.ConfirmedAt);
        });
        Assert.Equal("Lid 7", (await store.GetAsync("LID7@example.org"))!.Value.Subscriber.Name);
    }

    [Fact]
    public async Task CreateBatch_OneAddressSubscribedAfterTheListing_BatchFallsBackPerEntityAndTheSubscriberStaysUnchanged()
    {
        var (store, requests) = await CountingStoreAsync();
        var addresses = AddressesInPartition("a0", 5);
        await store.CreateAsync(addresses[2], "Al ingeschreven", ["jeugd-en-veiligheid"], "formulier", confirmed: false);
        var rows = addresses.Select(a => (Keys.For(a), store.NewSubscriber(a, "Import", ["mensenhandel"], "import:x.csv", confirmed: true))).ToList();

        var created = await store.CreateBatchAsync(rows, CancellationToken.None);

        Assert.Equal(4, created);
        Assert.Single(requests, r => r.EndsWith("$batch", StringComparison.Ordinal));
        var kept = (await store.GetAsync(addresses[2]))!.Value.Subscriber;
        Assert.Equal("Al ingeschreven", kept.Name);
        Assert.Equal(SubscriberStatus.Pending, kept.Status);
        Assert.Equal("import:x.csv", (await store.GetAsync(addresses[4]))!.Value.Subscriber.ConsentSource);
        Assert.Equal(5, (await KeysAsync(store)).Count);
    }

    [Fact]
    public async Task Migration_ThreeHundredSubscriberBlobs_MovedIntoTheTableUnchangedBlobsDeletedAndASecondRunDoesNothing()
    {
        var container = await NewContainerAsync("mv");
        var blobs = new Dictionary<string, Subscriber>();
        for (var i = 0; i < 300; i++)
        {
            var subscriber = new Subscriber(
                $"oud{i}@example.org",
                i % 3 == 0 ? null : $"Oud {i}",
                i % 2 == 0 ? ["mensenhandel"] : [],
                i % 5 == 0 ? SubscriberStatus.Pending : SubscriberStatus.Confirmed,
                i % 7 == 0 ? "bot" : "formulier",
                DateTimeOffset.Parse("2026-01-02T03:04:05.123+00:00", System.Globalization.CultureInfo.InvariantCulture).AddMinutes(i),
                i % 5 == 0 ? null : DateTimeOffset.Parse("2026-02-01T00:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture));
            var key = Keys.For(subscriber.Email);
            blobs[key] = subscriber;
            await container.PutAsync(SubscriberStore.BlobName(key), NewsletterJson.Serialize(subscriber), "application/json");
        }

        // A new process: its store moves the blobs before its first operation.
        var store = new SubscriberStore(container, Keys, TimeProvider.System);
        var listed = new Dictionary<string, Subscriber>();
        await foreach (var (key, subscriber) in store.ListWithKeysAsync())
        {
            listed[key] = subscriber;
        }

        Assert.Equal(300, listed.Count);
        foreach (var (key, subscriber) in blobs)
        {
            var moved = listed[key];
            Assert.Equal(subscriber.Email, moved.Email);
            Assert.Equal(subscriber.Name, moved.Name);
            Assert.Equal(subscriber.Themes, moved.Themes);
            Assert.Equal(subscriber.Status, moved.Status);
            Assert.Equal(subscriber.ConsentSource, moved.ConsentSource);
            Assert.Equal(subscriber.CreatedAt, moved.CreatedAt);
            Assert.Equal(subscriber.ConfirmedAt, moved.ConfirmedAt);
        }

        Assert.Empty(await BlobsAsync(container, SubscriberStore.Prefix));
        Assert.Equal(new TableMigrationResult(0, 0), await store.MigrateFromBlobsAsync());
        Assert.Equal(new TableMigrationResult(0, 0), await new SubscriberStore(container, Keys, TimeProvider.System).MigrateFromBlobsAsync());
    }

    [Fact]
    public async Task Migration_InterruptedRunAndChangesSince_NewerRecordWinsAndNoSubscriberIsLost()
    {
        var container = await NewContainerAsync("mv");
        var store = new SubscriberStore(container, Keys, TimeProvider.System);
        await store.EnsureReadyAsync();
        var created = DateTimeOffset.UnixEpoch;

        // An earlier run copied "tabel" and was killed before it deleted the blob; the subscriber then confirmed (table newer).
        await container.PutAsync(SubscriberStore.BlobName(Keys.For("tabel@example.org")), NewsletterJson.Serialize(
            new Subscriber("tabel@example.org", "Blob", [], SubscriberStatus.Pending, "formulier", created, null)), "application/json");
        await store.SubscribeAsync("tabel@example.org", "Tabel", ["mensenhandel"], "formulier", confirmed: true);

        // "blob" is in the table from an earlier run, and an old instance changed its blob since (blob newer).
        await store.CreateAsync("blob@example.org", "Tabel", [], "formulier", confirmed: false);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // blob times have whole seconds
        await container.PutAsync(SubscriberStore.BlobName(Keys.For("blob@example.org")), NewsletterJson.Serialize(
            new Subscriber("blob@example.org", "Blob", ["cybercrime"], SubscriberStatus.Confirmed, "formulier", created, created)), "application/json");

        // Unreadable, or not named by a key: never deleted, never lost.
        await container.PutAsync(SubscriberStore.BlobName(Keys.For("kapot@example.org")), "{niet json"u8.ToArray(), "application/json");
        await container.PutAsync(SubscriberStore.Prefix + "geen-sleutel.json", "{}"u8.ToArray(), "application/json");

        var result = await store.MigrateFromBlobsAsync();

        Assert.Equal(new TableMigrationResult(2, 2), result);
        var tabel = (await store.GetAsync("tabel@example.org"))!.Value.Subscriber;
        Assert.Equal(("Tabel", SubscriberStatus.Confirmed), (tabel.Name, tabel.Status));
        var blob = (await store.GetAsync("blob@example.org"))!.Value.Subscriber;
        Assert.Equal(("Blob", SubscriberStatus.Confirmed), (blob.Name, blob.Status));
        Assert.Equal(
            new[] { SubscriberStore.Prefix + "geen-sleutel.json", SubscriberStore.BlobName(Keys.For("kapot@example.org")) }.Order(StringComparer.Ordinal),
            (await BlobsAsync(container, SubscriberStore.Prefix)).Order(StringComparer.Ordinal));
        Assert.Equal(new TableMigrationResult(0, 2), await store.MigrateFromBlobsAsync());
    }

    [Fact]
    public async Task Migration_BlobSubscribersBeforeTheHostStarts_ServedFromTheTableAtOnce()
    {
        var container = await NewContainerAsync("mv");
        var subscriber = new Subscriber("voor-de-start@example.org", "Oud", ["mensenhandel"], SubscriberStatus.Confirmed, "formulier", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await container.PutAsync(SubscriberStore.BlobName(Keys.For(subscriber.Email)), NewsletterJson.Serialize(subscriber), "application/json");

        await using var host = await TestHost.StartAsync(servers, container, servers.Seeds.Model);
        var store = host.Services.GetRequiredService<SubscriberStore>();

        Assert.Equal("Oud", (await store.GetAsync(subscriber.Email))!.Value.Subscriber.Name);
        Assert.Empty(await BlobsAsync(container, SubscriberStore.Prefix));
    }

    [Fact]
    public async Task Update_SixteenConcurrentChangesOfOneSubscriber_EveryChangeThatReturnedIsKept()
    {
        var store = new SubscriberStore(await NewContainerAsync("cc"), Keys, TimeProvider.System);
        var outcome = await store.CreateAsync("druk@example.org", null, [], "test", confirmed: true);
        var done = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.UpdateAsync(outcome.Key, s => s with { Themes = [.. s.Themes, $"t{i}"] }, CancellationToken.None);
                done.Add($"t{i}");
            }
            catch (SubscriberConflictException)
            {
                // Gave up after the optimistic attempts: allowed, but then its change must not be there.
            }
        })));

        var themes = (await store.GetByKeyAsync(outcome.Key))!.Value.Subscriber.Themes;
        Assert.NotEmpty(done);
        Assert.Equal(done.Order(StringComparer.Ordinal), themes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubscribeUnsubscribeAndThemes_ConcurrentOnOneAddress_OnlyConflictsAndAConsistentEnd()
    {
        var store = new SubscriberStore(await NewContainerAsync("cc"), Keys, TimeProvider.System);
        var key = Keys.For("wissel@example.org");
        var unexpected = new ConcurrentBag<Exception>();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            try
            {
                _ = (i % 4) switch
                {
                    0 => await store.CreateAsync("wissel@example.org", "Wissel", ["mensenhandel"], "formulier", confirmed: false),
                    1 => (object)await store.RemoveAsync(key),
                    2 => (object?)await store.SetThemesAsync(key, ["cybercrime"]) ?? "",
                    _ => (object?)await store.ConfirmAsync(key) ?? "",
                };
            }
            catch (SubscriberConflictException)
            {
            }
            catch (Exception ex)
            {
                unexpected.Add(ex);
            }
        })));

        Assert.Empty(unexpected);
        if (await store.GetByKeyAsync(key) is { } end)
        {
            Assert.Equal("wissel@example.org", end.Subscriber.Email);
            Assert.Equal(end.Subscriber.Status == SubscriberStatus.Confirmed, end.Subscriber.ConfirmedAt is not null);
        }
    }

    [Fact]
    public async Task RemoveIfUnchanged_StaleETag_RefusedAndTheSubscriberStays()
    {
        var store = new SubscriberStore(await NewContainerAsync("cc"), Keys, TimeProvider.System);
        var outcome = await store.CreateAsync("etag@example.org", null, [], "test", confirmed: false);
        var stale = (await store.GetByKeyAsync(outcome.Key))!.Value.ETag;
        await store.ConfirmAsync(outcome.Key);

        Assert.False(await store.RemoveIfUnchangedAsync(outcome.Key, stale, CancellationToken.None));
        var current = (await store.GetByKeyAsync(outcome.Key))!.Value;
        Assert.Equal(SubscriberStatus.Confirmed, current.Subscriber.Status);
        Assert.NotEqual(stale, current.ETag);
        Assert.True(await store.RemoveIfUnchangedAsync(outcome.Key, current.ETag, CancellationToken.None));
        Assert.Null(await store.GetByKeyAsync(outcome.Key));
    }

    private static List<string> AddressesInPartition(string partition, int count)
    {
        var found = new List<string>();
        for (var i = 0; found.Count < count; i++)
        {
            var address = $"p{partition}-{i}@example.org";
            if (SubscriberStore.PartitionOf(Keys.For(address)) == partition)
            {
                found.Add(address);
            }
        }

        return found;
    }

    private async Task<IBlobContainer> NewContainerAsync(string prefix)
    {
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName(prefix));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    /// <summary>A store whose table client records every request ("METHOD path"), to see batches and single writes.</summary>
    private async Task<(SubscriberStore Store, ConcurrentQueue<string> Requests)> CountingStoreAsync()
    {
        var container = await NewContainerAsync("bt");
        var requests = new ConcurrentQueue<string>();
        var http = new HttpClient(new RecordingHandler(requests) { InnerHandler = new SocketsHttpHandler() });
        var table = TableServiceFactory.Create(servers.Azurite.ConnectionString, http).GetTableClient(SubscriberStore.DefaultTableName(container.Name));
        var store = new SubscriberStore(container, table, Keys, TimeProvider.System);
        await store.EnsureReadyAsync();
        requests.Clear();
        return (store, requests);
    }

    private static async Task<List<string>> KeysAsync(SubscriberStore store)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync())
        {
            keys.Add(key);
        }

        return keys;
    }

    private static async Task<List<string>> BlobsAsync(IBlobContainer container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in container.ListAsync(prefix))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private sealed class RecordingHandler(ConcurrentQueue<string> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
