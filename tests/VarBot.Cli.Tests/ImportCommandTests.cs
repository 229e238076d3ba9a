using VarBot.Knowledge.Model;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-cli-");
    private DirectoryInfo? _seeds;

    public void Dispose()
    {
        _work.Delete(recursive: true);
        _seeds?.Delete(recursive: true);
    }

    [Fact]
    public async Task Import_RepoSeedsFromRepoRoot_PrintsSummaryPerReportAndWritesModel()
    {
        var output = Path.Combine(_work.FullName, "model.json");

        var run = await CliRunner.RunAsync(RepoPaths.Root, "import", "--out", output);

        Assert.Equal(0, run.ExitCode);
        foreach (var years in new[] { "2017 / 2018", "2020 / 2021", "2023 / 2024", "2024 / 2025", "2025 / 2026" })
        {
            Assert.Contains(years, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Nieuws (10)", run.Output, StringComparison.Ordinal);
        var model = ModelJson.Deserialize(await File.ReadAllBytesAsync(output));
        Assert.Equal(5, model.Reports.Count);
        Assert.Equal(10, model.News.Count);
        Assert.Contains(model.Version, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FromSubfolder_FindsSeedsByWalkingUp()
    {
        var run = await CliRunner.RunAsync(Path.Combine(RepoPaths.Root, "src", "VarBot.Cli"), "import");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Import gelukt", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenNewsDate_ExitsOneAndNamesFileAndLine()
    {
        _seeds = CliRunner.CopySeeds();
        var file = Path.Combine(_seeds.FullName, "nieuws", "2025-10-08-echt-niet-vandaag.md");
        var lines = (await File.ReadAllLinesAsync(file)).ToList();
        var dateLine = lines.FindIndex(l => l.StartsWith("date:", StringComparison.Ordinal));
        lines[dateLine] = "date: 8 oktober 2025";
        await File.WriteAllLinesAsync(file, lines);

        var run = await CliRunner.RunAsync(_seeds.FullName, "validate", "--seeds", _seeds.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"2025-10-08-echt-niet-vandaag.md:{dateLine + 1}", run.Output, StringComparison.Ordinal);
        Assert.Contains("De datum '8 oktober 2025' is ongeldig", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 fout", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ValidationErrors_ExitsOneAndWritesNoModel()
    {
        _seeds = CliRunner.CopySeeds();
        await File.WriteAllTextAsync(Path.Combine(_seeds.FullName, "nieuws", "kapot.md"), "---\ntitle: Kapot\n");
        var output = Path.Combine(_work.FullName, "model.json");

        var run = await CliRunner.RunAsync(_work.FullName, "import", "--seeds", _seeds.FullName, "--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("kapot.md:1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Import niet gelukt", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Validate_RepoSeeds_ExitsZero()
    {
        var run = await CliRunner.RunAsync(RepoPaths.Root, "validate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Geen fouten", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowEvents_RepoSeeds2026_ListsThePlannedLeerhuizen()
    {
        var run = await CliRunner.RunAsync(RepoPaths.Root, "show", "events", "--year", "2026");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("23 maart 2026", run.Output, StringComparison.Ordinal);
        Assert.Contains("16 november 2026", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 oktober 2026", run.Output, StringComparison.Ordinal);
    }
}
