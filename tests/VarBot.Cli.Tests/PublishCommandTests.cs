using System.Text.Json;
using VarBot.Knowledge.Model;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

[Collection(StorageCommandsCollection.Name)]
public sealed class PublishCommandTests(AzuriteFixture azurite) : IDisposable
{
    private DirectoryInfo? _seeds;

    public void Dispose() => _seeds?.Delete(recursive: true);

    [Fact]
    public async Task Publish_RepoSeedsToAzurite_WritesModelBlobAndPointer()
    {
        var containerName = AzuriteFixture.UniqueContainerName("pub");

        var run = await CliRunner.RunAsync(
            RepoPaths.Root, "publish", "--connection-string", azurite.ConnectionString, "--container", containerName);

        Assert.True(run.ExitCode == 0, run.Output);
        var container = BlobContainerFactory.Create(azurite.ConnectionString, containerName);
        var pointer = await container.GetAsync("models/current.json");
        Assert.NotNull(pointer);
        var version = JsonDocument.Parse(pointer.Content).RootElement.GetProperty("version").GetString();
        Assert.Contains(version!, run.Output, StringComparison.Ordinal);
        var model = await container.GetAsync($"models/{version}.json");
        Assert.NotNull(model);
        Assert.Equal(version, ModelJson.Deserialize(model.Content).Version);
    }

    [Fact]
    public async Task Publish_ExecutableWithConnectionStringFromEnvironment_PublishesAndIsIdempotent()
    {
        var containerName = AzuriteFixture.UniqueContainerName("env");
        var environment = new Dictionary<string, string>
        {
            ["VARBOT_STORAGE__CONNECTIONSTRING"] = azurite.ConnectionString,
            ["VARBOT_STORAGE__CONTAINER"] = containerName,
        };

        // The executable reads the variables from its real environment; the second publish, of the same seeds with the
        // same variables (publish reads them through CliEnvironment), runs in-process: what it checks is the idempotence.
        var first = await CliRunner.RunProcessAsync(RepoPaths.Root, environment, "publish");
        var second = await CliRunner.RunAsync(RepoPaths.Root, environment, "publish");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("stond al in de opslag", second.Output, StringComparison.Ordinal);
        var container = BlobContainerFactory.Create(azurite.ConnectionString, containerName);
        var names = new List<string>();
        await foreach (var blob in container.ListAsync("models/"))
        {
            names.Add(blob.Name);
        }

        Assert.Equal(2, names.Count);
        Assert.Contains("models/current.json", names);
    }

    [Fact]
    public async Task Publish_ValidationErrors_ExitsOneAndPublishesNothing()
    {
        _seeds = CliRunner.CopySeeds();
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "nieuws", "zonder-datum.md"), "---\ntitle: Zonder datum\nsummary: x\n---\n");
        var containerName = AzuriteFixture.UniqueContainerName("err");

        var run = await CliRunner.RunAsync(
            _seeds.FullName, "publish", "--seeds", _seeds.FullName, "--connection-string", azurite.ConnectionString, "--container", containerName);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Niet gepubliceerd", run.Output, StringComparison.Ordinal);
        Assert.Contains("zonder-datum.md:1", run.Output, StringComparison.Ordinal);
        var container = BlobContainerFactory.Create(azurite.ConnectionString, containerName);
        Assert.Null(await container.GetPropertiesAsync("models/current.json"));
    }

    [Fact]
    public async Task Publish_StorageUnreachable_ExitsTwoWithAdvice()
    {
        var closedPort = LocalServer.FreePort();
        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{closedPort}/{AzuriteFixture.AccountName};";

        var run = await CliRunner.RunAsync(RepoPaths.Root, "publish", "--connection-string", connectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("niet bereikbaar", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_MalformedConnectionString_ExitsTwoWithoutEchoingIt()
    {
        var run = await CliRunner.RunAsync(RepoPaths.Root, "publish", "--connection-string", "AccountKey=geheim123;Onzin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("connection string is onvolledig", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("geheim123", run.Output, StringComparison.Ordinal);
    }
}
