using VarBot.Newsletter.Subscribers;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>
/// Attacks through subscriber data as staff see it in `varbot subscribers` (issue 9): terminal escapes and spreadsheet
/// formulas in names, and the CSV import's dry run. varbot in-process against real Azurite. See SECURITY.md.
/// </summary>
public sealed class SubscriberCliAttackTests(NewsletterServers servers) : IClassFixture<NewsletterServers>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-subcli-");
    private readonly NewsletterCli _cli = new(servers);

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task SubscribersExport_NamesWithTerminalEscapesAndFormulas_PrintedWithoutControlCharactersAndFormulasDefused()
    {
        await _cli.Container.CreateIfNotExistsAsync();
        await _cli.Subscribers.CreateAsync("esc@voorbeeld.test", "\u001b[2J\u001b]0;gehackt\u0007Zoë", [], "test", confirmed: true);
        await _cli.Subscribers.CreateAsync("formule@voorbeeld.test", "=HYPERLINK(\"http://evil.example\")", [], "test", confirmed: true);

        var printed = await _cli.RunAsync(_work.FullName, "subscribers", "export");
        var toFile = await _cli.RunAsync(_work.FullName, "subscribers", "export", "--out", "export.csv");

        Assert.True(printed.ExitCode == 0, printed.Output);
        Assert.DoesNotContain('\u001b', printed.Output);
        Assert.DoesNotContain('\u0007', printed.Output);
        Assert.Contains("esc@voorbeeld.test,\"[2J]0;gehacktZoë\",", printed.Output, StringComparison.Ordinal);
        Assert.Contains("formule@voorbeeld.test,\"'=HYPERLINK(\"\"http://evil.example\"\")\"", printed.Output, StringComparison.Ordinal);
        Assert.True(toFile.ExitCode == 0, toFile.Output);
        var file = await File.ReadAllTextAsync(Path.Combine(_work.FullName, "export.csv"));
        Assert.Contains("\"'=HYPERLINK(", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribersImportDryRun_AliasDuplicateAndUnknownTheme_ReportedByLineNothingStored()
    {
        await File.WriteAllLinesAsync(Path.Combine(_work.FullName, "leden.csv"),
        [
            "email,name,themes",
            "anna@voorbeeld.test,Anna,cybercrime",
            "bram@voorbeeld.test,Bram,../../etc",
            "ANNA@voorbeeld.test,Anna 2,mensenhandel",
            "\u001b[31mrood@voorbeeld.test,,",
        ]);

        var run = await _cli.RunAsync(_work.FullName, "subscribers", "import", "leden.csv", "--dry-run", "--seeds", RepoPaths.Seeds);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Regel 2: thema 'cybercrime' gelezen als 'digitale-veiligheid'.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Regel 3: onbekend thema '../../etc'", run.Output, StringComparison.Ordinal);
        Assert.Contains("Regel 4: hetzelfde e-mailadres als regel 2; overgeslagen (regel 2 telt).", run.Output, StringComparison.Ordinal);
        Assert.Contains("Regel 5: geen geldig e-mailadres", run.Output, StringComparison.Ordinal);
        Assert.Contains("Proefrun (niets opgeslagen): 4 regels; 1 abonnees zouden worden geïmporteerd, 0 bestaan al (blijven ongewijzigd), 1 dubbel, 2 ongeldig.", run.Output, StringComparison.Ordinal);
        // Spectre colours its own markup; the escape from the file must not come through.
        Assert.DoesNotContain("\u001b[31mrood", run.Output, StringComparison.Ordinal);
        Assert.Null(await _cli.Subscribers.GetAsync("anna@voorbeeld.test"));
    }
}
