using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

/// <summary>varbot rollback against Azurite: two published versions, then the pointer moved back (and refused when it must be).</summary>
[Collection(StorageCommandsCollection.Name)]
public sealed class RollbackCommandTests(AzuriteFixture azurite)
{
    private const string Older = "2026-10-01-aaaa";
    private const string Newer = "2026-11-01-bbbb";

    [Fact]
    public async Task Rollback_ExecutableToOlderVersion_PointsCurrentAtItAndKeepsBothModels()
    {
        var (container, name) = await PublishTwoAsync();
        var environment = new Dictionary<string, string>
        {
            ["VARBOT_STORAGE__CONNECTIONSTRING"] = azurite.ConnectionString,
            ["VARBOT_STORAGE__CONTAINER"] = name,
        };

        var run = await CliRunner.RunProcessAsync(RepoPaths.Root, environment, "rollback", Older);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Het huidige model is nu versie {Older} (was: {Newer})", run.Output, StringComparison.Ordinal);
        var current = await new ModelRepository(container).LoadCurrentAsync();
        Assert.NotNull(current);
        Assert.Equal(Older, current.Model.Version);
        Assert.Equal(Newer, current.Pointer.Previous);
        Assert.NotNull(await container.GetPropertiesAsync(ModelRepository.ModelBlobName(Newer)));
    }

    [Fact]
    public async Task Rollback_BackAndForth_EndsOnTheNewerVersionAgain()
    {
        var (container, name) = await PublishTwoAsync();

        var back = await RunAsync(name, "rollback", Older);
        var forward = await RunAsync(name, "rollback", Newer);

        Assert.True(back.ExitCode == 0, back.Output);
        Assert.True(forward.ExitCode == 0, forward.Output);
        var pointer = (await new ModelRepository(container).GetPointerAsync())!.Value.Pointer;
        Assert.Equal(Newer, pointer.Version);
        Assert.Equal(Older, pointer.Previous);
    }

    [Theory]
    [InlineData("rollback", "--list")]
    [InlineData("rollback")]
    public async Task Rollback_List_ShowsEveryVersionAndMarksCurrentAndPrevious(params string[] args)
    {
        var (container, name) = await PublishTwoAsync();
        var etag = await new ModelRepository(container).GetPointerETagAsync();

        var run = await RunAsync(name, args);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"2 modelversies in container '{name}'", run.Output, StringComparison.Ordinal);
        Assert.Matches($@"\* {Newer}  opgeslagen \d{{1,2}} [a-z]+ \d{{4}} \d\d:\d\d  \(huidig\)", run.Output);
        Assert.Matches($@"  {Older}  opgeslagen .*\(vorige\)", run.Output);
        Assert.Contains("varbot rollback <versie>", run.Output, StringComparison.Ordinal);
        Assert.Equal(etag, await new ModelRepository(container).GetPointerETagAsync());
    }

    [Fact]
    public async Task Rollback_UnknownVersion_ExitsTwoWithDutchMessageAndKeepsPointer()
    {
        var (container, name) = await PublishTwoAsync();
        var etag = await new ModelRepository(container).GetPointerETagAsync();

        var run = await RunAsync(name, "rollback", "2025-01-01-zzzz");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Versie '2025-01-01-zzzz' bestaat niet", run.Output, StringComparison.Ordinal);
        Assert.Contains("varbot rollback --list", run.Output, StringComparison.Ordinal);
        Assert.Equal(etag, await new ModelRepository(container).GetPointerETagAsync());
    }

    [Theory]
    [InlineData("../current")]
    [InlineData("current")]
    [InlineData("a b")]
    public async Task Rollback_InvalidVersionName_ExitsTwoWithoutTouchingStorage(string version)
    {
        var (container, name) = await PublishTwoAsync();
        var etag = await new ModelRepository(container).GetPointerETagAsync();

        var run = await RunAsync(name, "rollback", version);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("geen geldige modelversie", run.Output, StringComparison.Ordinal);
        Assert.Equal(etag, await new ModelRepository(container).GetPointerETagAsync());
    }

    [Fact]
    public async Task Rollback_CurrentVersion_SaysSoAndChangesNothing()
    {
        var (container, name) = await PublishTwoAsync();
        var etag = await new ModelRepository(container).GetPointerETagAsync();

        var run = await RunAsync(name, "rollback", Newer);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Versie {Newer} is al het huidige model", run.Output, StringComparison.Ordinal);
        Assert.Equal(etag, await new ModelRepository(container).GetPointerETagAsync());
    }

    [Fact]
    public async Task Rollback_VersionOfAnotherSchema_IsRefusedAndPointerKept()
    {
        var (container, name) = await PublishTwoAsync();
        const string ancient = "2019-01-01-old";
        await container.PutAsync(ModelRepository.ModelBlobName(ancient), """{"schemaVersion":99,"version":"2019-01-01-old"}"""u8.ToArray(), "application/json");
        var etag = await new ModelRepository(container).GetPointerETagAsync();

        var run = await RunAsync(name, "rollback", ancient);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kan door deze versie van VarBot niet worden gelezen", run.Output, StringComparison.Ordinal);
        Assert.Equal(etag, await new ModelRepository(container).GetPointerETagAsync());
    }

    [Fact]
    public async Task Rollback_EmptyContainer_ListSaysNothingIsPublished()
    {
        var name = AzuriteFixture.UniqueContainerName("rbe");
        await BlobContainerFactory.Create(azurite.ConnectionString, name).CreateIfNotExistsAsync();

        var run = await RunAsync(name, "rollback", "--list");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("nog geen kennismodel gepubliceerd", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_StorageUnreachable_ExitsTwoWithoutEchoingTheKey()
    {
        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{LocalServer.FreePort()}/{AzuriteFixture.AccountName};";

        var run = await CliRunner.RunAsync(RepoPaths.Root, "rollback", Older, "--connection-string", connectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("niet bereikbaar", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_ConnectionStringAndServiceUriTogether_ExitsTwo()
    {
        var run = await CliRunner.RunAsync(
            RepoPaths.Root, "rollback", "--list", "--connection-string", azurite.ConnectionString, "--service-uri", "https://account.blob.core.windows.net");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("niet allebei", run.Output, StringComparison.Ordinal);
    }

    private Task<CliRun> RunAsync(string containerName, params string[] args) =>
        CliRunner.RunAsync(RepoPaths.Root, [.. args, "--connection-string", azurite.ConnectionString, "--container", containerName]);

    /// <summary>Publishes two small models (older, then newer) into a fresh container, as two runs of varbot publish would.</summary>
    private async Task<(IBlobContainer Container, string Name)> PublishTwoAsync()
    {
        var name = AzuriteFixture.UniqueContainerName("rb");
        var container = BlobContainerFactory.Create(azurite.ConnectionString, name);
        var publisher = new ModelPublisher(container, TimeProvider.System, NullLogger<ModelPublisher>.Instance);
        await publisher.PublishAsync(new KnowledgeModel { Version = Older });
        await publisher.PublishAsync(new KnowledgeModel { Version = Newer });
        return (container, name);
    }
}
