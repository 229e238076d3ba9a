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

    [Theory]
    [InlineData("Tweet")]
    [InlineData("geretweet")]
    [InlineData("@BramvanHemmen")]
    [InlineData("@VAregioRdam")]
    [InlineData("vind-ik-leuk")]
    [InlineData("23-02-17 23:44")]
    [InlineData("om 20:39")]
    [InlineData("#allemannenhandinhan")]
    [InlineData("Jaarverslag 2017 /Jaarplan 2018")]
    [InlineData("nftest")]
    [InlineData("wukvelhgheld")]
    [InlineData("Jan Tromp\n")]
    public void Import_2017OcrNoise_IsNotInAnyPassage(string noise)
    {
        Assert.DoesNotContain(ImportedReports.Result.Passages, p => (p.Text + "\n").Contains(noise, StringComparison.Ordinal) || (p.Heading ?? "").Contains(noise, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(76, "De Leerhuizen kwamen tot stand in samenwerking met verschillende partners.")]
    [InlineData(97, "Volkskrantjournalist/schrijver Jan Tromp")]
    [InlineData(133, null)]
    [InlineData(630, "de overige capaciteit van het kernteam leveren.")]
    [InlineData(637, "Ook in 2018 maken we voor wat betreft radicalisering")]
    [InlineData(554, "Het afgelopen jaar zijn er vijf nieuwsbrieven verschenen.")]
    public void Import_2017NoiseRules_KeepTheRealTextAroundTheNoise(int line, string? text)
    {
        var passages = ImportedReports.Result.Passages.Where(p => p.ReportId == "2017-2018").ToList();
        if (text is null)
        {
            // Line 133 is the heading right after the second tweet block: it still heads the conferentie text.
            Assert.Contains(passages, p => p.Heading == "Regionale Veiligheidsconferentie" && p.Source.Line == 135);
            return;
        }

        Assert.Contains(passages, p => p.Source.Line == line && p.Text.Contains(text, StringComparison.Ordinal));
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
