using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>
/// varbot newsletter and subscribers take the storage options of the other commands (--connection-string,
/// --service-uri, --container), and those win over the environment: varbot in-process against real Azurite.
/// </summary>
public sealed class NewsletterStorageOptionTests(NewsletterServers servers) : IClassFixture<NewsletterServers>, IDisposable
{
    /// <summary>An account nobody listens on: a command that used it instead of the options would fail.</summary>
    private const string Unreachable =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-nlopt-");
    private readonly NewsletterCli _cli = new(servers);

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Options_WinOverTheEnvironment_ForNewsletterAndSubscribers()
    {
        await _cli.Container.CreateIfNotExistsAsync();
        var address = $"optie-{Guid.NewGuid():N}@voorbeeld.test";
        await _cli.Subscribers.CreateAsync(address, "Optie", [], "test", confirmed: true);
        string[] storage = ["--connection-string", servers.Azurite.ConnectionString, "--container", _cli.ContainerName];

        var preview = await RunAsync(["newsletter", "preview", "--month", "2026-03", "--out", "mrt", "--seeds", RepoPaths.Seeds, .. storage]);
        var export = await RunAsync(["subscribers", "export", "--out", "export.csv", .. storage]);

        Assert.True(preview.ExitCode == 0, preview.Output);
        Assert.NotNull(await _cli.Container.GetPropertiesAsync("newsletters/2026-03/issue.json"));
        Assert.True(export.ExitCode == 0, export.Output);
        Assert.Contains(await File.ReadAllLinesAsync(Path.Combine(_work.FullName, "export.csv")), line => line.StartsWith(address + ",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutOptions_TheEnvironmentStillDecides()
    {
        var export = await RunAsync(["subscribers", "export", "--out", "export.csv"]);

        Assert.Equal(2, export.ExitCode);
        Assert.Contains("De opslag is niet bereikbaar", export.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--connection-string", "geen-verbindingsreeks-Geheim123")]
    [InlineData("--service-uri", "ftp://opslag.voorbeeld.test")]
    public async Task BadOption_DutchMessage_ValueNotEchoed(string option, string value)
    {
        var run = await RunAsync(["subscribers", "export", option, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kloppen niet", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim123", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothAccountOptions_DutchMessage()
    {
        var run = await RunAsync(["newsletter", "approve", "--month", "2026-03", "--connection-string", servers.Azurite.ConnectionString, "--service-uri", "https://acct.blob.core.windows.net"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kloppen niet", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
    }

    /// <summary>varbot with the newsletter settings, and storage in the environment pointing at nothing.</summary>
    private Task<CliRun> RunAsync(string[] args)
    {
        var environment = _cli.Environment;
        environment["Storage__ConnectionString"] = Unreachable;
        environment["Storage__Container"] = "elders";
        environment["Storage__MaxRetries"] = "0";
        return CliRunner.RunAsync(_work.FullName, environment, args);
    }
}
