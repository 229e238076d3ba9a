using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>`newsletter preview` on a fresh clone: no signing key, no storage.</summary>
public sealed class NewsletterPreviewSetupTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-nlsetup-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Preview_FreshCloneWithoutKeyOrStorage_WritesThePreviewWithWarnings()
    {
        var run = await CliRunner.RunAsync(_work.FullName, new Dictionary<string, string>(), "newsletter", "preview", "--month", "2027-01", "--seeds", RepoPaths.Seeds, "--out", "prev");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Onderwerp: VAR-nieuwsbrief januari 2027", run.Output, StringComparison.Ordinal);
        Assert.Contains("geen jaarplan 2027", run.Output, StringComparison.Ordinal);
        Assert.Contains("niet opgeslagen: geen opslag ingesteld", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_work.FullName, "prev", "index.html")));
    }

    [Fact]
    public async Task Preview_OutsideDevelopmentWithoutKey_DutchMessageNamingTheSetting()
    {
        var run = await CliRunner.RunAsync(_work.FullName, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" },
            "newsletter", "preview", "--month", "2026-03", "--seeds", RepoPaths.Seeds, "--out", "prev");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Newsletter__SigningKey", run.Output, StringComparison.Ordinal);
        Assert.Contains("ontbreekt", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("must hold", run.Output, StringComparison.Ordinal);
    }
}
