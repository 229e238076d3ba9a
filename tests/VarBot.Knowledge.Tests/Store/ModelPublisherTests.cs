using System.Text;
using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Store;

public sealed class ModelPublisherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly CapturingLoggerProvider _logs = new();

    private IBlobContainer NewContainer(string? name = null) =>
        BlobContainerFactory.Create(azurite.ConnectionString, name ?? AzuriteFixture.UniqueContainerName("m"));

    private ModelPublisher NewPublisher(IBlobContainer container) =>
        new(container, TimeProvider.System, _logs.CreateFactory().CreateLogger<ModelPublisher>());

    [Fact]
    public async Task PublishAsync_NewModel_LoadCurrentReturnsSameModel()
    {
        var container = NewContainer();
        var model = TestModels.Create("v1");

        var result = await NewPublisher(container).PublishAsync(model);
        var loaded = await new ModelRepository(container).LoadCurrentAsync();

        Assert.Equal("models/v1.json", result.Blob);
        Assert.False(result.ModelBlobExisted);
        Assert.Null(result.PreviousVersion);
        Assert.NotNull(loaded);
        Assert.Equal("v1", loaded.Pointer.Version);
        Assert.Equal("models/v1.json", loaded.Pointer.Blob);
        Assert.Equal(ModelJson.Serialize(model), ModelJson.Serialize(loaded.Model));
        var pointerJson = Encoding.UTF8.GetString((await container.GetAsync(ModelRepository.PointerBlob))!.Content);
        Assert.Contains("\"version\":\"v1\"", pointerJson, StringComparison.Ordinal);
        Assert.Contains("\"publishedAt\":", pointerJson, StringComparison.Ordinal);
        Assert.Contains("\"blob\":\"models/v1.json\"", pointerJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_SameVersionTwice_IsIdempotent()
    {
        var container = NewContainer();
        var publisher = NewPublisher(container);
        await publisher.PublishAsync(TestModels.Create("v1"));
        var pointerETag = (await container.GetPropertiesAsync(ModelRepository.PointerBlob))!.ETag;

        var again = await publisher.PublishAsync(TestModels.Create("v1"));

        Assert.True(again.ModelBlobExisted);
        Assert.Equal(pointerETag, (await container.GetPropertiesAsync(ModelRepository.PointerBlob))!.ETag);
        Assert.Equal(["v1"], await new ModelRepository(container).ListVersionsAsync().ToListAsync());
    }

    [Fact]
    public async Task PublishAsync_SecondVersion_MovesPointerAndKeepsOldBlob()
    {
        var container = NewContainer();
        var publisher = NewPublisher(container);
        await publisher.PublishAsync(TestModels.Create("v1"));

        var result = await publisher.PublishAsync(TestModels.Create("v2"));

        var repository = new ModelRepository(container);
        Assert.Equal("v1", result.PreviousVersion);
        Assert.Equal("v2", (await repository.LoadCurrentAsync())!.Model.Version);
        Assert.Equal("v1", (await repository.LoadVersionAsync("v1")).Version);
        Assert.Equal(["v1", "v2"], await repository.ListVersionsAsync().ToListAsync());
    }

    [Fact]
    public async Task PublishAsync_TwoPublishersRaceForThePointer_BothVersionsKeptAndPointerValid()
    {
        var name = AzuriteFixture.UniqueContainerName("race");
        using var barrier = new Barrier(2);
        var first = NewPublisher(new PointerRaceContainer(NewContainer(name), barrier));
        var second = NewPublisher(new PointerRaceContainer(NewContainer(name), barrier));
        await NewContainer(name).CreateIfNotExistsAsync();

        var results = await Task.WhenAll(
            Task.Run(() => first.PublishAsync(TestModels.Create("va"))),
            Task.Run(() => second.PublishAsync(TestModels.Create("vb"))));

        var repository = new ModelRepository(NewContainer(name));
        var current = await repository.LoadCurrentAsync();
        Assert.NotNull(current);
        Assert.Equal(["va", "vb"], await repository.ListVersionsAsync().ToListAsync());
        Assert.Contains(current.Pointer.Version, new[] { "va", "vb" });
        // The loser of the race re-read the pointer and wrote on top of the winner: nothing was lost.
        var other = current.Pointer.Version == "va" ? "vb" : "va";
        Assert.Equal(other, current.Pointer.Previous);
        Assert.Contains(results, r => r.PreviousVersion == other && r.Version == current.Pointer.Version);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 3004);
        Assert.Equal(other, (await repository.LoadVersionAsync(other)).Version);
    }

    [Fact]
    public async Task PublishAsync_ManyConcurrentPublishers_EveryVersionStoredAndPointerNamesOne()
    {
        var name = AzuriteFixture.UniqueContainerName("many");
        await NewContainer(name).CreateIfNotExistsAsync();
        var versions = Enumerable.Range(1, 6).Select(i => $"v{i}").ToList();

        await Task.WhenAll(versions.Select(v => Task.Run(() => NewPublisher(NewContainer(name)).PublishAsync(TestModels.Create(v)))));

        var repository = new ModelRepository(NewContainer(name));
        Assert.Equal(versions, await repository.ListVersionsAsync().ToListAsync());
        var current = await repository.LoadCurrentAsync();
        Assert.Contains(current!.Pointer.Version, versions);
        Assert.Equal(current.Pointer.Version, current.Model.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("current")]
    [InlineData("../x")]
    [InlineData("a b")]
    public async Task PublishAsync_UnusableVersion_Throws(string version)
    {
        var container = NewContainer();

        await Assert.ThrowsAsync<ArgumentException>(() => NewPublisher(container).PublishAsync(TestModels.Create(version)));
    }

    [Fact]
    public async Task PublishAsync_OtherSchemaVersion_Throws()
    {
        var container = NewContainer();

        await Assert.ThrowsAsync<ArgumentException>(() => NewPublisher(container).PublishAsync(TestModels.Create("v1") with { SchemaVersion = 2 }));
    }
}
