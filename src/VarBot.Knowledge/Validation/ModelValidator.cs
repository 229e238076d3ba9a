using System.Globalization;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Validation;

/// <summary>
/// Checks a built model and reports in Dutch, with file and line. Errors block a publish; warnings travel
/// with the model. The rules:
/// <list type="bullet">
/// <item>Budget lines that do not add up to the report's own subtotal or total, or income and expense totals
/// that differ: Warning (the report's figures are kept as printed).</item>
/// <item>An event with neither date nor month: Warning (the report only names the year; the importer must not
/// invent a month). A month outside 1-12, or a date that contradicts the event's year or month: Error.</item>
/// <item>A current theme without any passage in the latest report: Error (the import missed a section, and the
/// bot would have nothing to say about a current theme).</item>
/// <item>Two records with the same id (event, news item, passage, budget, report, theme): Error. Two events
/// with the same type, title and date under different ids: Warning (probably one event read twice).</item>
/// <item>A news item naming a theme the model does not know: Error; naming a former theme: Warning.</item>
/// </list>
/// </summary>
public static class ModelValidator
{

    public static IReadOnlyList<ValidationIssue> Validate(KnowledgeModel model)
    {
        var issues = new List<ValidationIssue>();
        CheckDuplicateIds(model, issues);
        foreach (var budget in model.Budgets)
        {
            CheckBudget(budget, issues);
        }

        CheckEvents(model.Events, issues);
        CheckThemePassages(model, issues);
        CheckNewsThemes(model, issues);
        return issues;
    }

    private static void CheckBudget(Budget budget, List<ValidationIssue> issues)
    {
        var incomeTotal = CheckSide(budget, BudgetSide.Income, issues) ?? budget.Total;
        var expenseTotal = CheckSide(budget, BudgetSide.Expense, issues);
        if (incomeTotal is { } income && expenseTotal is { } expense && income != expense)
        {
            var source = budget.Lines.LastOrDefault(l => l is { Side: BudgetSide.Expense, Kind: BudgetLineKind.Total })?.Source ?? budget.Source;
            issues.Add(new ValidationIssue(
                IssueSeverity.Warning,
                "begroting-niet-sluitend",
                $"{budget.Title}: de inkomsten ({DutchFormat.Amount(income)}) en de uitgaven ({DutchFormat.Amount(expense)}) zijn niet gelijk. "
                + "De cijfers uit het verslag blijven staan; controleer de tabel en corrigeer zo nodig in corrections.yaml.",
                source));
        }
    }

    /// <summary>Checks each subtotal against the lines since the previous subtotal, and the total against all lines; returns the side's stated total.</summary>
    private static long? CheckSide(Budget budget, BudgetSide side, List<ValidationIssue> issues)
    {
        long sinceSubtotal = 0;
        var linesSinceSubtotal = 0;
        long all = 0;
        var unreadable = 0;
        long? statedTotal = null;
        var sideName = side == BudgetSide.Income ? "inkomsten" : "uitgaven";

        foreach (var line in budget.Lines.Where(l => l.Side == side))
        {
            switch (line.Kind)
            {
                case BudgetLineKind.Line:
                case BudgetLineKind.CarryOver:
                    if (line.Amount is null)
                    {
                        unreadable++;
                    }

                    all += line.Amount ?? 0;
                    if (line.Kind == BudgetLineKind.Line)
                    {
                        sinceSubtotal += line.Amount ?? 0;
                        linesSinceSubtotal++;
                    }

                    break;

                case BudgetLineKind.Subtotal:
                    if (line.Amount is { } subtotal && linesSinceSubtotal > 0 && subtotal != sinceSubtotal)
                    {
                        issues.Add(Mismatch(budget, line, sideName, sinceSubtotal, subtotal, unreadable > 0));
                    }

                    sinceSubtotal = 0;
                    linesSinceSubtotal = 0;
                    break;

                case BudgetLineKind.Total:
                    statedTotal = line.Amount;
                    if (line.Amount is { } total && total != all)
                    {
                        issues.Add(Mismatch(budget, line, sideName, all, total, unreadable > 0));
                    }

                    break;
            }
        }

        return statedTotal;
    }

    private static ValidationIssue Mismatch(Budget budget, BudgetLine line, string sideName, long sum, long stated, bool hasUnreadable) =>
        new(
            IssueSeverity.Warning,
            "begroting-telt-niet-op",
            $"{budget.Title}, {sideName}: de regels tellen op tot {DutchFormat.Amount(sum)}, maar '{line.Label}' vermeldt {DutchFormat.Amount(stated)} "
            + $"(verschil {DutchFormat.Amount(Math.Abs(stated - sum))})."
            + (hasUnreadable ? " Niet alle bedragen zijn leesbaar (bijvoorbeeld PM); die tellen als 0." : "")
            + " De cijfers uit het verslag blijven staan; controleer de tabel en corrigeer zo nodig in corrections.yaml.",
            line.Source);

