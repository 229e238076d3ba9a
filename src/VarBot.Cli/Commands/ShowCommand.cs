using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using static VarBot.Cli.Commands.ModelSummary;

namespace VarBot.Cli.Commands;

/// <summary>varbot show events|budgets|themes: tables of what the model holds, from the seeds or a model file.</summary>
internal static class ShowCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("show", "Toont evenementen, begrotingen of thema's uit het kennismodel.");
        command.Subcommands.Add(Sub("events", "Toont de kennisbijeenkomsten (Leerhuizen, carrousels, conferenties, ...).", ShowEvents, environment));
        command.Subcommands.Add(Sub("budgets", "Toont de jaarrekeningen en begrotingen met alle regels.", ShowBudgets, environment));
        command.Subcommands.Add(Sub("themes", "Toont de thema's met het aantal passages.", ShowThemes, environment));
        return command;
    }

    private static Command Sub(string name, string description, Action<KnowledgeModel, int?, CliEnvironment> show, CliEnvironment environment)
    {
        var year = new Option<int?>("--year") { Description = "Alleen dit jaar, bijvoorbeeld 2025.", HelpName = "JAAR" };
        var seeds = SeedsLocation.CreateOption();
        var model = new Option<string?>("--model")
        {
            Description = "Lees een eerder geschreven model (varbot import --out) in plaats van de seeds.",
            HelpName = "BESTAND",
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
                environment.Console.MarkupLine($"[red]Het modelbestand '{Markup.Escape(path)}' bestaat niet.[/] Maak het met 'varbot import --out {Markup.Escape(modelFile)}'.");
                return null;
            }

            try
            {
                return ModelJson.Deserialize(File.ReadAllBytes(path));
            }
            catch (InvalidModelException ex)
            {
                environment.Console.MarkupLine($"[red]'{Markup.Escape(path)}' is geen bruikbaar kennismodel[/] ({Markup.Escape(ex.Message)}). Maak het opnieuw met 'varbot import --out'.");
                return null;
            }
        }

        if (SeedsLocation.Load(seedsOption, environment) is not { Result: var result })
        {
            return null;
        }

        if (result.HasErrors)
        {
            environment.Console.MarkupLine($"[yellow]Let op: de seeds bevatten {IssuePrinter.Counts(result.Issues)}; 'varbot validate' toont ze.[/]");
        }

        return result.Model;
    }

    private static void ShowEvents(KnowledgeModel model, int? year, CliEnvironment environment)
    {
        var table = new Table().Title(year is null ? "Evenementen" : $"Evenementen {year}")
            .AddColumn("Wanneer").AddColumn("Soort").AddColumn("Titel").AddColumn("Onderwerp").AddColumn("Thema").AddColumn("Status").AddColumn("Bron");
        var events = model.Events
            .Where(e => year is null || e.Year == year)
            .OrderBy(e => e.Year).ThenBy(e => e.Date?.Month ?? e.Month ?? 13).ThenBy(e => e.Date?.Day ?? 32);
        foreach (var ev in events)
        {
            table.AddRow(
                Cell(When(ev)),
                Cell(ev.Type.ToString()),
                Cell(ev.Title),
                Cell(ev.Topic ?? ""),
                Cell(ev.ThemeId ?? ""),
                Cell(ev.Status switch { EventStatus.Held => "gehouden", EventStatus.Cancelled => "afgelast", _ => "gepland" }),
                Cell(string.Join(", ", ev.Sources.Select(s => $"{ShortFile(s.File)}:{s.Line}"))));
        }

        environment.Console.Write(table);
        environment.Console.WriteLine($"{table.Rows.Count} evenementen.");
    }

    private static void ShowBudgets(KnowledgeModel model, int? year, CliEnvironment environment)
    {
        var budgets = model.Budgets.Where(b => year is null || b.Year == year).OrderBy(b => b.Year).ThenBy(b => b.Kind).ToList();
        foreach (var budget in budgets)
        {
            var table = new Table().Title(budget.Title)
                .AddColumn("Kant").AddColumn("Groep").AddColumn("Regel").AddColumn(new TableColumn("Bedrag (€)").RightAligned()).AddColumn("Bron");
            foreach (var line in budget.Lines)
            {
                var label = line.Kind is BudgetLineKind.Subtotal or BudgetLineKind.Total
                    ? new Text(line.Label, new Style(decoration: Decoration.Bold))
                    : new Text(line.Label);
                table.AddRow(
                    Cell(line.Side == BudgetSide.Income ? "inkomsten" : "uitgaven"),
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

        environment.Console.WriteLine($"{budgets.Count} begrotingen.");
    }

    private static void ShowThemes(KnowledgeModel model, int? year, CliEnvironment environment)
    {
        var table = new Table().Title(year is null ? "Thema's" : $"Thema's {year}")
            .AddColumn("Id").AddColumn("Naam").AddColumn("Actueel").AddColumn(new TableColumn("Passages").RightAligned()).AddColumn("Opgegaan in").AddColumn("Ook bekend als");
        foreach (var theme in model.Themes.OrderByDescending(t => t.IsCurrent).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            var passages = model.Passages.Count(p => p.ThemeId == theme.Id && (year is null || p.Year == year));
            table.AddRow(
                Cell(theme.Id),
                Cell(theme.Name),
                Cell(theme.IsCurrent ? "ja" : "nee"),
                Cell(passages),
                Cell(theme.SucceededBy ?? ""),
                Cell(string.Join(", ", theme.Aliases.Concat(theme.FormerNames))));
        }

        environment.Console.Write(table);
        environment.Console.WriteLine($"{model.Themes.Count} thema's.");
    }

    /// <summary>"jaarverslagen/var-jaarverslag-2024-jaarplan-2025.txt" becomes "2024-jaarplan-2025".</summary>
    private static string ShortFile(string file) =>
        Path.GetFileNameWithoutExtension(file).Replace("var-jaarverslag-", "", StringComparison.Ordinal);

    private static string When(Event ev) =>
        ev.Date?.ToString("d MMMM yyyy", Dutch)
        ?? (ev.Month is { } month and >= 1 and <= 12 ? Dutch.DateTimeFormat.GetMonthName(month) + " " + ev.Year : ev.Year.ToString(CultureInfo.InvariantCulture));
}
