using VarBot.Knowledge.Model;
using VarBot.Knowledge.Validation;

namespace VarBot.Knowledge.Tests.Validation;

public sealed class ModelValidatorTests
{
    private const string ReportFile = "jaarverslagen/var-jaarverslag-2025-jaarplan-2026.txt";

    [Fact]
    public void Validate_ConsistentModel_ReportsNothing()
    {
        var model = Model() with { Budgets = [Budget(BalancedLines())] };

        Assert.Empty(ModelValidator.Validate(model));
    }

    [Fact]
    public void Validate_SubtotalDoesNotMatchLines_WarnsOnSubtotalLine()
    {
        var lines = BalancedLines().ToList();
        lines[1] = lines[1] with { Amount = 100_000 }; // was 109.000: the subtotal 310.000 no longer adds up
        var model = Model() with { Budgets = [Budget(lines)] };

        var issues = ModelValidator.Validate(model);

        var subtotal = Assert.Single(issues, i => i.Source?.Line == 4);
        Assert.Equal(IssueSeverity.Warning, subtotal.Severity);
        Assert.Equal("begroting-telt-niet-op", subtotal.Code);
        Assert.Contains("€ 301.000", subtotal.Message, StringComparison.Ordinal);
        Assert.Contains("€ 310.000", subtotal.Message, StringComparison.Ordinal);
        Assert.All(issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
    }

    [Fact]
    public void Validate_TotalDoesNotMatchLines_WarnsOnTotalLine()
    {
        var lines = BalancedLines().ToList();
        lines[^1] = lines[^1] with { Amount = 700_000 };
        var model = Model() with { Budgets = [Budget(lines)] };

        var issues = ModelValidator.Validate(model);

        Assert.Contains(issues, i => i.Code == "begroting-telt-niet-op" && i.Source?.Line == 18);
        Assert.Contains(issues, i => i.Code == "begroting-niet-sluitend");
        Assert.All(issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
    }

    [Fact]
    public void Validate_PmAmountCountedAsZero_NoWarningWhenFiguresAgree()
    {
        var lines = BalancedLines().ToList();
        lines.Insert(5, new BudgetLine("Overdracht cybersubsidie", BudgetSide.Income, BudgetLineKind.Line, "Subsidies", null, "PM*", null, Src(5)));
        var model = Model() with { Budgets = [Budget(lines)] };

        Assert.Empty(ModelValidator.Validate(model));
    }

    [Fact]
    public void Validate_EventWithoutDateOrMonth_Warns()
    {
        var model = Model() with { Events = [Event("e1", date: null, month: null)] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("evenement-zonder-datum", issue.Code);
        Assert.Equal(Src(30), issue.Source);
    }

    [Fact]
    public void Validate_EventWithOnlyMonth_IsAccepted()
    {
        var model = Model() with { Events = [Event("e1", date: null, month: 4)] };

        Assert.Empty(ModelValidator.Validate(model));
    }

    [Fact]
    public void Validate_EventDateContradictsMonth_IsError()
    {
        var model = Model() with { Events = [Event("e1", new DateOnly(2025, 4, 7), month: 5)] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal("evenement-datum-tegenstrijdig", issue.Code);
    }

    [Fact]
    public void Validate_SameEventTwiceUnderTwoIds_Warns()
    {
        var model = Model() with { Events = [Event("e1", new DateOnly(2025, 4, 7), 4), Event("e2", new DateOnly(2025, 4, 7), 4)] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal("evenement-dubbel", issue.Code);
        Assert.Contains("'e1'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateEventId_IsError()
    {
        var model = Model() with { Events = [Event("e1", new DateOnly(2025, 4, 7), 4), Event("e1", new DateOnly(2025, 7, 7), 7)] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal("dubbel-id", issue.Code);
    }

    [Fact]
    public void Validate_DuplicateNewsId_IsError()
    {
        var model = Model() with { News = [News("bericht", "mensenhandel"), News("Bericht", "mensenhandel")] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Contains("nieuwsbericht", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CurrentThemeWithoutPassageInLatestReport_IsError()
    {
        var model = Model() with { Passages = [Passage("p1", "mensenhandel", "var-2024"), Passage("p2", "maatschappelijk-ongenoegen", "var-2025")] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal("thema-zonder-passages", issue.Code);
        Assert.Contains("Mensenhandel", issue.Message, StringComparison.Ordinal);
        Assert.Equal(ReportFile, issue.Source!.File);
    }

    [Fact]
    public void Validate_NewsWithUnknownTheme_IsError()
    {
        var model = Model() with { News = [News("bericht", "cybercrime")] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal("nieuws-thema-onbekend", issue.Code);
        Assert.Equal("nieuws/bericht.md", issue.Source!.File);
    }

    [Fact]
    public void Validate_NewsWithFormerTheme_Warns()
    {
        var model = Model() with { News = [News("bericht", "radicalisering")] };

        var issue = Assert.Single(ModelValidator.Validate(model));

        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Contains("maatschappelijk-ongenoegen", issue.Message, StringComparison.Ordinal);
    }

    private static SourceRef Src(int line) => new(ReportFile, line);

    private static KnowledgeModel Model() => new()
    {
        Reports =
        [
            new Report("var-2024", 2024, 2025, "Jaarverslag 2024 / Jaarplan 2025", "jaarverslagen/var-jaarverslag-2024-jaarplan-2025.txt"),
            new Report("var-2025", 2025, 2026, "Jaarverslag 2025 / Jaarplan 2026", ReportFile),
        ],
        Themes =
        [
            new Theme("mensenhandel", "Mensenhandel", true, [], [], null),
            new Theme("maatschappelijk-ongenoegen", "Maatschappelijk ongenoegen", true, [], [], null),
            new Theme("radicalisering", "Radicalisering", false, [], [], "maatschappelijk-ongenoegen"),
        ],
        Passages = [Passage("p1", "mensenhandel", "var-2025"), Passage("p2", "maatschappelijk-ongenoegen", "var-2025")],
    };

    private static Passage Passage(string id, string theme, string report) =>
        new(id, report, theme, "Thema", null, 2025, PassageKind.Done, false, "Tekst", Src(10));

    private static Event Event(string id, DateOnly? date, int? month) =>
        new(id, EventType.Leerhuis, "Leerhuis Criminele Uitbuiting", null, null, date, 2025, month, null, null, EventStatus.Held, [Src(30)]);

    private static NewsItem News(string id, string theme) =>
        new(id, "Bericht", new DateOnly(2025, 6, 1), [theme], "Samenvatting", null, null, "", new SourceRef($"nieuws/{id}.md", 1));

    private static Budget Budget(IReadOnlyList<BudgetLine> lines) =>
        new("jaarrekening-2025", "var-2025", 2025, BudgetKind.Jaarrekening, "Jaarrekening 2025", 671_623, lines, [], Src(1));

    /// <summary>The Jaarrekening 2025 as printed; line numbers are the list position + 1.</summary>
    private static IReadOnlyList<BudgetLine> BalancedLines()
    {
        var lines = new List<BudgetLine>();
        void Add(string label, BudgetSide side, BudgetLineKind kind, long amount) =>
            lines.Add(new BudgetLine(label, side, kind, null, amount, null, null, Src(lines.Count + 1)));

        Add("Inwonersbijdrage gemeenten bijdrage VAR", BudgetSide.Income, BudgetLineKind.Line, 197_000);
        Add("Inwonersbijdrage gemeenten mensenhandel", BudgetSide.Income, BudgetLineKind.Line, 109_000);
        Add("Bijdrage monitoring (politie)", BudgetSide.Income, BudgetLineKind.Line, 4_000);
        Add("Subtotaal regionale bijdrage", BudgetSide.Income, BudgetLineKind.Subtotal, 310_000);
        Add("Versterkingsgelden radicalisering NCTV", BudgetSide.Income, BudgetLineKind.Line, 116_127);
        Add("Subsidie Citydeal Cyberweerbaarheid", BudgetSide.Income, BudgetLineKind.Line, 100_000);
        Add("Subsidie Citydeal Online Aangejaagde Verstoring", BudgetSide.Income, BudgetLineKind.Line, 45_496);
        Add("Subtotaal subsidies", BudgetSide.Income, BudgetLineKind.Subtotal, 261_623);
        Add("Restant budget 2024", BudgetSide.Income, BudgetLineKind.CarryOver, 100_000);
        Add("Totaalbudget 2025", BudgetSide.Income, BudgetLineKind.Total, 671_623);
        Add("Loonkosten", BudgetSide.Expense, BudgetLineKind.Line, 420_000);
        Add("Monitoring", BudgetSide.Expense, BudgetLineKind.Line, 28_000);
        Add("Kennisbijeenkomsten", BudgetSide.Expense, BudgetLineKind.Line, 27_000);
        Add("Regionale thema's en projecten", BudgetSide.Expense, BudgetLineKind.Line, 132_123);
        Add("Communicatie/kennisbank", BudgetSide.Expense, BudgetLineKind.Line, 9_500);
        Add("Subtotaal", BudgetSide.Expense, BudgetLineKind.Subtotal, 616_623);
        Add("Doorlopende activiteiten/projecten in 2026", BudgetSide.Expense, BudgetLineKind.CarryOver, 55_000);
        Add("Totaal", BudgetSide.Expense, BudgetLineKind.Total, 671_623);
        return lines;
    }
}
