using System.Text.RegularExpressions;
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
public static partial class ReportImporter
{
    public const string ReportsFolder = "jaarverslagen";

    public static ReportsImport Import(string seedsDirectory)
    {
        var catalog = ThemeCatalog.Load(Path.Combine(seedsDirectory, "themes.yaml"));
        var corrections = CorrectionSet.Load(Path.Combine(seedsDirectory, "corrections.yaml"));
        var issues = new List<ValidationIssue>();
        var reports = new List<Report>();
        var passages = new List<Passage>();
        var budgets = new List<Budget>();
        var mentions = new List<EventMention>();
        var organisation = new List<OrganisationFact>();
        var monitoring = new List<MonitoringPublication>();

        var files = Directory.GetFiles(Path.Combine(seedsDirectory, ReportsFolder), "*.txt").Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var fileName = Path.GetFileName(path);
            var m = FileName().Match(fileName);
            var sourceFile = $"{ReportsFolder}/{fileName}";
            if (!m.Success)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, "report-name",
                    $"Bestandsnaam '{fileName}' volgt niet het patroon var-jaarverslag-JJJJ-jaarplan-JJJJ.txt; overgeslagen.", new SourceRef(sourceFile, 1)));
                continue;
            }

            var reportYear = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var planYear = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var report = new Report($"{reportYear}-{planYear}", reportYear, planYear, $"Jaarverslag {reportYear} / Jaarplan {planYear}", sourceFile);
            var lines = File.ReadAllLines(path);
            CorrectionSet.Apply(fileName, sourceFile, lines, corrections, issues);
            var context = new ReportContext(report, lines, issues);
            reports.Add(report);

            var budgetParser = new BudgetParser(context);
            budgetParser.Parse();
            budgets.AddRange(budgetParser.Budgets);

            var paragraphs = Paragraphs.Split(lines, Paragraphs.IsWrapped(lines), budgetParser.ConsumedLines);
            var reportPassages = new SectionParser(context, catalog).Parse(paragraphs, budgetParser.RegionStarts);
            passages.AddRange(reportPassages);

            mentions.AddRange(EventExtractor.FromPassages(reportPassages, report));
            mentions.AddRange(EventExtractor.FromAgendaColumn(context));
            organisation.AddRange(OrganisationExtractor.Extract(context));
            monitoring.AddRange(MonitoringExtractor.Extract(reportPassages, report));
        }

        return new ReportsImport(
            reports,
            organisation,
            catalog.Themes.Select(t => t.Theme).ToList(),
            passages,
            EventMerger.Merge(mentions),
            budgets,
            monitoring,
            issues);
    }

    [GeneratedRegex(@"^var-jaarverslag-(\d{4})-jaarplan-(\d{4})\.txt$")]
    private static partial Regex FileName();
}
