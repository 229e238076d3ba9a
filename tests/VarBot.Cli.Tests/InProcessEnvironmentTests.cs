using Microsoft.Extensions.Configuration;
using VarBot.Cli.Hosting;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

/// <summary>
/// Every command reads its settings, writes its output and log lines, and resolves relative paths only through the
/// run's CliEnvironment: an in-process run honours the environment and directory it is given, as the process does.
/// </summary>
public sealed class InProcessEnvironmentTests : IDisposable
{
    private const string BotId = "8a1c6f3e-4b2d-4e5f-9a7b-1c2d3e4f5a6b";

    /// <summary>An account nobody listens on (the well-known Azurite key, port 9).</summary>
    private const string Unreachable =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-inproc-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task TeamsPackage_BotIdInTheGivenEnvironment_PackageWrittenInTheGivenDirectory()
    {
        var run = await CliRunner.RunAsync(_work.FullName, new Dictionary<string, string> { ["Bot__MicrosoftAppId"] = BotId }, "teams-package");

        Assert.True(run.ExitCode == 0, run.Output);
        var package = Path.Combine(_work.FullName, "appPackage.zip");
        Assert.True(File.Exists(package), run.Output);
        Assert.Contains(package, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsPackage_NoBotIdGiven_DutchMessageInTheOutputExitTwo()
    {
        var run = await CliRunner.RunAsync(_work.FullName, new Dictionary<string, string>(), "teams-package");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Bot__MicrosoftAppId", run.Output, StringComparison.Ordinal);
        Assert.Empty(_work.GetFiles());
    }

    [Theory]
    [InlineData("Storage__ConnectionString", "Storage__MaxRetries")]
    [InlineData("VARBOT_STORAGE__CONNECTIONSTRING", "VARBOT_Storage__MaxRetries")]
    public async Task Subscribers_StorageInTheGivenEnvironment_UsedByTheRulesOfEnvironmentVariables(string connectionString, string maxRetries)
    {
        var environment = new Dictionary<string, string> { [connectionString] = Unreachable, [maxRetries] = "0", ["Newsletter__SigningKey"] = Convert.ToBase64String(new byte[32]) };

        var run = await CliRunner.RunAsync(_work.FullName, environment, "subscribers", "export");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("De opslag is niet bereikbaar", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newsletter_LogLevelInTheGivenEnvironment_LogLinesInTheOutputInTheConsoleFormat()
    {
        string[] preview = ["newsletter", "preview", "--month", "2027-01", "--seeds", RepoPaths.Seeds, "--out", "prev"];

        var quiet = await CliRunner.RunAsync(_work.FullName, new Dictionary<string, string>(), preview);
        var traced = await CliRunner.RunAsync(_work.FullName, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Trace" }, preview);

        Assert.True(quiet.ExitCode == 0, quiet.Output);
        Assert.True(traced.ExitCode == 0, traced.Output);
        Assert.DoesNotMatch(@"(?m)^(trce|dbug|info): ", quiet.Output);
        // The console logger's simple format: "level: Category[EventId]", the message on the next line, indented.
        Assert.Matches(@"(?m)^(trce|dbug): [\w.]+\[\d+\]\r?\n      \S", traced.Output);
        Assert.DoesNotContain('\u001b', traced.Output);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("VARBOT_")]
    public void Configuration_FromTheProcessEnvironment_SameAsAddEnvironmentVariables(string? prefix)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string[] names = [$"VARBOT_T{id}__Sectie__Sleutel", $"varbot_t{id}__klein", $"SQLCONNSTR_T{id}", $"CUSTOMCONNSTR_T{id}__X", $"MYSQLCONNSTR_VARBOT_T{id}", $"T{id}_enkel_streepje"];
        foreach (var name in names)
        {
            Environment.SetEnvironmentVariable(name, "waarde-" + name);
        }

        try
        {
            var expected = new ConfigurationBuilder().AddEnvironmentVariables(prefix ?? "").Build().AsEnumerable().Where(p => p.Key.Contains(id, StringComparison.OrdinalIgnoreCase));
            var actual = new ConfigurationBuilder().AddCliEnvironment(CliEnvironment.FromProcess(), prefix).Build().AsEnumerable().Where(p => p.Key.Contains(id, StringComparison.OrdinalIgnoreCase));

            Assert.NotEmpty(expected);
            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
        finally
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
