using VarBot.Knowledge.Model;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

/// <summary>The built varbot executable, started as a process the way operators and CI run it.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-process-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Import_RepoSeeds_WritesModelUnderOneMegabyteThatDeserialises()
    {
        var output = Path.Combine(_work.FullName, "model.json");

        var run = await CliRunner.RunProcessAsync(RepoPaths.Root, null, "import", "--out", output);

        Assert.True(run.ExitCode == 0, run.Output);
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.InRange(bytes.Length, 10_000, 1_000_000);
        var model = ModelJson.Deserialize(bytes);
        Assert.Equal(5, model.Reports.Count);
        Assert.NotEmpty(model.Events);
        Assert.NotEmpty(model.Budgets);
        Assert.Equal(10, model.News.Count);
    }

    [Fact]
    public async Task Validate_BrokenNews_ExitCodeOne()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_work.FullName, "seeds", "nieuws"));
        await File.WriteAllTextAsync(Path.Combine(seeds.FullName, "x.md"), "geen front matter");
        Directory.CreateDirectory(Path.Combine(_work.FullName, "seeds", "jaarverslagen"));
        File.Copy(Path.Combine(RepoPaths.Seeds, "themes.yaml"), Path.Combine(_work.FullName, "seeds", "themes.yaml"));

        var run = await CliRunner.RunProcessAsync(_work.FullName, null, "validate");

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("x.md:1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingSeedsFolder_ExitCodeTwo()
    {
        var run = await CliRunner.RunProcessAsync(_work.FullName, null, "import", "--seeds", "nergens");

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("bestaat niet", run.Output, StringComparison.Ordinal);
    }
}
