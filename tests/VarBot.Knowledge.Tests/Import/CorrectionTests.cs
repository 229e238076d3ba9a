using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Import;

public sealed class CorrectionTests
{
    [Fact]
    public void Import_RepositoryCorrections_AllApply()
    {
        Assert.DoesNotContain(ImportedReports.Result.Issues, i => i.Code == "correction-stale");
        Assert.Contains(ImportedReports.Result.Passages, p => p.Text.Contains("Leerhuisbijeenkomsten georganiseerd", StringComparison.Ordinal) && p.ReportId == "2017-2018");
        Assert.DoesNotContain(ImportedReports.Result.Passages, p => p.Text.Contains("Leerhuishijeenkomsten", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_CorrectionThatNoLongerMatches_IsReportedInDutchWithItsLine()
    {
        var seeds = Directory.CreateTempSubdirectory("varbot-seeds-");
        try
        {
            Directory.CreateDirectory(Path.Combine(seeds.FullName, "jaarverslagen"));
            var report = "var-jaarverslag-2025-jaarplan-2026.txt";
            File.Copy(Path.Combine(RepoPaths.Seeds, "jaarverslagen", report), Path.Combine(seeds.FullName, "jaarverslagen", report));
            File.Copy(Path.Combine(RepoPaths.Seeds, "themes.yaml"), Path.Combine(seeds.FullName, "themes.yaml"));
            File.WriteAllText(Path.Combine(seeds.FullName, "corrections.yaml"), $"""
                corrections:
                  - file: {report}
                    line: 3
                    find: "Tekst die er niet staat"
                    replace: "x"
                    reason: test
                """);

            var result = ReportImporter.Import(seeds.FullName);

            var issue = Assert.Single(result.Issues, i => i.Code == "correction-stale");
            Assert.Equal(3, issue.Source!.Line);
            Assert.Contains("niet toegepast", issue.Message, StringComparison.Ordinal);
            Assert.Single(result.Reports);
        }
        finally
        {
            seeds.Delete(recursive: true);
        }
    }
}
