using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Tests.Import;

public sealed class BudgetImportTests
{
    private static readonly List<string[]> Expected = File.ReadAllLines(ImportedReports.DataFile("budget-lines.csv"))
        .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();

    /// <summary>Every row of every table, as typed in Data/budget-lines.csv (checked against the report text).</summary>
    public static TheoryData<string, string, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string, string>();
        foreach (var r in Expected)
        {
            data.Add(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Import_BudgetRow_MatchesReportText(string budgetId, string side, string kind, string group, string label, string amount, string amountText)
    {
        var budget = ImportedReports.Result.Budgets.Single(b => b.Id == budgetId);
        var line = budget.Lines.Single(l => l.Label == label && l.Side.ToString() == side && l.Kind.ToString() == kind);
        Assert.Equal(group.Length == 0 ? null : group, line.Group);
        Assert.Equal(amount.Length == 0 ? null : long.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), line.Amount);
        Assert.Equal(amountText.Length == 0 ? null : amountText, line.AmountText);
    }

    [Fact]
    public void Import_EveryTable_HasExactlyTheExpectedRows()
    {
        var budgets = ImportedReports.Result.Budgets;
        Assert.Equal(
            ["2017-2018:jaarrekening-2017", "2017-2018:begroting-2018", "2020-2021:jaarrekening-2020", "2020-2021:begroting-2021",
             "2023-2024:jaarrekening-2023", "2023-2024:begroting-2024", "2024-2025:jaarrekening-2024", "2024-2025:begroting-2025",
             "2025-2026:jaarrekening-2025", "2025-2026:begroting-2026"],
            budgets.Select(b => b.Id));
        foreach (var budget in budgets)
        {
            Assert.Equal(Expected.Count(r => r[0] == budget.Id), budget.Lines.Count);
        }
    }

    [Theory]
    [InlineData("2025-2026:begroting-2026", 2026, BudgetKind.Begroting, 484000L)]
    [InlineData("2025-2026:jaarrekening-2025", 2025, BudgetKind.Jaarrekening, 671623L)]
    [InlineData("2024-2025:begroting-2025", 2025, BudgetKind.Begroting, 745000L)]
    [InlineData("2024-2025:jaarrekening-2024", 2024, BudgetKind.Jaarrekening, 753000L)]
    [InlineData("2023-2024:begroting-2024", 2024, BudgetKind.Begroting, 562000L)]
    [InlineData("2023-2024:jaarrekening-2023", 2023, BudgetKind.Jaarrekening, 471500L)]
    [InlineData("2020-2021:begroting-2021", 2021, BudgetKind.Begroting, 654000L)]
    [InlineData("2020-2021:jaarrekening-2020", 2020, BudgetKind.Jaarrekening, 398000L)]
    [InlineData("2017-2018:begroting-2018", 2018, BudgetKind.Begroting, 288000L)]
    [InlineData("2017-2018:jaarrekening-2017", 2017, BudgetKind.Jaarrekening, null)]
    public void Import_Budget_TotalIsTheReportsOwnTotal(string id, int year, BudgetKind kind, long? total)
    {
        var budget = ImportedReports.Result.Budgets.Single(b => b.Id == id);
        Assert.Equal(year, budget.Year);
        Assert.Equal(kind, budget.Kind);
        Assert.Equal(total, budget.Total);
        var expenseTotal = budget.Lines.Single(l => l.Side == BudgetSide.Expense && l.Kind == BudgetLineKind.Total);
        Assert.Equal(total, expenseTotal.Amount);
    }

    [Fact]
    public void Import_Begroting2026_KeepsPmAmountAsTextWithItsFootnote()
    {
        var budget = ImportedReports.Result.Budgets.Single(b => b.Id == "2025-2026:begroting-2026");
        var pm = budget.Lines.Single(l => l.Label == "Overdracht cybersubsidie gemeente Rotterdam");
        Assert.Null(pm.Amount);
        Assert.Equal("PM*", pm.AmountText);
        Assert.Equal("Subsidies", pm.Group);
        Assert.StartsWith("betreft een restant cyber-subsidie", pm.Note);
        Assert.Single(budget.Footnotes);
        Assert.Equal(420000, budget.Lines.Single(l => l.Label == "Loonkosten").Amount);
        Assert.Equal(116000, budget.Lines.Single(l => l.Label == "Subtotaal subsidies").Amount);
    }

    [Fact]
    public void Import_Jaarrekening2017_HasLabelsButNoInventedAmounts()
    {
        var budget = ImportedReports.Result.Budgets.Single(b => b.Id == "2017-2018:jaarrekening-2017");
        Assert.NotEmpty(budget.Lines);
        Assert.All(budget.Lines, l => Assert.Null(l.Amount));
    }

    [Fact]
    public void Import_Begroting2018_GarbledAmountIsNullWithTheWrittenText()
    {
        var budget = ImportedReports.Result.Budgets.Single(b => b.Id == "2017-2018:begroting-2018");
        var garbled = budget.Lines.Single(l => l.Label == "Opleiding/deskundigheidsbevordering");
        Assert.Null(garbled.Amount);
        Assert.Equal("#=00", garbled.AmountText);
        Assert.Equal(602, garbled.Source.Line);
    }

    [Fact]
    public void Import_BudgetLines_CiteTheirSourceLine()
    {
        var loon = ImportedReports.Result.Budgets.Single(b => b.Id == "2025-2026:begroting-2026").Lines.Single(l => l.Label == "Loonkosten");
        Assert.Equal(new SourceRef("jaarverslagen/var-jaarverslag-2025-jaarplan-2026.txt", 449), loon.Source);
        var lines = File.ReadAllLines(Path.Combine(VarBot.TestSupport.RepoPaths.Seeds, loon.Source.File));
        Assert.StartsWith("Loonkosten\t420.000", lines[loon.Source.Line - 1], StringComparison.Ordinal);
    }
}