    private static void CheckEvents(IReadOnlyList<Event> events, List<ValidationIssue> issues)
    {
        foreach (var ev in events)
        {
            var source = ev.Sources.FirstOrDefault();
            if (ev.Month is { } month && (month < 1 || month > 12))
            {
                issues.Add(new ValidationIssue(IssueSeverity.Error, "evenement-maand-ongeldig",
                    $"Evenement '{ev.Title}' ({ev.Year}) heeft maand {month}; een maand ligt tussen 1 en 12.", source));
            }

            if (ev.Date is { } date)
            {
                if (date.Year != ev.Year || (ev.Month is { } m && m != date.Month))
                {
                    issues.Add(new ValidationIssue(IssueSeverity.Error, "evenement-datum-tegenstrijdig",
                        $"Evenement '{ev.Title}' heeft datum {date:yyyy-MM-dd}, maar jaar {ev.Year}"
                        + (ev.Month is { } mm ? $" en maand {mm}" : "") + ". Corrigeer de datum of het jaar in corrections.yaml.",
                        source));
                }
            }
            else if (ev.Month is null)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, "evenement-zonder-datum",
                    $"Evenement '{ev.Title}' ({ev.Year}) heeft geen datum en geen maand; de bot noemt alleen het jaar. "
                    + "Voeg de datum toe in corrections.yaml als die bekend is.",
                    source));
            }
        }

        var seen = new Dictionary<(EventType, string, DateOnly?, int, int?), Event>();
        foreach (var ev in events)
        {
            var key = (ev.Type, Normalize(ev.Title), ev.Date, ev.Year, ev.Date is null ? ev.Month : null);
            if (seen.TryGetValue(key, out var first) && first.Id != ev.Id)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, "evenement-dubbel",
                    $"Evenement '{ev.Title}' ({When(ev)}) staat twee keer in het model ('{first.Id}' en '{ev.Id}'). "
                    + "Voeg ze samen tot één evenement met beide bronnen.",
                    ev.Sources.FirstOrDefault()));
            }
            else
            {
                seen.TryAdd(key, ev);
            }
        }
    }

    private static void CheckThemePassages(KnowledgeModel model, List<ValidationIssue> issues)
    {
        var latest = model.Reports.MaxBy(r => r.ReportYear);
        if (latest is null)
        {
            return;
        }

        var covered = model.Passages
            .Where(p => p.ReportId == latest.Id && p.ThemeId is not null)
            .Select(p => p.ThemeId!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var theme in model.Themes.Where(t => t.IsCurrent && !covered.Contains(t.Id)))
        {
            issues.Add(new ValidationIssue(IssueSeverity.Error, "thema-zonder-passages",
                $"Het actuele thema '{theme.Name}' heeft geen enkele passage in het nieuwste verslag ({latest.Title}). "
                + "Controleer of de import de themasectie herkent (kop in het verslag, alias in themes.yaml).",
                new SourceRef(latest.SourceFile, 1)));
        }
    }

    private static void CheckNewsThemes(KnowledgeModel model, List<ValidationIssue> issues)
    {
        var themes = model.Themes.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in model.News)
        {
            foreach (var themeId in item.Themes)
            {
                if (!themes.TryGetValue(themeId, out var theme))
                {
                    issues.Add(new ValidationIssue(IssueSeverity.Error, "nieuws-thema-onbekend",
                        $"Nieuwsbericht '{item.Title}' noemt thema '{themeId}', maar dat thema staat niet in het model. "
                        + $"Kies uit: {string.Join(", ", model.Themes.Where(t => t.IsCurrent).Select(t => t.Id))}.",
                        item.Source));
                }
                else if (!theme.IsCurrent)
                {
                    issues.Add(new ValidationIssue(IssueSeverity.Warning, "nieuws-thema-vervallen",
                        $"Nieuwsbericht '{item.Title}' noemt het oude thema '{theme.Name}'"
                        + (theme.SucceededBy is null ? "." : $"; dat valt nu onder '{theme.SucceededBy}'.")
                        + " Abonnees op actuele thema's krijgen dit bericht dan niet.",
                        item.Source));
                }
            }
        }
    }

    private static void CheckDuplicateIds(KnowledgeModel model, List<ValidationIssue> issues)
    {
        Check(model.Reports, r => r.Id, r => new SourceRef(r.SourceFile, 1), "verslag");
        Check(model.Themes, t => t.Id, _ => null, "thema");
        Check(model.Passages, p => p.Id, p => p.Source, "passage");
        Check(model.Events, e => e.Id, e => e.Sources.FirstOrDefault(), "evenement");
        Check(model.Budgets, b => b.Id, b => b.Source, "begroting");
        Check(model.News, n => n.Id, n => n.Source, "nieuwsbericht");

        void Check<T>(IEnumerable<T> records, Func<T, string> id, Func<T, SourceRef?> source, string kind)
        {
            // News ids are file names: two files differing only in case collide on case-insensitive disks and URLs.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var record in records)
            {
                if (!seen.Add(id(record)))
                {
                    issues.Add(new ValidationIssue(IssueSeverity.Error, "dubbel-id",
                        $"Er is meer dan één {kind} met id '{id(record)}'. Een id mag maar één keer voorkomen; hernoem of verwijder het dubbele.",
                        source(record)));
                }
            }
        }
    }

    private static string When(Event ev) =>
        ev.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (ev.Month is { } m ? $"{m:00}-{ev.Year}" : ev.Year.ToString(CultureInfo.InvariantCulture));

    private static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
