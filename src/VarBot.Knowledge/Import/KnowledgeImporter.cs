using System.Security.Cryptography;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.News;
using VarBot.Knowledge.Validation;

namespace VarBot.Knowledge.Import;

/// <summary>The outcome of an import: the model and every validation finding (errors block a publish).</summary>
public sealed record ImportResult(KnowledgeModel Model, IReadOnlyList<ValidationIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>
/// Builds the knowledge model from a seeds folder: jaarverslagen/*.txt (with corrections.yaml and themes.yaml)
/// and nieuws/*.md, then validates it.
/// </summary>
public static class KnowledgeImporter
{
    public static ImportResult Import(string seedsDirectory)
    {
        if (!Directory.Exists(seedsDirectory))
        {
            throw new DirectoryNotFoundException($"Seeds folder not found: {seedsDirectory}");
        }

        var reports = ReportImporter.Import(seedsDirectory);
        var news = NewsReader.ReadAll(seedsDirectory);
        var linkIssues = new List<ValidationIssue>();
        var linkedNews = NewsEventLinker.Link(news.Items, reports.Events, linkIssues);

        var model = new KnowledgeModel
        {
            Reports = reports.Reports,
            Organisation = reports.Organisation,
            Themes = reports.Themes,
            Passages = reports.Passages,
            Events = reports.Events,
            Budgets = reports.Budgets,
            Monitoring = reports.Monitoring,
            News = linkedNews,
        };

        var issues = reports.Issues.Concat(news.Issues).Concat(linkIssues).Concat(ModelValidator.Validate(model)).ToList();
        model = model with { Warnings = issues.Where(i => i.Severity == IssueSeverity.Warning).ToList() };
        model = model with { Version = ContentVersion(model) };
        return new ImportResult(model, issues);
    }

    /// <summary>A short hash of the model content, so the same seeds always give the same version.</summary>
    private static string ContentVersion(KnowledgeModel model)
    {
        var bytes = ModelJson.Serialize(model with { Version = "" });
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
    }
}
