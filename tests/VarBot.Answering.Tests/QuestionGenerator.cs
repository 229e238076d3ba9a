using System.Globalization;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Tests;

/// <summary>A question made from the model, with what the answer must hold, computed from the model (not the engine).</summary>
public sealed record GeneratedQuestion(string Id, string Family, string Question, DateOnly Today, IReadOnlyList<string> MustContainOneOf);

/// <summary>
/// Makes questions per fact family (event dates, next/previous event per date, budget lines per year and side, totals,
/// comparisons, roles, counts, themes per year) times phrasings (formal, informal, short, typo'd).
/// </summary>
public static class QuestionGenerator
{
    private static readonly DateOnly Asked = new(2026, 11, 22);

    public static IReadOnlyList<GeneratedQuestion> All(KnowledgeModel model)
    {
        var list = new List<GeneratedQuestion>();
        EventDates(model, list);
        NextAndPrevious(model, list);
        BudgetLines(model, list);
        Totals(model, list);
        Comparisons(model, list);
        Roles(model, list);
        Themes(model, list);
        return list;
    }

    private static void Add(List<GeneratedQuestion> list, string family, string key, string[] phrasings, DateOnly today, IReadOnlyList<string> expected)
    {
        for (var i = 0; i < phrasings.Length; i++)
        {
            list.Add(new GeneratedQuestion($"{family}:{key}:{i}", family, phrasings[i], today, expected));
        }
    }

    /// <summary>A typo in the longest word: two letters in the middle swapped.</summary>
    private static string Typo(string text)
    {
        var words = text.Split(' ');
        var longest = words.Select((w, i) => (w, i)).OrderByDescending(x => x.w.Length).First();
        if (longest.w.Length < 8)
        {
            return text;
        }

        var c = longest.w.ToCharArray();
        var m = c.Length / 2;
        (c[m], c[m + 1]) = (c[m + 1], c[m]);
        words[longest.i] = new string(c);
        return string.Join(' ', words);
    }

    private static IReadOnlyList<Budget> LatestBudgets(KnowledgeModel model) =>
        model.Budgets.GroupBy(b => (b.Year, b.Kind)).Select(g => g.OrderByDescending(b => b.ReportId, StringComparer.Ordinal).First()).ToList();

    private static void EventDates(KnowledgeModel model, List<GeneratedQuestion> list)
    {
        foreach (var e in model.Events.Where(e => e.Date is not null && e.Type is EventType.Leerhuis or EventType.Carrousel or EventType.Conferentie))
        {
            var distinct = e.Title.Split(' ').Length > 1 && model.Events.Count(o => o.Title == e.Title) == 1;
            if (!distinct)
            {
                continue;
            }

            var date = DutchFormat.Date(e.Date!.Value);
            Add(list, "event-date", e.Id, [$"Wanneer was het {e.Title}?", $"wanneer was {e.Title.ToLowerInvariant()}", $"datum {e.Title}?", Typo($"wanneer was het {e.Title.ToLowerInvariant()}")], Asked, [date]);
        }

        foreach (var e in model.Events.Where(e => e.Date is not null && e.Title is "Najaarscarrousel" or "Voorjaarscarrousel"))
        {
            var date = DutchFormat.Date(e.Date!.Value);
            var name = e.Title.ToLowerInvariant();
            Add(list, "event-date", e.Id + "-year", [$"Wanneer was de {name} van {e.Year}?", $"wanneer is de {name} in {e.Year}", $"{name} {e.Year}?", Typo($"wanneer was de {name} {e.Year}")], Asked, [date]);
        }
    }

    private static void NextAndPrevious(KnowledgeModel model, List<GeneratedQuestion> list)
    {
        foreach (var (type, name, article) in new[] { (EventType.Leerhuis, "leerhuis", "het"), (EventType.Carrousel, "carrousel", "de") })
        {
            var events = model.Events.Where(e => e.Type == type && e.Date is not null && e.Status != EventStatus.Cancelled).OrderBy(e => e.Date).ToList();
            foreach (var e in events)
            {
                foreach (var daysBefore in new[] { 1, 10 })
                {
                    var today = e.Date!.Value.AddDays(-daysBefore);
                    var next = events.First(o => o.Date >= today);
                    Add(list, "next-event", $"{e.Id}-{daysBefore}", [$"Wanneer is {article} volgende {name}?", $"volgende {name}?", $"wanneer is {article} eerstvolgende {name}", Typo($"wanneer is {article} volgende {name}")], today, [DutchFormat.Date(next.Date!.Value)]);
                }

                var after = e.Date!.Value.AddDays(2);
                var previous = events.Last(o => o.Date < after);
                Add(list, "previous-event", e.Id, [$"Wanneer was {article} vorige {name}?", $"wanneer was {article} laatste {name}"], after, [DutchFormat.Date(previous.Date!.Value)]);
            }
        }
    }

