using System.Text.Json.Nodes;
using VarBot.Answering.Handlers;
using VarBot.Answering.Text;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

public sealed partial class AnswerEngine
{
    private Reply AnswerBudget(QuestionSlots slots, DateOnly today)
    {
        var years = slots.Years.Count > 0 ? slots.Years.Distinct().OrderBy(y => y).ToList() : [today.Year];
        var reply = new Reply("budget", "budget");
        reply.Slots["years"] = string.Join(',', years);
        reply.Slots["lines"] = string.Join(',', slots.LineKeys);
        reply.Slots["negated"] = string.Join(',', slots.NegatedKeys);
        if (slots.Side is { } side)
        {
            reply.Slots["side"] = side.ToString();
        }

        var requested = slots.Kinds.Count == 1 ? slots.Kinds.First() : (BudgetKind?)null;
        if (years.Count >= 2)
        {
            return CompareYears(reply, slots, years[0], years[^1], requested, today);
        }

        var year = LabelledYear(years[0], slots);
        var jaarrekening = BudgetFor(year, BudgetKind.Jaarrekening);
        var begroting = BudgetFor(year, BudgetKind.Begroting);
        if (jaarrekening is null && begroting is null)
        {
            var none = NotFound(phrases.Format("budget_no_year", year));
            none.Intent = "budget";
            foreach (var (k, v) in reply.Slots)
            {
                none.Slots[k] = v;
            }

            return none;
        }

        var primaryKind = requested ?? DefaultKind(year, today, jaarrekening, begroting);
        var primary = primaryKind == BudgetKind.Jaarrekening ? jaarrekening : begroting;
        var other = primaryKind == BudgetKind.Jaarrekening ? begroting : jaarrekening;
        if (primary is null)
        {
            // A missing jaarrekening of a year the latest report covers may still come; an older one never will.
            var latest = model.Reports.Count > 0 ? model.Reports.Max(r => r.ReportYear) : year;
            var text = phrases.Format(year < latest ? "budget_no_kind_past" : "budget_no_kind", KindName(primaryKind), year);
            var otherLines = other is null || slots.LineKeys.Count == 0 ? [] : MatchLines(other, slots);
            if (other is not null && otherLines.Count > 0)
            {
                // "Hoeveel kreeg de VAR in 2021": no jaarrekening 2021, but the begroting has the asked line.
                text += " " + phrases.Format("budget_no_kind_other_line", KindName(other.Kind), year,
                    string.Join("; ", otherLines.Select(l => $"{l.Label} {DutchFormat.Amount(l)}")));
            }
            else if (other?.Total is { } otherTotal)
            {
                text += " " + phrases.Format("budget_no_kind_other", KindName(other.Kind), year, DutchFormat.Amount(otherTotal));
            }

            var missing = NotFound(text);
            missing.Intent = "budget";
            foreach (var (k, v) in reply.Slots)
            {
                missing.Slots[k] = v;
            }

            if (other is not null)
            {
                missing.Sources.Add(SourceFor(other.ReportId, other.Title, other.Source));
            }

            return missing;
        }

        reply.Title = phrases.Format("budget_title", year);
        reply.Slots["kinds"] = primaryKind.ToString();
        var shown = other is null ? new List<Budget> { primary } : [primary, other];
        if (slots.Breakdown && slots.LineKeys.Count == 0)
        {
            reply.Text = phrases.Format("budget_breakdown", year, KindName(primary.Kind));
            // "Waar gaat het geld naartoe" asks for the expense side; "hoe is de begroting opgebouwd" for both sides.
            BudgetSide? shownSide = slots.Side ?? (slots.Tokens.Exists(ExpenseDirectionWords.Contains) ? BudgetSide.Expense : null);
            FillRows(reply, shown, primary.Lines.Where(l => l.Kind != BudgetLineKind.Total && (shownSide is null || l.Side == shownSide)).Select(l => l.Label).ToList(), true);
            return WithBudgetSuggestions(reply, year, today);
        }

        var lines = MatchLines(primary, slots);
        if (lines.Count == 0)
        {
            var total = primary.Total;
            reply.Text = total is null
                ? phrases.Format("budget_no_kind", KindName(primary.Kind), year)
                : phrases.Format(year < today.Year ? "budget_total_past" : "budget_total", year, $"{KindName(primary.Kind)} {year}", DutchFormat.Amount(total.Value));
            if (other?.Total is { } otherTotal)
            {
                reply.Text += " " + phrases.Format("budget_total_also", $"{KindName(other.Kind)} {year}", DutchFormat.Amount(otherTotal));
                if (total is not null)
                {
                    reply.Text += " " + KindDifference(primary, other, total.Value, otherTotal);
                }
            }

            // "Wat is de begroting voor 2026?": the card shows where the money comes from and goes to, not the total alone.
            var breakdown = slots.Tokens.Exists(OnlyTotalWords.Contains)
                ? []
                : primary.Lines.Where(l => l.Kind != BudgetLineKind.Total).Select(l => l.Label).ToList();
            FillRows(reply, shown, breakdown, true);
        }
        else
        {
            var parts = new List<string>();
            foreach (var line in lines)
            {
                var sentence = phrases.Format("budget_line", line.Label, year, DutchFormat.Amount(line), $"{KindName(primary.Kind)} {year}");
                var otherLine = other is null ? null : MatchLines(other, slots).FirstOrDefault(l => Same(l.Label, line.Label)) ?? (other is null ? null : MatchLines(other, slots).FirstOrDefault());
                if (otherLine is not null && other is not null)
                {
                    sentence += " " + phrases.Format("budget_line_also", KindName(other.Kind), year, DutchFormat.Amount(otherLine));
                    if (line.Amount is { } a && otherLine.Amount is { } b)
                    {
                        sentence += " " + KindDifference(primary, other, a, b);
                    }
                }

                if (line.Amount is { } amount && primary.Total is { } grand && grand > 0 && line.Side == BudgetSide.Expense
                    && slots.Tokens.Exists(lexicon.ShareWords.Contains))
                {
                    var share = Math.Round(100.0 * amount / grand, 1).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
                    sentence += " " + phrases.Format("budget_line_share", share, DutchFormat.Amount(grand));
                }

                sentence += LineNotes(primary, line);
                parts.Add(sentence);
            }

            reply.Text = string.Join(' ', parts);
            FillRows(reply, shown, lines.Select(l => l.Label).ToList(), false);
        }

        foreach (var budget in shown)
        {
            reply.Sources.Add(SourceFor(budget.ReportId, budget.Title, budget.Source));
        }

        return WithBudgetSuggestions(reply, year, today);
    }

