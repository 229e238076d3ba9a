using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Model;

/// <summary>The model as it was known on an earlier day, over the repository's seeds.</summary>
public sealed class ModelAsOfTests
{
    private static readonly Lazy<KnowledgeModel> Seeds = new(() => KnowledgeImporter.Import(RepoPaths.Seeds).Model);

    private static KnowledgeModel Full => Seeds.Value;

    [Fact]
    public void KeyOn_Today_KnowsTheWholeModel()
    {
        Assert.True(ModelAsOf.IsComplete(Full, ModelAsOf.KeyOn(Full, new DateOnly(2026, 12, 6))));
        Assert.False(ModelAsOf.IsComplete(Full, ModelAsOf.KeyOn(Full, new DateOnly(2026, 6, 1))));
    }

    [Fact]
    public void On_DayInAReportYear_KeepsThatReportAndOlderOnes()
    {
        var model = ModelAsOf.On(Full, new DateOnly(2024, 6, 1));

        Assert.Equal(["2017-2018", "2020-2021", "2023-2024", "2024-2025"], model.Reports.Select(r => r.Id).Order().ToArray());
        Assert.All(model.Passages, p => Assert.NotEqual("2025-2026", p.ReportId));
        Assert.All(model.Organisation, o => Assert.NotEqual("2025-2026", o.ReportId));
        Assert.All(model.Events, e => Assert.All(e.Sources, s => Assert.DoesNotContain("2025-jaarplan-2026", s.File, StringComparison.Ordinal)));
        Assert.All(model.News, n => Assert.True(n.Date <= new DateOnly(2024, 6, 1)));
    }

    [Fact]
    public void On_DayBeforeAYearEnds_KnowsItsBegrotingButNotItsJaarrekening()
    {
        var model = ModelAsOf.On(Full, new DateOnly(2024, 6, 1));

        Assert.Contains(model.Budgets, b => b is { Year: 2024, Kind: BudgetKind.Begroting });
        Assert.Contains(model.Budgets, b => b is { Year: 2025, Kind: BudgetKind.Begroting });
        Assert.DoesNotContain(model.Budgets, b => b is { Year: >= 2024, Kind: BudgetKind.Jaarrekening });
        Assert.Contains(Full.Budgets, b => b is { Year: 2024, Kind: BudgetKind.Jaarrekening });
    }

    [Fact]
    public void On_EarlierDay_TheNewestKnownReportsThemesAreCurrent()
    {
        var model = ModelAsOf.On(Full, new DateOnly(2018, 3, 1));
        var written = model.Passages.Where(p => p.ThemeId is not null).Select(p => p.ThemeId!).ToHashSet();

        Assert.Contains(model.Themes, t => t is { Id: "woonoverlast", IsCurrent: true });
        Assert.DoesNotContain(model.Themes, t => t.Id == "mensenhandel" && t.IsCurrent);
        Assert.All(model.Themes.Where(t => t.IsCurrent), t => Assert.Contains(t.Id, written));
    }

    [Fact]
    public void On_DayBeforeAllReports_IsEmptyNotBroken()
    {
        var model = ModelAsOf.On(Full, new DateOnly(2015, 1, 1));

        Assert.Empty(model.Reports);
        Assert.Empty(model.Passages);
        Assert.Empty(model.Budgets);
        Assert.Empty(model.Events);
    }
}
