using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.News;

public sealed record NewsImport(IReadOnlyList<NewsItem> Items, IReadOnlyList<ValidationIssue> Issues);

/// <summary>Reads seeds/nieuws/*.md: Markdown with YAML front matter.</summary>
public static class NewsReader
{
    public static NewsImport ReadAll(string seedsDirectory) =>
        throw new NotImplementedException("News reading lands with the news work.");
}
