using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>The knowledge model imported from the repository's seeds (reports, news, themes.yaml), built once per fixture.</summary>
public sealed class SeedsModelFixture
{
    public KnowledgeModel Model { get; } = KnowledgeImporter.Import(RepoPaths.Seeds).Model;

    /// <summary>The current themes' ids in catalogue order (seeds/themes.yaml).</summary>
    public IReadOnlyList<string> ThemeIds => Model.Themes.Where(t => t.IsCurrent).Select(t => t.Id).ToList();

    /// <summary>The seeds model with extra news items, for tests of unusual content.</summary>
    public KnowledgeModel With(params NewsItem[] extraNews) => Model with { News = [.. Model.News, .. extraNews] };
}
