using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Tests.Import;

/// <summary>
/// Checks BudgetParser against Data/budget-typed-from-text.csv: the 2023-2024 tables and the begroting 2018, typed by
/// hand from the report text (not from parser output), with each line's source line.
/// </summary>
public sealed class BudgetTypedFromTextTests
{
    private static readonly List<string[]> Typed = File.ReadAllLines(ImportedReports.DataFile("budget-typed-from-text.csv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split(';')).ToList();

    public static TheoryData<string> Budgets() => new(Typed.Select(r => r[0]).Distinct());

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Import_Budget_HasExactlyTheLinesTypedFromTheText(string budgetId)
    {
        var budget = ImportedReports.Result.Budgets.Single(b => b.Id == budgetId);
        var expected = Typed.Where(r => r[0] == budgetId).Select(r => string.Join(';', r[1..])).ToList();
        var actual = budget.Lines.Select(Row).ToList();

        // Compare as sets per side in text order; a difference names the row.
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Where(r => r.StartsWith("Income", StringComparison.Ordinal)), actual.Where(r => r.StartsWith("Income", StringComparison.Ordinal)));
        Assert.Equal(expected.Where(r => r.StartsWith("Expense", StringComparison.Ordinal)), actual.Where(r => r.StartsWith("Expense", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Import_Budget_TotalMatchesTheTypedTotalLine(string budgetId)
    {
        var budget = ImportedReports.Result.Budgets.Single(b => b.Id == budgetId);
        var total = Typed.Single(r => r[0] == budgetId && r[1] == "Income" && r[2] == "Total");
        Assert.Equal(long.Parse(total[5], System.Globalization.CultureInfo.InvariantCulture), budget.Total);
    }

    private static string Row(BudgetLine l) =>
        string.Join(';', l.Side, l.Kind, l.Group ?? "", l.Label, l.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            l.AmountText ?? "", l.Source.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
