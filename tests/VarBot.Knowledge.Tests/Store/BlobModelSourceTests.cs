using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Store;

public sealed class BlobModelSourceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CapturingLoggerProvider _logs = new();

    private static IBlobContainer NewContainer(string connectionString, string name, HttpClient? http = null) =>
        BlobContainerFactory.Create(connectionString, name, http);

    private BlobModelSource NewSource(IBlobContainer container) =>
        new(new ModelRepository(container), TimeProvider.System, _logs.CreateFactory().CreateLogger<BlobModelSource>());

    private ModelPublisher NewPublisher(IBlobContainer container) =>
        new(container, TimeProvider.System, _logs.CreateFactory().CreateLogger<ModelPublisher>());

    [Fact]
    public async Task GetAsync_PublishedModel_LoadsItAndReportsHealth()
    {
        var container = NewContainer(azurite.ConnectionString, AzuriteFixture.UniqueContainerName("src"));
        await NewPublisher(container).PublishAsync(TestModels.Create("v1"));
        var source = NewSource(container);

        var model = await source.GetAsync();

        Assert.Equal("v1", model.Version);
        Assert.Same(model, source.Current);
        Assert.True(source.Health.IsReady);
        Assert.Equal("v1", source.Health.Version);
        Assert.NotNull(source.Health.LastLoadedAt);
        Assert.Null(source.Health.LastError);
    }

    [Fact]
    public async Task GetAsync_NothingPublished_ThrowsUnavailableWithReason()
    {
        var container = NewContainer(azurite.ConnectionString, AzuriteFixture.UniqueContainerName("src"));
        var source = NewSource(container);

        var ex = await Assert.ThrowsAsync<KnowledgeModelUnavailableException>(() => source.GetAsync());

        Assert.Contains("No model has been published", ex.Message, StringComparison.Ordinal);
        Assert.False(source.Health.IsReady);
    }

    [Fact]
    public async Task RefreshAsync_NewPublish_SwapsModelAndRaisesChanged()
    {
        var container = NewContainer(azurite.ConnectionString, AzuriteFixture.UniqueContainerName("src"));
        var publisher = NewPublisher(container);
        await publisher.PublishAsync(TestModels.Create("v1"));
        var source = NewSource(container);
        await source.GetAsync();
        var changes = new List<(string? Previous, string Current)>();
        source.ModelChanged += (_, e) => changes.Add((e.Previous?.Version, e.Current.Version));

        Assert.False(await source.RefreshAsync());
        await publisher.PublishAsync(TestModels.Create("v2"));
        Assert.True(await source.RefreshAsync());

        Assert.Equal("v2", source.Current!.Version);
        Assert.Equal([("v1", "v2")], changes);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"schemaVersion\":99,\"version\":\"v2\"}", "schema version 99")]
    [InlineData("{\"schemaVersion\":1,\"version\":\"other\"}", "holds version 'other'")]
    public async Task RefreshAsync_CorruptModelBlob_KeepsPreviousModelAndReportsClearError(string corrupt, string expected)
    {
        var container = NewContainer(azurite.ConnectionString, AzuriteFixture.UniqueContainerName("bad"));
        await NewPublisher(container).PublishAsync(TestModels.Create("v1"));
        var source = NewSource(container);
        await source.GetAsync();
        var pointerETag = (await container.GetPropertiesAsync(ModelRepository.PointerBlob))!.ETag;
        await container.PutAsync("models/v2.json", System.Text.Encoding.UTF8.GetBytes(corrupt), "application/json");
        await container.PutAsync(
            ModelRepository.PointerBlob,
            System.Text.Encoding.UTF8.GetBytes($"{{\"version\":\"v2\",\"publishedAt\":\"2026-11-23T00:00:00Z\",\"blob\":\"models/v2.json\"}}"),
            "application/json",
            BlobCondition.IfUnchanged(pointerETag));

        var changed = await source.RefreshAsync();
        var again = await source.RefreshAsync();

        Assert.False(changed);
        Assert.False(again);
        Assert.Equal("v1", source.Current!.Version);
        Assert.Equal("v1", (await source.GetAsync()).Version);
        Assert.Equal("v1", source.Health.Version);
        Assert.NotNull(source.Health.LastError);
        Assert.Contains("models/v2.json", source.Health.LastError, StringComparison.Ordinal);
        Assert.Contains(expected, source.Health.LastError, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 3102 && e.Message.Contains("still serving v1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshAsync_ValidJsonWithANullList_KeepsPreviousModel()
    {
        var container = NewContainer(azurite.ConnectionString, AzuriteFixture.UniqueContainerName("null"));
        var publisher = NewPublisher(container);
        await publisher.PublishAsync(TestModels.Create("v1"));
        var source = NewSource(container);
        await source.GetAsync();
        var broken = System.Text.Json.Nodes.JsonNode.Parse(ModelJson.Serialize(TestModels.Create("v2")))!;
        broken["passages"] = null;
        await PublishRawAsync(container, "v2", broken.ToJsonString());

        Assert.False(await source.RefreshAsync());

        Assert.Equal("v1", source.Current!.Version);
        Assert.Contains("passages", source.Health.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefreshAsync_ConsumerCheckFailsOnNewModel_KeepsPreviousModelAndDoesNotRetryIt()
    {
        var container = NewContainer(azurite.ConnectionString, AzuriteFixture.UniqueContainerName("chk"));
        var publisher = NewPublisher(container);
        await publisher.PublishAsync(TestModels.Create("v1"));
        var check = new RefusingCheck("v2");
        var source = new BlobModelSource(new ModelRepository(container), TimeProvider.System, _logs.CreateFactory().CreateLogger<BlobModelSource>(), () => [check]);
        await source.GetAsync();

        await publisher.PublishAsync(TestModels.Create("v2"));
        var changed = await source.RefreshAsync();
        var again = await source.RefreshAsync();

        Assert.False(changed);
        Assert.False(again);
        Assert.Equal("v1", source.Current!.Version);
        Assert.Equal(["v1", "v2"], check.Seen); // the refused model is not downloaded and checked on every poll
        Assert.Contains("answering engine failed", source.Health.LastError, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 3102 && e.Message.Contains("still serving v1", StringComparison.Ordinal));
    }

    private static async Task PublishRawAsync(IBlobContainer container, string version, string json)
    {
        var pointerETag = (await container.GetPropertiesAsync(ModelRepository.PointerBlob))!.ETag;
        await container.PutAsync($"models/{version}.json", System.Text.Encoding.UTF8.GetBytes(json), "application/json");
        await container.PutAsync(
            ModelRepository.PointerBlob,
            System.Text.Encoding.UTF8.GetBytes($"{{\"version\":\"{version}\",\"publishedAt\":\"2026-11-23T00:00:00Z\",\"blob\":\"models/{version}.json\"}}"),
            "application/json",
            BlobCondition.IfUnchanged(pointerETag));
    }

    /// <summary>A consumer that cannot serve one model version, as an answering engine that throws on it.</summary>
    private sealed class RefusingCheck(string refused) : IModelCheck
    {
        public List<string> Seen { get; } = [];

        public string Name => "answering engine";

        public void Check(KnowledgeModel model)
        {
            Seen.Add(model.Version);
            if (model.Version == refused)
            {
                throw new InvalidOperationException("engine build failed");
            }
        }
    }

    [Fact]
    public async Task RefreshAsync_CorruptPointer_KeepsPreviousModel()
    {
        var container = NewContainer(azurite.ConnectionString, AzuriteFixture.UniqueContainerName("bad"));
        await NewPublisher(container).PublishAsync(TestModels.Create("v1"));
        var source = NewSource(container);
        await source.GetAsync();
        await container.PutAsync(ModelRepository.PointerBlob, "[]"u8.ToArray(), "application/json");

        Assert.False(await source.RefreshAsync());

        Assert.Equal("v1", source.Current!.Version);
        Assert.Contains("models/current.json", source.Health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_StorageStopped_ServesLastGoodModelAndReportsError()
    {
        var own = AzuriteFixture.StartOwn();
        var container = NewContainer(own.ConnectionString, "varbot");
        await NewPublisher(container).PublishAsync(TestModels.Create("v1"));
        var source = NewSource(container);
        await source.GetAsync();
        var loadedAt = source.Health.LastLoadedAt;

        own.Dispose();
        var changed = await source.RefreshAsync();

        Assert.False(changed);
        Assert.Equal("v1", (await source.GetAsync()).Version);
        Assert.True(source.Health.IsReady);
        Assert.Equal(loadedAt, source.Health.LastLoadedAt);
        Assert.NotNull(source.Health.LastErrorAt);
        Assert.Contains("unreachable", source.Health.LastError, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{own.Port}", source.Health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WrongAccountKey_ClearErrorWithoutKeyOrSignature()
    {
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)42, 64).ToArray());
        using var handler = new AuthorizationRecordingHandler();
        using var http = new HttpClient(handler, disposeHandler: false);
        var logger = _logs.CreateFactory().CreateLogger("VarBot.Storage");
        var container = BlobContainerFactory.Create(
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={wrongKey};BlobEndpoint={azurite.BlobEndpoint};",
            AzuriteFixture.UniqueContainerName("key"),
            http,
            logger);
        var source = NewSource(container);

        var ex = await Assert.ThrowsAsync<KnowledgeModelUnavailableException>(() => source.GetAsync());

        Assert.Contains("refused the credentials", ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused the credentials", source.Health.LastError, StringComparison.Ordinal);
        var signatures = handler.Authorizations.Select(a => a.Split(':')[1]).ToList();
        Assert.NotEmpty(signatures);
        var everything = ex + "\n" + source.Health + "\n" + string.Join("\n", _logs.Lines);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2001);
        Assert.DoesNotContain(wrongKey, everything, StringComparison.Ordinal);
        Assert.All(signatures, s => Assert.DoesNotContain(s, everything, StringComparison.Ordinal));
    }
}
