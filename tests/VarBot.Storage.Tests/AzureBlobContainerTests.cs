using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VarBot.TestSupport;

namespace VarBot.Storage.Tests;

/// <summary>Every operation of the Azure SDK adapter against a real Azurite, authorized with Shared Key.</summary>
public sealed class AzureBlobContainerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly AuthorizationRecordingHandler _handler = new();

    public void Dispose() => _handler.Dispose();

    private AzureBlobContainer NewContainer(string? connectionString = null, string? name = null, TimeProvider? timeProvider = null)
    {
        var http = new HttpClient(_handler, disposeHandler: false);
        return BlobContainerFactory.Create(
            new BlobStorageOptions { ConnectionString = connectionString ?? azurite.ConnectionString, Container = name ?? AzuriteFixture.UniqueContainerName("s") },
            null,
            http,
            _logs.CreateLogger("VarBot.Storage"),
            timeProvider);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_CalledTwice_Succeeds()
    {
        var container = NewContainer();

        await container.CreateIfNotExistsAsync();
        await container.CreateIfNotExistsAsync();

        Assert.Empty(await container.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task PutAsync_ThenGetAndProperties_RoundTripsContentAndMetadata()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        var content = Encoding.UTF8.GetBytes("{\"naam\":\"Zoë, één\"}");

        var etag = await container.PutAsync("models/x y+é.json", content, "application/json");
        var download = await container.GetAsync("models/x y+é.json");
        var properties = await container.GetPropertiesAsync("models/x y+é.json");

        Assert.NotNull(download);
        Assert.Equal(content, download.Content);
        Assert.Equal(etag, download.Properties.ETag);
        Assert.StartsWith("\"", etag, StringComparison.Ordinal);
        Assert.NotNull(properties);
        Assert.Equal(etag, properties.ETag);
        Assert.Equal(content.Length, properties.ContentLength);
        Assert.Equal("application/json", properties.ContentType);
        Assert.True(properties.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task GetAsync_MissingBlobOrContainer_ReturnsNull()
    {
        var container = NewContainer();

        Assert.Null(await container.GetAsync("nope.json"));
        Assert.Null(await container.GetPropertiesAsync("nope.json"));
        await container.CreateIfNotExistsAsync();
        Assert.Null(await container.GetAsync("nope.json"));
        Assert.Null(await container.GetPropertiesAsync("nope.json"));
    }

    [Fact]
    public async Task PutAsync_IfNotExistsOnExistingBlob_ThrowsConditionFailed()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        await container.PutAsync("a.json", "1"u8.ToArray(), "application/json", BlobCondition.IfNotExists);

        var ex = await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => container.PutAsync("a.json", "2"u8.ToArray(), "application/json", BlobCondition.IfNotExists));

        Assert.Equal("a.json", ex.BlobName);
        Assert.Contains(ex.Status, new[] { 409, 412 });
        Assert.Equal("1"u8.ToArray(), (await container.GetAsync("a.json"))!.Content);
    }

    [Fact]
    public async Task PutAsync_IfMatchCurrentETag_ReplacesAndStaleETagFails()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        var first = await container.PutAsync("p.json", "1"u8.ToArray(), "application/json");

        var second = await container.PutAsync("p.json", "2"u8.ToArray(), "application/json", BlobCondition.IfUnchanged(first));
        var ex = await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => container.PutAsync("p.json", "3"u8.ToArray(), "application/json", BlobCondition.IfUnchanged(first)));

        Assert.NotEqual(first, second);
        Assert.Equal(412, ex.Status);
        Assert.Equal("2"u8.ToArray(), (await container.GetAsync("p.json"))!.Content);
    }

    [Fact]
    public async Task PutAsync_IfMatchOnMissingBlob_ThrowsConditionFailed()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();

        await Assert.ThrowsAsync<BlobConditionFailedException>(
            () => container.PutAsync("missing.json", "1"u8.ToArray(), "application/json", BlobCondition.IfUnchanged("\"0x8D000000000000\"")));
    }

    [Fact]
    public async Task ListAsync_ManyBlobsSmallPages_FollowsMarkersAndFiltersByPrefix()
    {
        var container = NewContainer();
        container.ListPageSize = 3;
        await container.CreateIfNotExistsAsync();
        var expected = Enumerable.Range(0, 11).Select(i => $"models/v{i:D2}.json").ToList();
        foreach (var name in expected)
        {
            await container.PutAsync(name, Encoding.UTF8.GetBytes(name), "application/json");
        }

        await container.PutAsync("other/x.json", "x"u8.ToArray(), "application/json");

        var listed = await container.ListAsync("models/").ToListAsync();
        var all = await container.ListAsync().ToListAsync();

        Assert.Equal(expected, listed.Select(b => b.Name).ToList());
        Assert.Equal(12, all.Count);
        Assert.All(listed, b => Assert.Equal(b.Name.Length, b.ContentLength));
        Assert.All(listed, b => Assert.StartsWith("\"", b.ETag, StringComparison.Ordinal));
        var etag = (await container.GetPropertiesAsync("models/v03.json"))!.ETag;
        Assert.Equal(etag, listed.Single(b => b.Name == "models/v03.json").ETag);
        // Paging really happened: 12 blobs in pages of 3 is at least 4 List Blobs requests for "all".
        Assert.True(_handler.Authorizations.Count >= 12 + 1 + 4 + 4);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        await container.PutAsync("d.json", "1"u8.ToArray(), "application/json");

        Assert.True(await container.DeleteAsync("d.json"));
        Assert.False(await container.DeleteAsync("d.json"));
        Assert.Null(await container.GetAsync("d.json"));
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsAndKeepsBlob()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        var first = await container.PutAsync("d.json", "1"u8.ToArray(), "application/json");
        var second = await container.PutAsync("d.json", "2"u8.ToArray(), "application/json");

        await Assert.ThrowsAsync<BlobConditionFailedException>(() => container.DeleteAsync("d.json", BlobCondition.IfUnchanged(first)));
        Assert.NotNull(await container.GetAsync("d.json"));
        Assert.True(await container.DeleteAsync("d.json", BlobCondition.IfUnchanged(second)));
    }

    [Fact]
    public async Task AnyOperation_WrongAccountKey_ThrowsClearErrorWithoutKeyOrSignature()
    {
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 64).ToArray());
        var container = NewContainer($"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={wrongKey};BlobEndpoint={azurite.BlobEndpoint};");

        var create = await Assert.ThrowsAsync<BlobStorageException>(() => container.CreateIfNotExistsAsync());
        var get = await Assert.ThrowsAsync<BlobStorageException>(() => container.GetAsync("x.json"));
        var head = await Assert.ThrowsAsync<BlobStorageException>(() => container.GetPropertiesAsync("x.json"));

        Assert.Equal(403, create.Status);
        Assert.Contains(create.ErrorCode, new[] { "AuthenticationFailed", "AuthorizationFailure" });
        Assert.Contains("refused the credentials", create.Message, StringComparison.Ordinal);
        Assert.Equal(403, head.Status);
        var signatures = _handler.Authorizations.Select(a => a.Split(':')[1]).ToList();
        Assert.Equal(3, signatures.Count);
        var everything = string.Join("\n", new[] { create.ToString(), get.ToString(), head.ToString() }.Concat(_logs.Lines));
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(wrongKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, everything, StringComparison.Ordinal);
        Assert.All(signatures, s => Assert.DoesNotContain(s, everything, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyOperation_ClosedPort_ThrowsUnreachable()
    {
        var port = LocalServer.FreePort();
        var container = NewContainer($"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.AccountName};");

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => container.GetAsync("x.json"));

        Assert.Contains("unreachable", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Status);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, ex.ToString() + string.Join("\n", _logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBlobStorage_WrongKeyWithTraceLogging_LogsNeitherKeyNorSignature()
    {
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)9, 64).ToArray());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={wrongKey};BlobEndpoint={azurite.BlobEndpoint};",
            ["Storage:Container"] = AzuriteFixture.UniqueContainerName("di"),
        }).Build();
        var authorizations = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddBlobStorage();
        services.AddHttpClient(BlobStorageServiceCollectionExtensions.HttpClientName)
            .AddHttpMessageHandler(() => new AuthorizationRecordingHandler(authorizations));
        await using var provider = services.BuildServiceProvider();
        var container = provider.GetRequiredService<IBlobContainer>();

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => container.PutAsync("x.json", "1"u8.ToArray(), "application/json"));

        Assert.Equal(403, ex.Status);
        var signature = Assert.Single(authorizations).Split(':')[1];
        var everything = ex + "\n" + string.Join("\n", _logs.Lines);
        Assert.Contains("System.Net.Http.HttpClient", everything, StringComparison.Ordinal);
        Assert.Contains("Authorization: *", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, everything, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subscribers/../models/current.json")]
    [InlineData("../outside.json")]
    [InlineData("subscribers/./x.json")]
    [InlineData("subscribers//x.json")]
    [InlineData("subscribers/a\u0000b.json")]
    [InlineData("subscribers/a\u001b[31mb.json")]
    [InlineData("subscribers\\..\\x.json")]
    [InlineData("")]
    public async Task AnyOperation_UnsafeBlobName_IsRefusedBeforeAnyRequest(string blobName)
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        var before = _handler.Authorizations.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => container.GetAsync(blobName));
        await Assert.ThrowsAsync<ArgumentException>(() => container.GetPropertiesAsync(blobName));
        await Assert.ThrowsAsync<ArgumentException>(() => container.PutAsync(blobName, "1"u8.ToArray(), "application/json"));
        await Assert.ThrowsAsync<ArgumentException>(() => container.DeleteAsync(blobName));
        await Assert.ThrowsAsync<ArgumentException>(() => container.TryAcquireLeaseAsync(blobName, TimeSpan.FromSeconds(15)));

        Assert.Equal(before, _handler.Authorizations.Count);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_HeldElsewhere_ReturnsNullUntilReleased()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        var other = NewContainer(name: container.Name);

        var first = await container.TryAcquireLeaseAsync("locks/send-2026-03", TimeSpan.FromSeconds(15));
        var second = await other.TryAcquireLeaseAsync("locks/send-2026-03", TimeSpan.FromSeconds(15));
        Assert.NotNull(first);
        Assert.Null(second);

        await first.DisposeAsync();
        await using var third = await other.TryAcquireLeaseAsync("locks/send-2026-03", TimeSpan.FromSeconds(15));

        Assert.NotNull(third);
        Assert.False(third.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_LeaseBrokenByOperator_RenewalCancelsLost()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var container = NewContainer(timeProvider: time);
        await container.CreateIfNotExistsAsync();
        await using var lease = await container.TryAcquireLeaseAsync("locks/reminders", TimeSpan.FromSeconds(15));
        Assert.NotNull(lease);

        var sdk = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, container.Name).GetBlobClient("locks/reminders");
        await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(sdk).BreakAsync(TimeSpan.Zero);
        var lost = new TaskCompletionSource();
        using var registration = lease.Lost.Register(() => lost.TrySetResult());
        time.Advance(TimeSpan.FromSeconds(5));

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2005);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task TryAcquireLeaseAsync_HolderAlive_KeepsLeaseBeyondItsDuration()
    {
        var container = NewContainer();
        await container.CreateIfNotExistsAsync();
        await using var lease = await container.TryAcquireLeaseAsync("locks/long-run", TimeSpan.FromSeconds(15));
        Assert.NotNull(lease);

        // Longer than the 15 s lease itself: only the holder's own renewals keep others out.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            Assert.Null(await NewContainer(name: container.Name).TryAcquireLeaseAsync("locks/long-run", TimeSpan.FromSeconds(15)));
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.False(lease.Lost.IsCancellationRequested);
    }
}
