using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using static VarBot.Cli.Commands.ModelSummary;

namespace VarBot.Cli.Commands;

/// <summary>varbot show events|budgets|themes: tables of what the model holds, from the seeds or a model file.</summary>
internal static class ShowCommand
{
    /// <summary>
    /// The budget table's amounts: digits with a dot per thousand under the header "Bedrag (€)". DutchFormat.Amount writes
    /// "€ 420.000" (with the sign), which would repeat the currency in every cell, so this table keeps the culture's "N0".
    /// </summary>
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("show", CliTexts.Show.Description);
        command.Subcommands.Add(Sub("events", CliTexts.Show.EventsDescription, ShowEvents, environment));
        command.Subcommands.Add(Sub("budgets", CliTexts.Show.BudgetsDescription, ShowBudgets, environment));
        command.Subcommands.Add(Sub("themes", CliTexts.Show.ThemesDescription, ShowThemes, environment));
        return command;
    }

    private static Command Sub(string name, string description, Action<KnowledgeModel, int?, CliEnvironment> show, CliEnvironment environment)
    {
        var year = new Option<int?>("--year") { Description = CliTexts.Show.YearOption, HelpName = CliTexts.HelpNames.Year };
        var seeds = SeedsLocation.CreateOption();
        var model = new Option<string?>("--model")
        {
            Description = CliTexts.Show.ModelOption,
            HelpName = CliTexts.HelpNames.File,
        };
        var command = new Command(name, description) { year, seeds, model };
        command.SetAction(parse =>
        {
            var loaded = Load(parse.GetValue(seeds), parse.GetValue(model), environment);
            if (loaded is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            show(loaded, parse.GetValue(year), environment);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static KnowledgeModel? Load(string? seedsOption, string? modelFile, CliEnvironment environment)
    {
        if (modelFile is not null)
        {
            var path = Path.GetFullPath(modelFile, environment.CurrentDirectory);
            if (!File.Exists(path))
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Show.ModelFileMissing(Markup.Escape(path))}[/] {CliTexts.Show.ModelFileMissingHint(Markup.Escape(modelFile))}");
                return null;
            }

            try
            {
                return ModelJson.Deserialize(File.ReadAllBytes(path));
            }
            catch (InvalidModelException ex)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Show.NotAModel(Markup.Escape(path))}[/] {CliTexts.Show.NotAModelDetail(Markup.Escape(ex.Message))}");
                return null;
            }
        }

        if (SeedsLocation.Load(seedsOption, environment) is not { Result: var result })
        {
            return null;
        }

        if (result.HasErrors)
        {
            environment.Console.MarkupLine($"[yellow]{CliTexts.Seeds.HaveErrors(IssuePrinter.Counts(result.Issues))}[/]");
        }

        return result.Model;
    }

    private static void ShowEvents(KnowledgeModel model, int? year, CliEnvironment environment)
    {
        var table = new Table().Title(year is { } y ? CliTexts.Show.EventsTitleForYear(y) : CliTexts.Show.EventsTitle)
            .AddColumn(CliTexts.Show.When).AddColumn(CliTexts.Show.Kind).AddColumn(CliTexts.Show.Title).AddColumn(CliTexts.Show.Topic)
            .AddColumn(CliTexts.Show.Theme).AddColumn(CliTexts.Show.Status).AddColumn(CliTexts.Show.Source);
        var events = model.Events
            .Where(e => year is null || e.Year == year)
            .OrderBy(e => e.Year).ThenBy(e => e.Date?.Month ?? e.Month ?? 13).ThenBy(e => e.Date?.Day ?? 32);
        foreach (var ev in events)
        {
            table.AddRow(
                Cell(DutchFormat.When(ev)),
                Cell(DutchFormat.EventTypeLabel(ev.Type)),
                Cell(ev.Title),
                Cell(ev.Topic ?? ""),
                Cell(ev.ThemeId ?? ""),
                Cell(CliTexts.Show.EventStatusLabel(ev.Status)),
                Cell(string.Join(", ", ev.Sources.Select(s => $"{ShortFile(s.File)}:{s.Line}"))));
        }

        environment.Console.Write(table);
        environment.Console.WriteLine(CliTexts.Show.EventCount(table.Rows.Count));
    }

    private static void ShowBudgets(KnowledgeModel model, int? year, CliEnvironment environment)
    {
        var budgets = model.Budgets.Where(b => year is null || b.Year == year).OrderBy(b => b.Year).ThenBy(b => b.Kind).ToList();
        foreach (var budget in budgets)
        {
            var table = new Table().Title(budget.Title)
                .AddColumn(CliTexts.Show.Side).AddColumn(CliTexts.Show.Group).AddColumn(CliTexts.Show.Line)
                .AddColumn(new TableColumn(CliTexts.Show.Amount).RightAligned()).AddColumn(CliTexts.Show.Source);
            foreach (var line in budget.Lines)
            {
                var label = line.Kind is BudgetLineKind.Subtotal or BudgetLineKind.Total
                    ? new Text(line.Label, new Style(decoration: Decoration.Bold))
                    : new Text(line.Label);
                table.AddRow(
                    Cell(line.Side == BudgetSide.Income ? CliTexts.Show.Income : CliTexts.Show.Expenses),
                    Cell(line.Group ?? ""),
                    label,
                    Cell(line.Amount?.ToString("N0", Dutch) ?? line.AmountText ?? "?"),
                    Cell($"{ShortFile(line.Source.File)}:{line.Source.Line}"));
            }

            environment.Console.Write(table);
            foreach (var footnote in budget.Footnotes)
            {
                environment.Console.WriteLine(footnote);
            }
        }

        environment.Console.WriteLine(CliTexts.Show.BudgetCount(budgets.Count));
    }

    private static void ShowThemes(KnowledgeModel model, int? year, CliEnvironment environment)
    {
        var table = new Table().Title(year is { } y ? CliTexts.Show.ThemesTitleForYear(y) : CliTexts.Show.ThemesTitle)
            .AddColumn(CliTexts.Show.Id).AddColumn(CliTexts.Show.Name).AddColumn(CliTexts.Show.Current)
            .AddColumn(new TableColumn(CliTexts.Show.Passages).RightAligned()).AddColumn(CliTexts.Show.SucceededBy).AddColumn(CliTexts.Show.AlsoKnownAs);
        foreach (var theme in model.Themes.OrderByDescending(t => t.IsCurrent).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            var passages = model.Passages.Count(p => p.ThemeId == theme.Id && (year is null || p.Year == year));
            table.AddRow(
                Cell(theme.Id),
                Cell(theme.Name),
                Cell(theme.IsCurrent ? CliTexts.Show.Yes : CliTexts.Show.No),
                Cell(passages),
                Cell(theme.SucceededBy ?? ""),
                Cell(string.Join(", ", theme.Aliases.Concat(theme.FormerNames))));
        }

        environment.Console.Write(table);
        environment.Console.WriteLine(CliTexts.Show.ThemeCount(model.Themes.Count));
    }

    /// <summary>"jaarverslagen/var-jaarverslag-2024-jaarplan-2025.txt" becomes "2024-jaarplan-2025".</summary>
    private static string ShortFile(string file) =>
        Path.GetFileNameWithoutExtension(file).Replace("var-jaarverslag-", "", StringComparison.Ordinal);

}