    private static void BudgetLines(KnowledgeModel model, List<GeneratedQuestion> list)
    {
        foreach (var budget in LatestBudgets(model))
        {
            foreach (var line in budget.Lines.Where(l => l.Kind == BudgetLineKind.Line && l.Amount is not null))
            {
                var amount = DutchFormat.Amount(line.Amount!.Value)[2..];
                var label = line.Label;
                var key = $"{budget.Id}:{label}";
                if (budget.Kind == BudgetKind.Begroting)
                {
                    Add(list, "budget-line", key, [$"Hoeveel was er in de begroting {budget.Year} voor {label}?", $"hoeveel is er voor {budget.Year} begroot voor {label.ToLowerInvariant()}", $"{label} begroting {budget.Year}?", Typo($"hoeveel was er in de begroting {budget.Year} voor {label.ToLowerInvariant()}")], Asked, [amount]);
                }
                else
                {
                    Add(list, "budget-line", key, [$"Wat was het bedrag voor {label} in de jaarrekening {budget.Year}?", $"hoeveel staat er in de jaarrekening {budget.Year} bij {label.ToLowerInvariant()}", $"{label} jaarrekening {budget.Year}?", Typo($"wat was het bedrag voor {label.ToLowerInvariant()} in de jaarrekening {budget.Year}")], Asked, [amount]);
                }
            }
        }
    }

    private static void Totals(KnowledgeModel model, List<GeneratedQuestion> list)
    {
        foreach (var budget in LatestBudgets(model).Where(b => b.Total is not null))
        {
            var amount = DutchFormat.Amount(budget.Total!.Value)[2..];
            var kind = budget.Kind == BudgetKind.Begroting ? "begroting" : "jaarrekening";
            Add(list, "budget-total", budget.Id, [$"Wat is het totaal van de {kind} {budget.Year}?", $"hoe groot was de {kind} van {budget.Year}", $"totaal {kind} {budget.Year}?", Typo($"wat is het totaal van de {kind} {budget.Year}")], Asked, [amount]);
        }
    }

    private static void Comparisons(KnowledgeModel model, List<GeneratedQuestion> list)
    {
        var begrotingen = LatestBudgets(model).Where(b => b.Kind == BudgetKind.Begroting && b.Total is not null).ToDictionary(b => b.Year);
        foreach (var (year, budget) in begrotingen)
        {
            if (begrotingen.TryGetValue(year - 1, out var earlier))
            {
                var a = DutchFormat.Amount(earlier.Total!.Value)[2..];
                var b = DutchFormat.Amount(budget.Total!.Value)[2..];
                Add(list, "budget-compare", year.ToString(CultureInfo.InvariantCulture), [$"Hoe verhoudt de begroting {year} zich tot de begroting {year - 1}?", $"is er in {year} meer of minder begroot dan in {year - 1}", $"verschil begroting {year - 1} en {year}?"], Asked, [a]);
                Add(list, "budget-compare-new", year.ToString(CultureInfo.InvariantCulture), [$"Hoe verhoudt de begroting {year} zich tot de begroting {year - 1}?", $"is er in {year} meer of minder begroot dan in {year - 1}"], Asked, [b]);
            }
        }
    }

    private static void Roles(KnowledgeModel model, List<GeneratedQuestion> list)
    {
        var words = new Dictionary<OrganisationFactKind, string> { [OrganisationFactKind.Chair] = "voorzitter", [OrganisationFactKind.ViceChair] = "vicevoorzitter", [OrganisationFactKind.Head] = "hoofd" };
        foreach (var fact in model.Organisation.Where(f => words.ContainsKey(f.Kind)))
        {
            var role = words[fact.Kind];
            var surname = fact.Value.Split(' ')[^1];
            Add(list, "role", $"{fact.ReportId}:{fact.Kind}:{surname}", [$"Wie was in {fact.Year} de {role} van de VAR?", $"wie was {role} in {fact.Year}", $"{role} VAR {fact.Year}?"], Asked, [surname]);
        }

        foreach (var fact in model.Organisation.Where(f => f.Kind == OrganisationFactKind.Municipalities))
        {
            Add(list, "count", $"{fact.ReportId}:municipalities", [$"Met hoeveel gemeenten werkte de VAR in {fact.Year} samen?", $"hoeveel gemeenten zaten er in {fact.Year} in de VAR", $"aantal gemeenten VAR {fact.Year}?"], Asked, [fact.Value]);
        }
    }

    private static void Themes(KnowledgeModel model, List<GeneratedQuestion> list)
    {
        foreach (var theme in model.Themes.Where(t => t.IsCurrent))
        {
            foreach (var group in model.Passages.Where(p => p.ThemeId == theme.Id && p.Kind == PassageKind.Done).GroupBy(p => p.Year))
            {
                // Any passage of the section answers: its first four words must appear.
                var starts = group.Select(p => string.Join(' ', p.Text.Replace("**", "", StringComparison.Ordinal).TrimStart('-', ' ', '•').Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))).Where(s => s.Length > 8).ToList();
                if (starts.Count == 0)
                {
                    continue;
                }

                var name = theme.Name.ToLowerInvariant();
                Add(list, "theme-year", $"{theme.Id}:{group.Key}", [$"Wat heeft de VAR in {group.Key} gedaan aan {name}?", $"wat deed de var in {group.Key} voor {name}", $"{name} {group.Key}?", Typo($"wat heeft de VAR in {group.Key} gedaan aan {name}")], Asked, starts);
            }
        }
    }
}