    private Reply CompareYears(Reply reply, QuestionSlots slots, int from, int to, BudgetKind? requested, DateOnly today)
    {
        var first = PickBudget(from, requested, today);
        var second = PickBudget(to, requested, today);
        if (first is null || second is null)
        {
            var missingYear = first is null ? from : to;
            var none = NotFound(phrases.Format("budget_no_year", missingYear));
            none.Intent = "budget";
            return none;
        }

        var firstLines = MatchLines(first, slots);
        var secondLines = MatchLines(second, slots);
        long? a;
        long? b;
        string label;
        if (slots.LineKeys.Count > 0 && firstLines.Count > 0 && secondLines.Count > 0)
        {
            a = firstLines[0].Amount;
            b = secondLines[0].Amount;
            label = secondLines[0].Label;
        }
        else
        {
            a = first.Total;
            b = second.Total;
            label = phrases["budget_total_label"];
        }

        reply.Title = phrases.Format("budget_title", $"{from}–{to}");
        if (a is null || b is null)
        {
            reply.Text = phrases.Format("budget_no_kind", KindName(second.Kind), to);
            reply.Answered = false;
        }
        else
        {
            var diff = b.Value - a.Value;
            var direction = diff > 0 ? phrases["budget_rise"] : phrases["budget_fall"];
            reply.Text = diff == 0
                ? phrases.Format("budget_compare_same", label, $"{DutchFormat.Amount(b.Value)} ({KindName(second.Kind)})", to, $"{DutchFormat.Amount(a.Value)} ({KindName(first.Kind)})", from)
                : phrases.Format("budget_compare", label, $"{DutchFormat.Amount(b.Value)} ({KindName(second.Kind)})", to, $"{DutchFormat.Amount(a.Value)} ({KindName(first.Kind)})", from, direction, DutchFormat.Amount(Math.Abs(diff)));
            foreach (var (year, budget) in new[] { (from, first), (to, second) })
            {
                var alt = BudgetFor(year, budget.Kind == BudgetKind.Jaarrekening ? BudgetKind.Begroting : BudgetKind.Jaarrekening);
                if (alt is null)
                {
                    continue;
                }

                var altLines = MatchLines(alt, slots);
                long? altValue = slots.LineKeys.Count > 0 && altLines.Count > 0 ? altLines[0].Amount : alt.Total;
                if (altValue is { } v)
                {
                    reply.Text += " " + phrases.Format("budget_total_also", $"{KindName(alt.Kind)} {year}", DutchFormat.Amount(v));
                }
            }
        }

        FillRows(reply, [first, second], slots.LineKeys.Count > 0 && secondLines.Count > 0 ? [secondLines[0].Label] : [], slots.LineKeys.Count == 0);
        reply.Sources.Add(SourceFor(first.ReportId, first.Title, first.Source));
        reply.Sources.Add(SourceFor(second.ReportId, second.Title, second.Source));
        return WithBudgetSuggestions(reply, to, today);
    }

