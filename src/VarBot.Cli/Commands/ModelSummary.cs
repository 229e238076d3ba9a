using Spectre.Console;
using VarBot.Knowledge.Model;

namespace VarBot.Cli.Commands;

/// <summary>The Dutch per-report summary table printed by import and publish.</summary>
internal static class ModelSummary
{
    public static void Print(KnowledgeModel model, IReadOnlyCollection<ValidationIssue> issues, CliEnvironment environment)
    {
        var table = new Table().Title(CliTexts.Summary.Title)
            .AddColumn(CliTexts.Summary.Report)
            .AddColumn(new TableColumn(CliTexts.Summary.Themes).RightAligned())
            .AddColumn(new TableColumn(CliTexts.Summary.Passages).RightAligned())
            .AddColumn(new TableColumn(CliTexts.Summary.Events).RightAligned())
            .AddColumn(new TableColumn(CliTexts.Summary.BudgetLines).RightAligned())
            .AddColumn(new TableColumn(CliTexts.Summary.Warnings).RightAligned())
            .AddColumn(new TableColumn(CliTexts.Summary.Errors).RightAligned());

        foreach (var report in model.Reports.OrderBy(r => r.ReportYear))
        {
            var file = Path.GetFileName(report.SourceFile);
            bool FromReport(SourceRef? source) => source is not null && Path.GetFileName(source.File) == file;
            var passages = model.Passages.Where(p => p.ReportId == report.Id).ToList();
            var reportIssues = issues.Where(i => FromReport(i.Source)).ToList();
            table.AddRow(
                Cell($"{report.ReportYear} / {report.PlanYear}"),
                Cell(passages.Where(p => p.ThemeId is not null).Select(p => p.ThemeId).Distinct().Count()),
                Cell(passages.Count),
                Cell(model.Events.Count(e => e.Sources.Any(FromReport))),
                Cell(model.Budgets.Where(b => b.ReportId == report.Id).Sum(b => b.Lines.Count)),
                Cell(reportIssues.Count(i => i.Severity == IssueSeverity.Warning)),
                Cell(reportIssues.Count(i => i.Severity == IssueSeverity.Error)));
        }

        var newsIssues = issues.Where(i => i.Source?.File.StartsWith("nieuws/", StringComparison.Ordinal) == true).ToList();
        table.AddRow(
            Cell(CliTexts.Summary.News(model.News.Count)),
            Cell(model.News.SelectMany(n => n.Themes).Distinct().Count()),
            Cell("-"),
            Cell("-"),
            Cell("-"),
            Cell(newsIssues.Count(i => i.Severity == IssueSeverity.Warning)),
            Cell(newsIssues.Count(i => i.Severity == IssueSeverity.Error)));

        environment.Console.Write(table);
        environment.Console.MarkupLine(CliTexts.Summary.Totals(model));
    }

    public static Text Cell(string text) => new(text);

    public static Text Cell(int number) => new(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
