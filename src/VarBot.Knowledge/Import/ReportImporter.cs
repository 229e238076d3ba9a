using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>What the annual reports yield, before news and validation are added.</summary>
public sealed record ReportsImport(
    IReadOnlyList<Report> Reports,
    IReadOnlyList<OrganisationFact> Organisation,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<Event> Events,
    IReadOnlyList<Budget> Budgets,
    IReadOnlyList<MonitoringPublication> Monitoring,
    IReadOnlyList<ValidationIssue> Issues);

/// <summary>Parses seeds/jaarverslagen/*.txt, applying seeds/corrections.yaml and the theme catalogue seeds/themes.yaml.</summary>
public static class ReportImporter
{
    public static ReportsImport Import(string seedsDirectory) =>
        throw new NotImplementedException("Report parsing lands with the importer work.");
}
