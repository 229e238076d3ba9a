using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Answering;

[Collection(StorageCommandsCollection.Name)]
public sealed class AskCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Ask_QuestionWithSeeds_PrintsAnswerFromThatYearsReport()
    {
        var run = await CliRunner.RunAsync(RepoPaths.Root, "ask", "wie was voorzitter in 2020", "--as-of", "2026-11-22");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Heijkoop", run.Output, StringComparison.Ordinal);
        Assert.Contains("jaarverslag 2020", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithTrace_AlsoPrintsHowTheQuestionWasRouted()
    {
        // The trace goes to the process's standard error, so the built executable is run.
        var plain = await CliRunner.RunProcessAsync(RepoPaths.Root, null, "ask", "wie was voorzitter in 2020", "--as-of", "2026-11-22");
        var traced = await CliRunner.RunProcessAsync(RepoPaths.Root, null, "ask", "wie was voorzitter in 2020", "--as-of", "2026-11-22", "--trace");

        Assert.True(traced.ExitCode == 0, traced.Output);
        Assert.Contains("Heijkoop", traced.Output, StringComparison.Ordinal);
        Assert.Contains("routed by rule", traced.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("routed by rule", plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BatchWithConversation_WritesOneJsonLinePerQuestionAndContinuesTheConversation()
    {
        var batch = TempFile(
            """{"id":"a","question":"Hoeveel was er in 2025 begroot voor loonkosten?","conversation":"c"}""",
            """{"id":"b","question":"en in 2026?","conversation":"c"}""",
            """{"id":"c","question":"volgende leerhuis?","as_of":"2025-09-20"}""");

        var run = await CliRunner.RunAsync(RepoPaths.Root, "ask", "--batch", batch, "--as-of", "2026-11-22");

        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "b", "c"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Contains("330.000", lines[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("420.000", lines[1].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("budget", lines[1].GetProperty("intent").GetString());
        Assert.Contains("17 november 2025", lines[2].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(lines[2].GetProperty("sources").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Ask_PublishedModelInAzurite_AnswersFromStorage()
    {
        var container = AzuriteFixture.UniqueContainerName("ask");
        var publish = await CliRunner.RunAsync(RepoPaths.Root, "publish", "--connection-string", azurite.ConnectionString, "--container", container);
        Assert.True(publish.ExitCode == 0, publish.Output);
        var environment = new Dictionary<string, string>
        {
            ["VARBOT_STORAGE__CONNECTIONSTRING"] = azurite.ConnectionString,
            ["VARBOT_STORAGE__CONTAINER"] = container,
        };
        var empty = Directory.CreateTempSubdirectory("varbot-noseeds-");

        // No seeds folder anywhere above the temp folder: the answer can only come from storage.
        var run = await CliRunner.RunAsync(empty.FullName, environment, "ask", "Wie is de vicevoorzitter?", "--as-of", "2026-11-22");
        empty.Delete();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Jack de Vries", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_EmptyContainer_ExitCode2WithDutchMessage()
    {
        var run = await CliRunner.RunAsync(
            RepoPaths.Root, "ask", "volgende leerhuis?", "--connection-string", azurite.ConnectionString, "--container", AzuriteFixture.UniqueContainerName("none"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("staat nog geen gepubliceerd model", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_UnreachableStorage_ExitCode2WithDutchMessageAndNoKey()
    {
        var port = FreePort();
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.AccountName};";

        var run = await CliRunner.RunAsync(RepoPaths.Root, "ask", "volgende leerhuis?", "--connection-string", connection);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kan niet uit blob storage worden geladen", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BadAsOf_ExitCode2WithDutchMessage()
    {
        var run = await CliRunner.RunAsync(RepoPaths.Root, "ask", "volgende leerhuis?", "--as-of", "22-11-2026");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("JJJJ-MM-DD", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_DevSetWithModelFile_PrintsCategoriesAndSummaryLine()
    {
        var model = Path.Combine(Path.GetTempPath(), $"varbot-model-{Guid.NewGuid():N}.json");
        _files.Add(model);
        var import = await CliRunner.RunAsync(RepoPaths.Root, "import", "--out", model);
        Assert.True(import.ExitCode == 0, import.Output);
        var devSet = Path.Combine(RepoPaths.Root, "tests", "VarBot.Answering.Tests", "Data", "qa-dev.jsonl");

        var run = await CliRunner.RunAsync(Path.GetTempPath(), "eval", devSet, "--model", model, "--as-of", "2026-11-22");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("budget", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("50 passed, 0 failed", run.Output.TrimEnd(), StringComparison.Ordinal);
    }

    private string TempFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"varbot-batch-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        _files.Add(path);
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
