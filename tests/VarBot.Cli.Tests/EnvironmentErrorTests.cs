using VarBot.Knowledge.Model;

namespace VarBot.Cli.Tests;

/// <summary>Usage and environment errors: exit code 2 with a Dutch message that says what to do.</summary>
public sealed class EnvironmentErrorTests : IDisposable
{
    private readonly DirectoryInfo _empty = Directory.CreateTempSubdirectory("varbot-empty-");

    public void Dispose() => _empty.Delete(recursive: true);

    [Theory]
    [InlineData("import")]
    [InlineData("validate")]
    [InlineData("show", "events")]
    public async Task Run_NoSeedsFolderAboveCurrentDirectory_ExitsTwoWithAdvice(params string[] args)
    {
        var run = await CliRunner.RunAsync(_empty.FullName, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Geen map 'seeds' gevonden", run.Output, StringComparison.Ordinal);
        Assert.Contains("--seeds", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SeedsOptionPointsNowhere_ExitsTwo()
    {
        var run = await CliRunner.RunAsync(_empty.FullName, "import", "--seeds", "bestaat-niet");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bestaat niet", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SeedsWithoutThemeCatalogue_ExitsTwoNamingTheFile()
    {
        Directory.CreateDirectory(Path.Combine(_empty.FullName, "seeds", "jaarverslagen"));

        var run = await CliRunner.RunAsync(_empty.FullName, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("themes.yaml", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("corrections.yaml", "\n  - find: [\n")]
    [InlineData("themes.yaml", "\n  - id: [\n")]
    public async Task Import_BrokenSeedCatalogue_ExitsTwoNamingFileAndLine(string file, string appended)
    {
        var seeds = Path.Combine(_empty.FullName, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "jaarverslagen"));
        foreach (var catalogue in new[] { "themes.yaml", "corrections.yaml" })
        {
            File.Copy(Path.Combine(VarBot.TestSupport.RepoPaths.Seeds, catalogue), Path.Combine(seeds, catalogue));
        }

        File.AppendAllText(Path.Combine(seeds, file), appended);

        var run = await CliRunner.RunAsync(_empty.FullName, "import");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(file + ":", run.Output, StringComparison.Ordinal);
        Assert.Contains("geen geldige YAML", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsTwoWithDutchHint()
    {
        var run = await CliRunner.RunAsync(_empty.FullName, "import", "--onzin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("De opdracht is niet goed opgegeven", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ModelFileMissing_ExitsTwo()
    {
        var run = await CliRunner.RunAsync(_empty.FullName, "show", "themes", "--model", "model.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("varbot import --out", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ModelFileNotAModel_ExitsTwo()
    {
        await File.WriteAllTextAsync(Path.Combine(_empty.FullName, "model.json"), "{ kapot");

        var run = await CliRunner.RunAsync(_empty.FullName, "show", "themes", "--model", "model.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("geen bruikbaar kennismodel", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsCommandsInDutch()
    {
        var run = await CliRunner.RunAsync(_empty.FullName, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Leest de jaarverslagen en nieuwsberichten", run.Output, StringComparison.Ordinal);
        Assert.Contains("Toont evenementen, begrotingen of thema's", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ModelFile_PrintsTablesForTheYear()
    {
        var model = new KnowledgeModel
        {
            Themes = [new Theme("mensenhandel", "Mensenhandel", true, [], [], null)],
            Events =
            [
                new Event("e1", EventType.Leerhuis, "Leerhuis Femicide", null, "zorg-en-veiligheid", new DateOnly(2025, 9, 18), 2025, 9, null, null, EventStatus.Held, [new SourceRef("jaarverslagen/a.txt", 3)]),
                new Event("e2", EventType.Leerhuis, "Leerhuis", null, null, new DateOnly(2026, 3, 23), 2026, 3, null, null, EventStatus.Planned, [new SourceRef("jaarverslagen/a.txt", 9)]),
            ],
            Budgets =
            [
                new Budget("b", "r", 2026, BudgetKind.Begroting, "Begroting 2026", 484_000,
                    [new BudgetLine("Loonkosten", BudgetSide.Expense, BudgetLineKind.Line, null, 420_000, null, null, new SourceRef("jaarverslagen/a.txt", 20))],
                    ["*betreft een restant cyber-subsidie"], new SourceRef("jaarverslagen/a.txt", 18)),
            ],
        };
        await File.WriteAllBytesAsync(Path.Combine(_empty.FullName, "model.json"), ModelJson.Serialize(model));

        var events = await CliRunner.RunAsync(_empty.FullName, "show", "events", "--year", "2025", "--model", "model.json");
        var budgets = await CliRunner.RunAsync(_empty.FullName, "show", "budgets", "--model", "model.json");
        var themes = await CliRunner.RunAsync(_empty.FullName, "show", "themes", "--model", "model.json");

        Assert.Equal(0, events.ExitCode);
        Assert.Contains("18 september 2025", events.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("23 maart 2026", events.Output, StringComparison.Ordinal);
        Assert.Contains("1 evenementen", events.Output, StringComparison.Ordinal);
        Assert.Contains("420.000", budgets.Output, StringComparison.Ordinal);
        Assert.Contains("*betreft een restant cyber-subsidie", budgets.Output, StringComparison.Ordinal);
        Assert.Contains("Mensenhandel", themes.Output, StringComparison.Ordinal);
    }
}
