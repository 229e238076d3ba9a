using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Validation;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Validation;

public sealed class RealImportValidationTests
{
    [Fact]
    public void Validate_RealImportOfRepoSeeds_HasNoErrorsAndEveryIssueHasAPlace()
    {
        var result = KnowledgeImporter.Import(RepoPaths.Seeds);

        var issues = ModelValidator.Validate(result.Model);

        Assert.DoesNotContain(issues, i => i.Severity == IssueSeverity.Error);
        Assert.All(issues, i => Assert.NotNull(i.Source));
        Assert.Equal(10, result.Model.News.Count);
        Assert.All(result.Model.News.SelectMany(n => n.Themes), t => Assert.Contains(result.Model.Themes, th => th.Id == t && th.IsCurrent));
    }

    [Fact]
    public void Validate_RealImportWithOneBudgetFigureChanged_FlagsThatBudget()
    {
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var budget = model.Budgets.Single(b => b is { Year: 2025, Kind: BudgetKind.Jaarrekening });
        var lines = budget.Lines.ToList();
        var index = lines.FindIndex(l => l.Label == "Loonkosten");
        lines[index] = lines[index] with { Amount = lines[index].Amount + 1 };
        var changed = model with { Budgets = model.Budgets.Select(b => b == budget ? b with { Lines = lines } : b).ToList() };

        var issues = ModelValidator.Validate(changed);

        Assert.Contains(issues, i => i.Code == "begroting-telt-niet-op" && i.Message.StartsWith(budget.Title, StringComparison.Ordinal));
    }
}
