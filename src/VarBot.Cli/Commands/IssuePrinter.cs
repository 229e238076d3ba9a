using Spectre.Console;
using VarBot.Knowledge.Model;

namespace VarBot.Cli.Commands;

/// <summary>Writes validation issues as "fout|waarschuwing  file:line  message [code]".</summary>
internal static class IssuePrinter
{
    public static void Print(IEnumerable<ValidationIssue> issues, string seedsDirectory, CliEnvironment environment)
    {
        var ordered = issues
            .OrderBy(i => i.Severity == IssueSeverity.Error ? 0 : 1)
            .ThenBy(i => i.Source?.File, StringComparer.Ordinal)
            .ThenBy(i => i.Source?.Line);
        foreach (var issue in ordered)
        {
            var label = issue.Severity == IssueSeverity.Error ? $"[red]{CliTexts.Issues.Error}[/]        " : $"[yellow]{CliTexts.Issues.Warning}[/] ";
            var place = issue.Source is { } source
                ? $"{SeedsLocation.Display(seedsDirectory, source.File, environment)}:{source.Line}"
                : CliTexts.Issues.ModelPlace;
            environment.Console.MarkupLine($"{label}{Markup.Escape(place)}  {Markup.Escape(issue.Message)} [grey][[{Markup.Escape(issue.Code)}]][/]");
        }
    }

    public static string Counts(IReadOnlyCollection<ValidationIssue> issues)
    {
        var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
        var warnings = issues.Count - errors;
        return CliTexts.Issues.Counts(errors, warnings);
    }
}
