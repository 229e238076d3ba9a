using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>One report file being imported: its identity, corrected lines and where findings go.</summary>
internal sealed class ReportContext(Report report, string[] lines, List<ValidationIssue> issues)
{
    public Report Report { get; } = report;

    public string[] Lines { get; } = lines;

    public List<ValidationIssue> Issues { get; } = issues;

    public string Id => Report.Id;

    public int ReportYear => Report.ReportYear;

    public int PlanYear => Report.PlanYear;

    public SourceRef Source(int line) => new(Report.SourceFile, line);

    public void Warn(string code, string message, int line) =>
        Issues.Add(new ValidationIssue(IssueSeverity.Warning, code, message, Source(line)));
}