    /// <summary>
    /// "Restant budget uit 2024" is a line of the 2025 tables ("Restant budget 2024"), not of 2024's: when the asked year's
    /// matching lines name another year and another table's matching line names the asked year, use that table's year.
    /// </summary>
    private int LabelledYear(int year, QuestionSlots slots)
    {
        if (slots.LineKeys.Count == 0)
        {
            return year;
        }

        var asked = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var own = model.Budgets.Where(b => b.Year == year).SelectMany(b => MatchLines(b, slots)).ToList();
        if (own.Count == 0 && model.Budgets.Any(b => b.Year == year))
        {
            return year;
        }

        if (own.Count > 0 && !own.TrueForAll(l => YearInLabel().IsMatch(l.Label) && !l.Label.Contains(asked, StringComparison.Ordinal)))
        {
            return year;
        }

        var labelled = model.Budgets.Where(b => b.Year != year && MatchLines(b, slots).Exists(l => l.Label.Contains(asked, StringComparison.Ordinal))).ToList();
        return labelled.Count > 0 ? labelled.Max(b => b.Year) : year;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial System.Text.RegularExpressions.Regex YearInLabel();

    /// <summary>A line's own note, or the table's footnotes its amount or label points to with an asterisk ("PM*").</summary>
    private static string LineNotes(Budget budget, BudgetLine line)
    {
        if (!string.IsNullOrWhiteSpace(line.Note))
        {
            return " " + line.Note.Trim();
        }

        if ((line.AmountText ?? "").Contains('*', StringComparison.Ordinal) || line.Label.EndsWith('*'))
        {
            var notes = budget.Footnotes.Where(f => f.TrimStart().StartsWith('*')).Select(f => f.Trim().TrimStart('*').Trim()).ToList();
            return notes.Count == 0 ? "" : " *" + string.Join(" ", notes);
        }

        return "";
    }

    private string KindDifference(Budget primary, Budget other, long primaryAmount, long otherAmount)
    {
        var (realised, budgeted) = primary.Kind == BudgetKind.Jaarrekening ? (primaryAmount, otherAmount) : (otherAmount, primaryAmount);
        var diff = realised - budgeted;
        var key = diff > 0 ? "budget_higher" : diff < 0 ? "budget_lower" : "budget_equal";
        return phrases.Format("budget_diff_kinds", DutchFormat.Amount(Math.Abs(diff)), phrases[key]);
    }

    private Budget? PickBudget(int year, BudgetKind? requested, DateOnly today)
    {
        var jaarrekening = BudgetFor(year, BudgetKind.Jaarrekening);
        var begroting = BudgetFor(year, BudgetKind.Begroting);
        var kind = requested ?? DefaultKind(year, today, jaarrekening, begroting);
        return (kind == BudgetKind.Jaarrekening ? jaarrekening : begroting) ?? jaarrekening ?? begroting;
    }

    private static BudgetKind DefaultKind(int year, DateOnly today, Budget? jaarrekening, Budget? begroting) =>
        year < today.Year
            ? (jaarrekening is not null ? BudgetKind.Jaarrekening : BudgetKind.Begroting)
            : (begroting is not null ? BudgetKind.Begroting : BudgetKind.Jaarrekening);

    private Budget? BudgetFor(int year, BudgetKind kind) =>
        model.Budgets.Where(b => b.Year == year && b.Kind == kind)
            .OrderByDescending(b => reports.TryGetValue(b.ReportId, out var r) ? r.ReportYear : 0)
            .FirstOrDefault();

    private string KindName(BudgetKind kind) => kind == BudgetKind.Jaarrekening ? phrases["kind_jaarrekening"] : phrases["kind_begroting"];

    /// <summary>The lines a question names: lexicon keys first, then plain word overlap; negated keys excluded.</summary>
    private List<BudgetLine> MatchLines(Budget budget, QuestionSlots slots)
    {
        var content = slots.Content.Select(QueryAnalyzer.Stem).ToHashSet();
        var scored = new List<(BudgetLine Line, double Score)>();
        foreach (var line in budget.Lines.Where(l => l.Kind != BudgetLineKind.Total))
        {
            var (keys, stems) = lineInfo[line];
            if (keys.Overlaps(slots.NegatedKeys))
            {
                continue;
            }

            double score;
            var overlap = stems.Count(content.Contains);
            if (slots.LineKeys.Count > 0)
            {
                var matched = keys.Count(slots.LineKeys.Contains);
                if (matched == 0)
                {
                    continue;
                }

                score = 3 * matched - keys.Count(k => !slots.LineKeys.Contains(k)) + 1.2 * overlap - 0.3 * (stems.Count - overlap);
            }
            else
            {
                var specific = stems.Where(s => s.Length > 3 && content.Contains(s) && !IsGenericBudgetStem(s)).Count();
                if (specific == 0)
                {
                    continue;
                }

                score = specific - 0.3 * (stems.Count - overlap);
            }

            if (slots.Side is { } side && line.Side == side)
            {
                score += 1;
            }

            if (line.Kind == BudgetLineKind.Subtotal)
            {
                score -= 0.2;
            }

            scored.Add((line, score));
        }

        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Max(s => s.Score);
        return scored.Where(s => s.Score >= best - 0.01).Select(s => s.Line).Take(2).ToList();
    }

    private static readonly HashSet<string> ExpenseDirectionWords = ["naartoe", "heen", "waaraan", "waarop", "uitgegeven", "besteed"];
    private static readonly HashSet<string> OnlyTotalWords = ["totaal", "totale", "totaalbudget", "hele", "geheel"];

    private bool IsGenericBudgetStem(string stem) => genericBudgetStems.Contains(stem);

    private void FillRows(Reply reply, List<Budget> budgets, List<string> labels, bool includeTotal)
    {
        var columns = new JsonArray { phrases["budget_col_post"] };
        foreach (var budget in budgets)
        {
            columns.Add(phrases.Format("budget_col", Capital(KindName(budget.Kind)), budget.Year));
        }

        var rows = new JsonArray();
        foreach (var label in labels.Distinct())
        {
            var values = new JsonArray();
            foreach (var budget in budgets)
            {
                var line = budget.Lines.FirstOrDefault(l => Same(l.Label, label));
                values.Add(line is null ? "–" : DutchFormat.Amount(line));
            }

            rows.Add(new JsonObject { ["label"] = label, ["values"] = values, ["isTotal"] = false });
        }

        if (includeTotal)
        {
            var totals = new JsonArray();
            foreach (var budget in budgets)
            {
                totals.Add(budget.Total is { } t ? DutchFormat.Amount(t) : "–");
            }

            rows.Add(new JsonObject { ["label"] = phrases["budget_total_label"], ["values"] = totals, ["isTotal"] = true });
        }

        reply.Data["columns"] = columns;
        reply.Data["rows"] = rows;
        var hasPm = budgets.Any(b => b.Lines.Any(l => l.Amount is null && labels.Contains(l.Label)));
        reply.Data["note"] = hasPm ? phrases["budget_pm_note"] : "";
    }

    private Reply WithBudgetSuggestions(Reply reply, int year, DateOnly today)
    {
        reply.Suggestions.Add(phrases.Format("suggest_compare", year, year - 1));
        reply.Suggestions.Add(phrases.Format("suggest_loonkosten", year));
        reply.Suggestions.Add(phrases.Format("suggest_jaarrekening", Math.Min(year, today.Year - 1)));
        return reply;
    }
}
