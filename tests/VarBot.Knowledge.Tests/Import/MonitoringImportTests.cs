using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Tests.Import;

public sealed class MonitoringImportTests
{
    [Theory]
    [InlineData(MonitoringKind.GezamenlijkVeiligheidsbeeld, "2025", 2026, PublicationStatus.Planned, "voorjaar")]
    [InlineData(MonitoringKind.GezamenlijkVeiligheidsbeeld, "eerste helft 2026", 2026, PublicationStatus.Planned, "najaar")]
    [InlineData(MonitoringKind.GezamenlijkVeiligheidsbeeld, "2024", 2025, PublicationStatus.Published, null)]
    [InlineData(MonitoringKind.GezamenlijkVeiligheidsbeeld, "eerste helft 2025", 2025, PublicationStatus.Published, null)]
    [InlineData(MonitoringKind.GezamenlijkVeiligheidsbeeld, "2022", 2023, PublicationStatus.Published, "mei 2023")]
    [InlineData(MonitoringKind.Mensenhandelmonitor, "2024", 2025, PublicationStatus.Published, null)]
    [InlineData(MonitoringKind.Mensenhandelmonitor, "2025", 2026, PublicationStatus.Planned, null)]
    [InlineData(MonitoringKind.Veiligheidsmonitor, "2023", 2024, PublicationStatus.Published, null)]
    public void Import_MonitoringPublication_IsPresent(MonitoringKind kind, string covers, int year, PublicationStatus status, string? when)
    {
        var publication = ImportedReports.Result.Monitoring.First(m => m.Kind == kind && m.Covers == covers && m.Year == year && m.Status == status);
        Assert.Equal(when, publication.When);
    }

    [Fact]
    public void Import_Veiligheidsmonitor2025_NamesCbsAndExpectsResultsMid2026()
    {
        var monitoring = ImportedReports.Result.Monitoring.Where(m => m.Kind == MonitoringKind.Veiligheidsmonitor).ToList();
        Assert.Contains(monitoring, m => m.Year == 2025 && m.Performer == "CBS" && m.Status == PublicationStatus.Published);
        Assert.Contains(monitoring, m => m.Year == 2026 && m.When == "medio 2026" && m.Status == PublicationStatus.Planned);
    }

    [Fact]
    public void Import_EveryMonitoringEntry_HasAPeriodOrAWhen()
    {
        Assert.All(ImportedReports.Result.Monitoring, m => Assert.True(m.Covers is not null || m.When is not null, m.Id));
        Assert.Equal(ImportedReports.Result.Monitoring.Count, ImportedReports.Result.Monitoring.Select(m => m.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("tweede helft 2019", "mei")]
    [InlineData("eerste helft 2020", "oktober")]
    [InlineData("tweede helft 2020", "mei")]
    [InlineData("eerste helft 2021", "oktober")]
    public void Import_RespectiveMonths_GoToTheirReports(string covers, string when)
    {
        Assert.Equal(when, ImportedReports.Result.Monitoring.Single(m => m.Covers == covers).When);
    }

    [Fact]
    public void Import_TwoGvbEditionsIn2017_AreTwoEntries()
    {
        var gvb2017 = ImportedReports.Result.Monitoring.Where(m => m.Kind == MonitoringKind.GezamenlijkVeiligheidsbeeld && m.Year == 2017).ToList();
        Assert.Equal([4, 10], gvb2017.Select(m => m.Month));
        Assert.Contains(ImportedReports.Result.Monitoring, m => m.Covers == "2017" && m.Year == 2018 && m.Status == PublicationStatus.Planned);
    }

    [Fact]
    public void Import_VeiligheidsmonitorNamedTwiceForOneYear_IsOneEntry()
    {
        var planned2026 = Assert.Single(ImportedReports.Result.Monitoring, m => m.Kind == MonitoringKind.Veiligheidsmonitor && m.Year == 2026);
        Assert.Equal("medio 2026", planned2026.When);
    }
}
