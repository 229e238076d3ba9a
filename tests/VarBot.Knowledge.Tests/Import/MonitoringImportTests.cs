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
}
