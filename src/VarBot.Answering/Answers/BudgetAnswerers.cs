using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Answers;

/// <summary>The tables and lines a money question is about, shared by the budget intents.</summary>
internal sealed class BudgetFinder(AnswerKit kit)
{
    public BudgetEntry? Find(int year, BudgetKind kind) =>
        kit.Index.Budgets.Where(b => b.Budget.Year == year && b.Budget.Kind == kind).OrderByDescending(b => b.Report?.ReportYear ?? 0).FirstOrDefault();

    /// <summary>A past year is answered from its jaarrekening, this and later years from the begroting (when there is one).</summary>
    public BudgetKind DefaultKind(int year, DateOnly today) =>
        year < today.Year
            ? Find(year, BudgetKind.Jaarrekening) is not null ? BudgetKind.Jaarrekening : BudgetKind.Begroting
            : Find(year, BudgetKind.Begroting) is not null ? BudgetKind.Begroting : BudgetKind.Jaarrekening;

    private HashSet<string> SubtotalStems => _subtotalStems ??= kit.Words.Budget.SubtotalWords.Concat(kit.Words.Budget.TotalWords).Select(Analysis.Analyzer.Stem).ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _subtotalStems;

    public int Year(Query query) => query.Years.Count > 0 ? query.Years[0] : query.Range?.From.Year ?? query.Today.Year;

    /// <summary>The lines the question names: vocabulary keys first, then words of the label; negated keys never.</summary>
    public List<LineEntry> Match(BudgetEntry budget, Query query)
    {
        if (query.IncludesLines && query.LineKeys.Count == 0 && query.LineLabel is null)
        {
            // "Het budget over 2020, inclusief de doorlopende projecten": the words name what the total holds, no line.
            return [];
        }

        if (query.LineLabel is { } label)
        {
            // A follow-up of one line's answer ("en in 2024?", "is dat meer dan vorig jaar?"): exactly that line, when the table has it.
            var key = KnowledgeIndex.LabelKey(label);
            var exact = budget.Lines.Where(l => l.LabelKey == key && l.Line.Kind != BudgetLineKind.Total).ToList();
            if (exact.Count == 1 && !exact[0].Keys.Overlaps(query.NegatedLineKeys))
            {
                return exact;
            }
        }

        // "de PM-post": a placeholder word names the lines whose amount it stands in for, although it is a money word too.
        var stems = query.Terms.Where(t => kit.Words.Budget.PlaceholderWords.Contains(t.Text) || !kit.Words.Budget.MoneyWords.Contains(t.Text)
            && !kit.Words.Budget.TotalWords.Contains(t.Text) && t.Text.Length > 2).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        // A theme the question points to ("daar" after a theme's answer) prefers the line that names it.
        var themeStems = query.ThemeId is { } themeId ? Analysis.TextNormalizer.Tokens(kit.ThemeName(themeId)).Select(Analysis.Analyzer.Stem).ToHashSet(StringComparer.Ordinal) : [];
        // "restant budget uit 2022": a year the question writes that a line's label holds ("Restant budget VAR 2022") names that line.
        var writtenYears = query.Text.Tokens.Where(t => t.IsYear).Select(t => t.Text).Distinct().ToList();
        var scored = new List<(LineEntry Line, double Score)>();
        foreach (var line in budget.Lines.Where(l => l.Line.Kind != BudgetLineKind.Total))
        {
            if (line.Keys.Overlaps(query.NegatedLineKeys))
            {
                continue;
            }

            var keyMatches = line.Keys.Count(query.LineKeys.Contains);
            var wordMatches = line.LabelStems.Count(stems.Contains);
            if (keyMatches == 0 && wordMatches == 0)
            {
                continue;
            }

            if (query.LineKeys.Count > 0 && keyMatches == 0)
            {
                continue;
            }

            var score = 3.0 * keyMatches - 0.5 * line.Keys.Count(k => !query.LineKeys.Contains(k)) + 1.2 * wordMatches - 0.2 * (line.LabelStems.Count - wordMatches);
            if (query.Side is { } side && line.Line.Side == side)
            {
                score += 0.8;
            }

            if (themeStems.Count > 0 && line.LabelStems.Overlaps(themeStems))
            {
                score += 1.0;
            }

            if (writtenYears.Exists(y => line.LabelKey.Contains(y, StringComparison.Ordinal)))
            {
                score += 1.0;
            }

            if (line.Line.Kind == BudgetLineKind.Subtotal)
            {
                // "Het subtotaal van de regionale bijdrage": a subtotal asked by its own word beats the lines under it.
                score += query.Has(Signals.Subtotal) ? 1.0 : query.Has(Signals.Total) ? 0.6 : -0.4;
                // "De regionale bijdragen (gemeenten + politie)": a subtotal named by all words of its own label.
                var own = line.LabelStems.Where(st => !SubtotalStems.Contains(st)).ToList();
                if (own.Count >= 2 && own.All(stems.Contains))
                {
                    score += 1.0;
                }
            }

            scored.Add((line, score));
        }

        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Max(s => s.Score);
        var top = scored.Where(s => s.Score >= best - 0.01).Select(s => s.Line).ToList();
        if (top.Count > 1)
        {
            // Several lines of one group ("subsidie"): the group's own subtotal answers, when the table has one.
            var subtotal = scored.Select(s => s.Line).FirstOrDefault(l => l.Line.Kind == BudgetLineKind.Subtotal && top.All(t => t.Line.Side == l.Line.Side)
                && l.Keys.Overlaps(query.LineKeys) && top.Any(t => t.Line.Group is { } g && l.LabelKey.Contains(Analysis.TextNormalizer.Tokens(g).FirstOrDefault() ?? "\u0000", StringComparison.Ordinal)));
            if (subtotal is not null)
            {
                return [subtotal];
            }
        }

        return top.Take(2).ToList();
    }

    /// <summary>The same line in another table: same side, kind and label.</summary>
    public static LineEntry? Same(BudgetEntry? other, LineEntry line) => other?.Lines.FirstOrDefault(l => KnowledgeIndex.SameLabel(l, line));

    /// <summary>A line's amount as the report gives it: euros, "PM", or "onbekend" for unreadable text.</summary>
    public string Amount(BudgetLine line)
    {
        if (line.Amount is { } amount)
        {
            return DutchFormat.Amount(amount);
        }

        var text = (line.AmountText ?? "").Trim();
        var letters = new string(text.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return letters.Length > 0 && kit.Words.Budget.ReadableAmountTexts.Contains(letters) ? text : kit.Texts["amount_unknown"];
    }

    public string KindName(BudgetKind kind) => kit.Texts[kind == BudgetKind.Jaarrekening ? "kind_jaarrekening" : "kind_begroting"];

    /// <summary>The footnote a line points to with an asterisk ("PM*"), or its own note.</summary>
    public static string? Note(Budget budget, BudgetLine line)
    {
        if (!string.IsNullOrWhiteSpace(line.Note) && (line.AmountText ?? "").Contains('*', StringComparison.Ordinal) is false)
        {
            return line.Note.Trim();
        }

        if ((line.AmountText ?? "").Contains('*', StringComparison.Ordinal) || line.Label.EndsWith('*'))
        {
            var notes = budget.Footnotes.Select(f => f.Trim().TrimStart('*').Trim()).Where(f => f.Length > 0).ToList();
            return notes.Count > 0 ? string.Join(' ', notes) : null;
        }

        return null;
    }

    public (List<string> Columns, List<TableRow> Rows) Table(IReadOnlyList<BudgetEntry> budgets, IReadOnlyList<LineEntry> lines, bool total)
    {
        var columns = new List<string> { kit.Texts["budget_col_post"] };
        columns.AddRange(budgets.Select(b => kit.Texts.Format("budget_col", AnswerKit.Capital(KindName(b.Budget.Kind)), b.Budget.Year)));
        var rows = new List<TableRow>();
        foreach (var line in lines.Take(AnswerKit.MaxItems))
        {
            rows.Add(new TableRow(line.Line.Label, budgets.Select(b => Same(b, line) is { } same ? Amount(same.Line) : "–").ToList(), false));
        }

        if (total)
        {
            rows.Add(new TableRow(kit.Texts["budget_total_label"], budgets.Select(b => b.Budget.Total is { } t ? DutchFormat.Amount(t) : "–").ToList(), true));
        }

        return (columns, rows);
    }

    public Reply Reply(Query query, Intent intent, string lead, IReadOnlyList<BudgetEntry> shown, IReadOnlyList<LineEntry> lines, bool total, int year, IReadOnlyList<Fact>? items = null, bool answered = true)
    {
        var (columns, rows) = Table(shown, lines, total);
        var suggestions = new List<string>
        {
            kit.Texts.Format("suggest_compare", year, year - 1),
            kit.Texts.Format("suggest_breakdown", year),
            kit.Texts.Format("suggest_loonkosten", year),
        };
        return new Reply
        {
            Intent = intent,
            Template = "budget",
            Title = kit.Texts.Format("budget_title", year),
            Lead = lead,
            Items = items ?? [],
            Columns = columns,
            Rows = rows,
            Note = shown.Any(b => b.Budget.Lines.Any(l => l.Amount is null && lines.Any(x => x.Line == l))) ? kit.Texts["budget_pm_note"] : "",
            Sources = shown.Select(b => kit.SourceOf(b.Budget)).Distinct().ToList(),
            Suggestions = suggestions,
            Answered = answered,
            Context = kit.ContextOf(query, intent, years: [year]) with
            {
                LineLabel = !total && lines.Count == 1 ? lines[0].Line.Label : null,
                ShownKind = shown.Count > 0 ? shown[0].Budget.Kind : null,
            },
        };
    }
}

/// <summary>"Hoeveel is er in 2026 begroot voor monitoring?", "wat is het totale budget voor 2026?": lines or totals of one year.</summary>
internal sealed class BudgetLineAnswerer(AnswerKit kit, BudgetFinder finder, SearchAnswerer search) : IAnswerer
{
    public Intent Intent => Intent.BudgetLine;

    public Reply Answer(Query query)
    {
        if (LabelYear(query) is { } tableYear)
        {
            // "het restant budget 2024": the line whose label names the asked year is in a later year's table.
            query = query with { Years = [tableYear] };
        }

        var year = finder.Year(query);
        var primaryKind = query.Kind ?? finder.DefaultKind(year, query.Today);
        var primary = finder.Find(year, primaryKind);
        var other = finder.Find(year, primaryKind == BudgetKind.Jaarrekening ? BudgetKind.Begroting : BudgetKind.Jaarrekening);
        if (primary is null && other is null)
        {
            return kit.NotFound(query, Intent, kit.Texts.Format("budget_no_year", year));
        }

        if (primary is null)
        {
            var lead = kit.Texts.Format(year >= query.Today.Year ? "budget_no_kind_yet" : "budget_no_kind", finder.KindName(primaryKind), year);
            var alternative = Answer(query with { Kind = other!.Budget.Kind });
            return alternative with { Lead = lead + " " + alternative.Lead, Answered = false };
        }

        if (query.KindNamed && query.Kind is not null && !query.BothKinds && !query.Has(Signals.Compare) && (query.LineKeys.Count == 0 || finder.Match(primary, query).Count > 0))
        {
            // The user named one side (begroting or jaarrekening): the other side's figure is not what was asked.
            other = null;
        }

        if (Unasked(query, primary, other) is { } missing)
        {
            // The question's own subject is in no line: a report sentence with the amount answers, else say so; never a nearby line.
            return TextWithAmount(query) ?? kit.NotFound(query, Intent, kit.Texts.Format("budget_no_line", missing, finder.KindName(primary.Budget.Kind), year));
        }

        var shown = other is null ? new List<BudgetEntry> { primary } : [primary, other];
        var lines = finder.Match(primary, query);
        if (lines.Count == 0 && query.NegatedLineKeys.Count > 0 && query.Side is { } excludedSide && ExcludingSubtotal(primary, excludedSide, query.NegatedLineKeys) is { } subtotal)
        {
            // "De uitgaven zonder de doorlopende projecten": the subtotal of that side above the excluded line.
            lines = [subtotal];
        }

        if (lines.Count == 0 && query.Has(Signals.Subtotal) && query.Side is { } subtotalSide
            && primary.Lines.Where(l => l.Line.Side == subtotalSide && l.Line.Kind == BudgetLineKind.Subtotal).ToList() is [var only])
        {
            // "Het subtotaal van de uitgaven": the one subtotal line of that side.
            lines = [only];
        }
        // A subtotal the table gives is the report's own sum: no sum of the lines that happen to carry the key word.
        if ((GroupSum(query, primary, lines, year) ?? (lines.Exists(l => l.Line.Kind == BudgetLineKind.Subtotal) ? null : KeySum(query, primary, year))) is { } group)
        {
            return group;
        }

        if (lines.Count == 0 && query.LineKeys.Count > 0)
        {
            var inOther = other is null ? [] : finder.Match(other, query);
            if (inOther.Count == 0)
            {
                return TextWithAmount(query) ?? kit.NotFound(query, Intent, kit.Texts.Format("budget_no_line", string.Join(", ", query.LineKeys), finder.KindName(primary.Budget.Kind), year));
            }

            (primary, other) = (other!, primary);
            shown = [primary, other];
            lines = inOther;
        }

        if (lines.Count == 0)
        {
            var lead = primary.Budget.Total is { } total
                ? kit.Texts.Format(year < query.Today.Year ? "budget_total_past" : "budget_total", year, finder.KindName(primary.Budget.Kind), DutchFormat.Amount(total))
                : kit.Texts.Format("budget_no_total", finder.KindName(primary.Budget.Kind), year);
            if (other?.Budget.Total is { } otherTotal)
            {
                lead += " " + kit.Texts.Format("budget_also", finder.KindName(other.Budget.Kind), DutchFormat.Amount(otherTotal));
            }

            // The total alone when that is what was asked; otherwise the biggest lines of both sides with it.
            var top = query.Has(Signals.Total) ? []
                : query.Side is { } side ? Biggest(primary, side).Take(AnswerKit.MaxItems).ToList()
                : [.. Biggest(primary, BudgetSide.Income).Take(2), .. Biggest(primary, BudgetSide.Expense).Take(3)];
            // A table without a total shows no empty total row, and its answer does not count as answered.
            var hasTotal = primary.Budget.Total is not null || other?.Budget.Total is not null;
            return finder.Reply(query, Intent, lead, shown, top, total: hasTotal, year, answered: hasTotal);
        }

        var sentences = new List<string>();
        var items = new List<Fact>();
        foreach (var line in lines)
        {
            var sentence = kit.Texts.Format("budget_line", line.Line.Label, year, finder.Amount(line.Line), finder.KindName(primary.Budget.Kind));
            if (BudgetFinder.Same(other, line) is { } same)
            {
                sentence += " " + kit.Texts.Format("budget_line_other", finder.KindName(other!.Budget.Kind), finder.Amount(same.Line));
                if (line.Line.Amount is { } a && same.Line.Amount is { } b && a != b && (query.BothKinds || query.Has(Signals.Compare)))
                {
                    sentence += " " + kit.Texts.Format("budget_difference", DutchFormat.Amount(Math.Abs(a - b)));
                }
            }

            if (query.Has(Signals.Share) && primary.Budget.Total is { } grand)
            {
                sentence += " " + kit.Texts.Format("budget_share", DutchFormat.Amount(grand), finder.KindName(primary.Budget.Kind), year);
            }

            sentences.Add(sentence);
            if (BudgetFinder.Note(primary.Budget, line.Line) is { } note)
            {
                items.Add(new Fact(Sentences.Shorten(note), kit.SourceOf(primary.Budget)));
            }
        }

        return finder.Reply(query, Intent, string.Join(' ', sentences), shown, lines, total: false, year, items);
    }

    /// <summary>
    /// "Hoeveel subsidie stond er in de begroting 2024?": the word of a group heading ("Subsidies") asks the whole group,
    /// not its first line. Where the table has no subtotal line for it, the answer adds the group's lines and shows each
    /// one, so the sum traces to them. A question that names one line of the group ("subsidie cyberprojecten") gets that line.
    /// </summary>

    /// <summary>"Hoeveel cofinanciering kreeg de regio in 2020 van JenV?": no table line, but a report sentence that states the amount.</summary>
    private Reply? TextWithAmount(Query query) =>
        search.Answer(query, Intent.Search, requireNumber: true, partialAllowed: false) is { Answered: true } text
        && kit.Words.Budget.AmountMarks.Exists(m => text.Lead.Contains(m, StringComparison.OrdinalIgnoreCase)) ? text : null;
    private Reply? GroupSum(Query query, BudgetEntry table, List<LineEntry> matched, int year)
    {
        var groupKey = query.LineKeys.FirstOrDefault(kit.Words.Budget.GroupKeys.Contains);
        if (groupKey is null)
        {
            return null;
        }

        bool InGroup(string word) => kit.Index.LineKeyByWord.GetValueOrDefault(word) == groupKey;
        var group = table.Lines.Where(l => l.Line.Kind == BudgetLineKind.Line && l.Line.Group is { } g && Analysis.TextNormalizer.Tokens(g).Exists(InGroup)).ToList();
        var tokens = query.Text.Tokens;
        var whichGroup = tokens.Skip(1).Select((t, i) => kit.Words.Language.WhichWords.Contains(tokens[i].Text) && InGroup(t.Text)).Any(b => b);
        if (matched is [{ Line: { Kind: BudgetLineKind.Subtotal, Amount: { } subtotalAmount } } subtotal] && group.Count > 0 && whichGroup)
        {
            // "Welke subsidies kreeg de VAR in 2025?": the group's lines under its subtotal.
            var listed = kit.Texts.Format("budget_group_lines", subtotal.Line.Label, year, DutchFormat.Amount(subtotalAmount), finder.KindName(table.Budget.Kind),
                kit.NumberWord(group.Count));
            return finder.Reply(query, Intent, listed, [table], [.. group, subtotal], total: false, year);
        }

        if (matched.Exists(l => l.Line.Kind != BudgetLineKind.Line)
            || query.LineLabel is { } label && matched is [var one] && one.LabelKey == KnowledgeIndex.LabelKey(label))
        {
            // "Hoeveel leverde die subsidie op?" after the City Deal's sentence: the one line named, not the group's sum.
            return null;
        }

        var budgetWords = kit.Words.Budget;
        var named = query.Terms.Where(t => !InGroup(t.Text) && !budgetWords.MoneyWords.Contains(t.Text) && !budgetWords.TotalWords.Contains(t.Text) && !t.IsStopword)
            .Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        // "PmG-subsidie", "cybersubsidie": a word of the question names one line of the group by its key.
        var lineKeys = query.LineKeys.Where(k => k != groupKey).ToHashSet(StringComparer.Ordinal);
        if (group.Count < 2 || group.Exists(l => l.Line.Amount is null) || matched.Exists(l => l.LabelStems.Overlaps(named) || l.Keys.Overlaps(lineKeys)))
        {
            return null;
        }

        var sum = group.Sum(l => l.Line.Amount!.Value);
        var lead = kit.Texts.Format("budget_group_sum", group[0].Line.Group!, year, DutchFormat.Amount(sum), finder.KindName(table.Budget.Kind), group.Count);
        return finder.Reply(query, Intent, lead, [table], group, total: false, year);
    }

    /// <summary>
    /// "Hoeveel betalen gemeenten in totaal aan inwonersbijdragen, VAR en mensenhandel samen?": words that add up ask the
    /// sum of every line of one side that carries the asked key (both "Inwonersbijdrage gemeenten ..." lines), when the
    /// question's other keys are among them. Each line is shown, so the sum traces to them.
    /// </summary>
    private Reply? KeySum(Query query, BudgetEntry table, int year)
    {
        if (!query.Text.Tokens.Any(t => kit.Words.Budget.TogetherWords.Contains(t.Text)))
        {
            return null;
        }

        foreach (var key in query.LineKeys)
        {
            var lines = table.Lines.Where(l => l.Line.Kind == BudgetLineKind.Line && l.Keys.Contains(key)).ToList();
            if (lines.Count >= 2 && lines.TrueForAll(l => l.Line.Amount is not null && l.Line.Side == lines[0].Line.Side)
                && query.LineKeys.All(k => lines.Exists(l => l.Keys.Contains(k))))
            {
                var sum = lines.Sum(l => l.Line.Amount!.Value);
                var lead = kit.Texts.Format("budget_group_sum", Label(key, lines), year, DutchFormat.Amount(sum), finder.KindName(table.Budget.Kind), lines.Count);
                return finder.Reply(query, Intent, lead, [table], lines, total: false, year);
            }
        }

        return null;
    }

    /// <summary>The lines' shared first word as the report writes it ("Inwonersbijdrage"), else the key.</summary>
    private static string Label(string key, List<LineEntry> lines) =>
        lines.Select(l => l.Line.Label.Split(' ')[0]).Distinct(StringComparer.OrdinalIgnoreCase).ToList() is [var first] ? first : key;

    /// <summary>
    /// The year of the table that holds a carried-over line whose label names the one asked year ("Restant budget 2024"
    /// stands in the 2025 tables), when the asked year's own tables do not hold such a line; else null.
    /// </summary>
    private int? LabelYear(Query query)
    {
        // Only for a question that names one year: with two ("restant van 2024 meegenomen naar 2025") the table is named.
        if (query.Years.Count != 1 || query.LineKeys.Count == 0 || query.Text.Tokens.Where(t => t.IsYear).Select(t => t.Text).Distinct().Count() > 1)
        {
            return null;
        }

        var asked = query.Years[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        bool Names(BudgetEntry b) => finder.Match(b, query).Any(l => l.Line.Kind == BudgetLineKind.CarryOver && l.LabelKey.Contains(asked, StringComparison.Ordinal));
        if (kit.Index.Budgets.Where(b => b.Budget.Year == query.Years[0]).Any(Names))
        {
            return null;
        }

        return kit.Index.Budgets.Where(b => b.Budget.Year > query.Years[0] && Names(b)).Select(b => (int?)b.Budget.Year).Min();
    }

    private static IEnumerable<LineEntry> Biggest(BudgetEntry table, BudgetSide side) =>
        table.Lines.Where(l => l.Line.Side == side && l.Line.Kind == BudgetLineKind.Line).OrderByDescending(l => l.Line.Amount ?? 0);

    /// <summary>The subtotal of one side that stands above the first excluded line.</summary>
    private static LineEntry? ExcludingSubtotal(BudgetEntry table, BudgetSide side, IReadOnlyList<string> excluded)
    {
        var ofSide = table.Lines.Where(l => l.Line.Side == side).ToList();
        // The excluded line is the one that holds most of the excluded words ("doorlopende projecten").
        // A carried-over line ("Doorlopende activiteiten/projecten in 2025") can be the one excluded too.
        static bool Excludable(LineEntry l) => l.Line.Kind is BudgetLineKind.Line or BudgetLineKind.CarryOver;
        var most = ofSide.Where(Excludable).Select(l => l.Keys.Count(excluded.Contains)).DefaultIfEmpty(0).Max();
        var cut = most == 0 ? -1 : ofSide.FindIndex(l => Excludable(l) && l.Keys.Count(excluded.Contains) == most);
        return cut <= 0 ? null : ofSide.Take(cut).LastOrDefault(l => l.Line.Kind == BudgetLineKind.Subtotal && !l.Keys.Overlaps(excluded));
    }

    /// <summary>
    /// What the question names that no line holds: a line key that is not a group ("Preventie met Gezag" in a table
    /// without it), or a figure per unit ("per inwoner").
    /// </summary>
    private string? Unasked(Query query, BudgetEntry primary, BudgetEntry? other)
    {
        var budgetWords = kit.Words.Budget;
        var per = query.Text.Tokens.Select((t, i) => (t, i)).FirstOrDefault(x => budgetWords.PerWords.Contains(x.t.Text) && x.i + 1 < query.Text.Tokens.Count);
        if (per.t is not null)
        {
            return per.t.Text + " " + query.Text.Tokens[per.i + 1].Text;
        }

        foreach (var key in query.LineKeys.Where(k => !budgetWords.GroupKeys.Contains(k)))
        {
            var inTables = primary.Lines.Any(l => l.Keys.Contains(key)) || other is not null && other.Lines.Any(l => l.Keys.Contains(key));
            if (!inTables)
            {
                return query.Text.Tokens.FirstOrDefault(t => kit.Index.LineKeyByWord.TryGetValue(t.Text, out var k) && k == key)?.Text ?? key;
            }
        }

        return null;
    }
}

/// <summary>
/// "Is het budget gestegen ten opzichte van vorig jaar?", "hoeveel hoger waren de loonkosten dan begroot?": two tables,
/// and only lines with the same label on both sides; when one side lacks the line, the answer says so.
/// </summary>
internal sealed class BudgetCompareAnswerer(AnswerKit kit, BudgetFinder finder, BudgetLineAnswerer single) : IAnswerer
{
    public Intent Intent => Intent.BudgetCompare;

    public Reply Answer(Query query)
    {
        var years = query.Years.Distinct().ToList();
        if (query.YearSpan && years.Count > 2)
        {
            return Series(query, years);
        }

        BudgetEntry? a;
        BudgetEntry? b;
        if (years.Count >= 2)
        {
            // "Restant budget 2024 in 2025": a line whose label names one asked year belongs to the other year's table.
            foreach (var year in years)
            {
                var table = finder.Find(year, query.Kind ?? finder.DefaultKind(year, query.Today));
                if (table is not null && query.LineKeys.Count > 0 && finder.Match(table, query).Any(l => years.Any(y => y != year && l.LabelKey.Contains(y.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))))
                {
                    return single.Answer(query with { Years = [year] });
                }
            }

            var (from, to) = (years.Min(), years.Max());
            // "De begroting 2024 tegen het budget van 2023": a year without the named kind is compared on its other kind;
            // the answer names both tables.
            var kindOf = (int y) => query.KindByYear is { } byYear && byYear.TryGetValue(y, out var k) ? k : query.Kind ?? finder.DefaultKind(y, query.Today);
            a = finder.Find(from, kindOf(from)) ?? finder.Find(from, Other(kindOf(from)));
            b = finder.Find(to, kindOf(to)) ?? finder.Find(to, Other(kindOf(to)));
            if (a is null || b is null)
            {
                return kit.NotFound(query, Intent, kit.Texts.Format("budget_no_year", a is null ? from : to));
            }
        }
        else
        {
            var year = finder.Year(query);
            // "gestegen ten opzichte van vorig jaar": this year against the year named. In "het budget van vorig jaar hoger
            // dan begroot" the relative year is the year asked, and its begroting the other side.
            var relative = kit.Index.Words.Time.RelativeYears.Keys.Any(phrase => query.Text.HasPhrase(phrase) && ComparedWith(query, phrase));
            if (relative && years.Count == 1 && year < query.Today.Year && query.Kind is null)
            {
                year = query.Today.Year;
            }

            var hasBoth = finder.Find(year, BudgetKind.Jaarrekening) is not null && finder.Find(year, BudgetKind.Begroting) is not null;
            if (hasBoth && (query.BothKinds || query.Kind is not null && !relative))
            {
                a = finder.Find(year, BudgetKind.Begroting);
                b = finder.Find(year, BudgetKind.Jaarrekening);
            }
            else
            {
                a = finder.Find(year - 1, query.Kind ?? finder.DefaultKind(year - 1, query.Today));
                b = finder.Find(year, query.Kind ?? finder.DefaultKind(year, query.Today));
            }

            if (a is null || b is null)
            {
                return single.Answer(query);
            }
        }

        var linesB = finder.Match(b, query);
        var shown = new List<BudgetEntry> { a, b };
        string lead;
        if (query.LineKeys.Count > 0 || linesB.Count > 0)
        {
            if (linesB.Count == 0)
            {
                var linesA = finder.Match(a, query);
                if (linesA.Count == 0)
                {
                    return kit.NotFound(query, Intent, kit.Texts.Format("budget_no_line", string.Join(", ", query.LineKeys), finder.KindName(b.Budget.Kind), b.Budget.Year));
                }

                lead = kit.Texts.Format("budget_compare_missing", linesA[0].Line.Label, Column(a), finder.Amount(linesA[0].Line), Column(b));
                return finder.Reply(query, Intent, lead, shown, linesA, total: false, b.Budget.Year);
            }

            var line = linesB[0];
            var same = BudgetFinder.Same(a, line);
            if (same is null)
            {
                lead = kit.Texts.Format("budget_compare_missing", line.Line.Label, Column(b), finder.Amount(line.Line), Column(a));
                return finder.Reply(query, Intent, lead, shown, [line], total: false, b.Budget.Year);
            }

            lead = Compare(line.Line.Label, same.Line.Amount, line.Line.Amount, a, b);
            return finder.Reply(query, Intent, lead, shown, [line], total: false, b.Budget.Year);
        }

        lead = Compare(kit.Texts["budget_total_label"], a.Budget.Total, b.Budget.Total, a, b);
        var top = b.Lines.Where(l => l.Line.Kind == BudgetLineKind.Line && l.Line.Side == BudgetSide.Expense).OrderByDescending(l => l.Line.Amount ?? 0).ToList();
        return finder.Reply(query, Intent, lead, shown, top, total: true, b.Budget.Year);
    }

    /// <summary>True when <paramref name="phrase"/> follows words that name what is compared with ("dan vorig jaar").</summary>
    private bool ComparedWith(Query query, string phrase)
    {
        var padded = query.Text.Padded;
        return kit.Words.Budget.CompareTargetWords.Any(target => padded.Contains(" " + target + " " + phrase + " ", StringComparison.Ordinal));
    }

    private string Column(BudgetEntry budget) => $"{finder.KindName(budget.Budget.Kind)} {budget.Budget.Year}";

    /// <summary>
    /// "Hoe hebben de loonkosten zich ontwikkeld van 2023 t/m 2026?": the line (or the total) of every year of the span, each
    /// from the jaarrekening where there is one, else the begroting; a year without a table says so.
    /// </summary>
    private Reply Series(Query query, List<int> years)
    {
        var shown = new List<BudgetEntry>();
        var lines = new List<LineEntry>();
        var parts = new List<string>();
        string? label = null;
        foreach (var year in years.Order())
        {
            var kind = query.Kind ?? finder.DefaultKind(year, query.Today);
            var table = finder.Find(year, kind) ?? finder.Find(year, Other(kind));
            var line = table is null ? null
                : query.LineKeys.Count > 0 ? finder.Match(table, query).FirstOrDefault()
                : table.Lines.FirstOrDefault(l => l.Line.Kind == BudgetLineKind.Total);
            if (table is null || line?.Line.Amount is not { } amount)
            {
                parts.Add(kit.Texts.Format("budget_series_missing", year));
                continue;
            }

            label ??= query.LineKeys.Count > 0 ? line.Line.Label : kit.Texts["budget_series_total"];
            shown.Add(table);
            lines.Add(line);
            parts.Add(kit.Texts.Format("budget_series_year", year, DutchFormat.Amount(amount), finder.KindName(table.Budget.Kind)));
        }

        if (shown.Count == 0)
        {
            return kit.NotFound(query, Intent, kit.Texts.Format("budget_no_year", years.Min()));
        }

        var lead = kit.Texts.Format("budget_series", label, string.Join(", ", parts));
        // The totals carry a label per year ("Budget 2023", "Totaalbudget 2025"): one total row shows them side by side.
        var rows = query.LineKeys.Count > 0 ? lines.DistinctBy(l => l.LabelKey).ToList() : [];
        return finder.Reply(query, Intent, lead, shown, rows, total: rows.Count == 0, years.Max()) with { Context = kit.ContextOf(query, Intent, years: years) };
    }

    private static BudgetKind Other(BudgetKind kind) => kind == BudgetKind.Begroting ? BudgetKind.Jaarrekening : BudgetKind.Begroting;

    private string Compare(string label, long? from, long? to, BudgetEntry a, BudgetEntry b)
    {
        if (from is null || to is null)
        {
            return kit.Texts.Format("budget_compare_unknown", label, Column(a), Column(b));
        }

        var diff = to.Value - from.Value;
        var key = diff > 0 ? "budget_compare_up" : diff < 0 ? "budget_compare_down" : "budget_compare_same";
        return kit.Texts.Format(key, label, DutchFormat.Amount(to.Value), Column(b), DutchFormat.Amount(from.Value), Column(a), DutchFormat.Amount(Math.Abs(diff)));
    }
}

/// <summary>"Hoe is de begroting 2026 opgebouwd?", "waar gaat het geld naartoe?": the biggest lines of one table.</summary>
internal sealed class BudgetBreakdownAnswerer(AnswerKit kit, BudgetFinder finder) : IAnswerer
{
    public Intent Intent => Intent.BudgetBreakdown;

    public Reply Answer(Query query)
    {
        var year = finder.Year(query);
        var kind = query.Kind ?? finder.DefaultKind(year, query.Today);
        var table = finder.Find(year, kind) ?? finder.Find(year, kind == BudgetKind.Begroting ? BudgetKind.Jaarrekening : BudgetKind.Begroting);
        if (table is null)
        {
            return kit.NotFound(query, Intent, kit.Texts.Format("budget_no_year", year));
        }

        var expense = Biggest(table, BudgetSide.Expense);
        var income = Biggest(table, BudgetSide.Income);
        var name = $"{finder.KindName(table.Budget.Kind)} {year}";
        var lead = table.Budget.Total is { } total ? kit.Texts.Format("breakdown_total", AnswerKit.Capital(name), DutchFormat.Amount(total)) : "";
        if (query.Side != BudgetSide.Income && expense.Count > 0)
        {
            lead += " " + kit.Texts.Format("breakdown_expense", expense[0].Line.Label, finder.Amount(expense[0].Line));
        }

        if (query.Side != BudgetSide.Expense && income.Count > 0)
        {
            lead += " " + kit.Texts.Format("breakdown_income", income[0].Line.Label, finder.Amount(income[0].Line));
        }

        var lines = query.Side == BudgetSide.Income ? income : expense;
        return finder.Reply(query, Intent, lead.Trim(), [table], lines, total: true, year);
    }

    private static List<LineEntry> Biggest(BudgetEntry table, BudgetSide side) =>
        table.Lines.Where(l => l.Line.Side == side && l.Line.Kind == BudgetLineKind.Line).OrderByDescending(l => l.Line.Amount ?? 0).ToList();
}

/// <summary>
/// A money question with words the tables do not hold ("wat betekent het wegvallen van de subsidie?"): a "hoeveel"
/// question is answered from the tables first, any other from the report text first.
/// </summary>
internal sealed class MoneyTextAnswerer(AnswerKit kit, SearchAnswerer search, BudgetLineAnswerer budget, BudgetFinder finder) : IAnswerer
{
    public Intent Intent => Intent.MoneyText;

    public Reply Answer(Query query)
    {
        var year = finder.Year(query);
        var table = finder.Find(year, query.Kind ?? finder.DefaultKind(year, query.Today));
        var lineFound = table is not null && query.LineKeys.Count > 0 && finder.Match(table, query).Count > 0;
        if (query.Has(Signals.Count) && lineFound && !OwnSubject(query))
        {
            return budget.Answer(query);
        }

        if (table is not null && AsksMoney(query) && NamesWholeLabel(table, query))
        {
            // "Hoeveel was er in 2018 begroot voor het project Cyber MKB?": every word of a line's label is asked.
            return budget.Answer(query);
        }

        var text = search.Answer(query, Intent.Search, requireNumber: query.Has(Signals.Count), partialAllowed: false);
        if (query.HasAny(Signals.EventType) && query.LineKeys.Count == 0)
        {
            // "Wat heeft de conferentie gekost?": only a report sentence with an amount answers; no budget line is the event.
            return text is { Answered: true } && text.Lead.Contains('€', StringComparison.Ordinal) ? text : kit.NotFound(query, Intent);
        }

        // "Betalen gemeenten daar nog inwonersbijdrage voor?" asks yes or no: a sentence without an amount can say it.
        if (text is { Answered: true } && AsksAmount(query) && !HasAmount(text.Lead) && !query.Has(Signals.YesNo))
        {
            // "Wat kost het om de VR-brillen te lenen?": a sentence about the subject without an amount does not say the price,
            // and a budget line is not the price of a subject of its own.
            return OwnSubject(query) ? kit.NotFound(query, Intent) : budget.Answer(query);
        }

        if (text is { Answered: true })
        {
            return text;
        }

        if (text is not null && !lineFound && OwnSubject(query))
        {
            // "Wat kost een training voor een gemeente buiten de regio?": the nearest report sentences about that subject, said
            // as near; no budget line is the price of a subject of its own.
            return text;
        }

        // "Wat kost het om die VR-brillen te lenen voor een avond?": no sentence about a subject of its own says its price,
        // and no budget line is that price.
        return lineFound || query.LineKeys.Count == 0 && query.Terms.All(t => kit.Index.Analyzer.IsKnown(t.Text)) && !(AsksAmount(query) && OwnSubject(query))
            ? budget.Answer(query) : text ?? kit.NotFound(query, Intent);
    }

    /// <summary>True when the question holds every word (two or more) of the label of one line of the table.</summary>
    private static bool NamesWholeLabel(BudgetEntry table, Query query)
    {
        var asked = query.Text.Tokens.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        return table.Lines.Count(l => l.Line.Kind != BudgetLineKind.Total && l.LabelStems.Count >= 2 && l.LabelStems.IsSubsetOf(asked)) == 1;
    }

    /// <summary>"hoeveel", "kost", "budget": the question asks for an amount, not about the subject a line is named after.</summary>
    private bool AsksMoney(Query query) => query.Has(Signals.Count) || AsksAmount(query) || query.Text.Tokens.Any(t => kit.Words.Budget.MoneyWords.Contains(t.Text));

    private bool AsksAmount(Query query) => query.Text.Tokens.Any(t => kit.Words.Budget.AmountWords.Contains(t.Text));

    private bool HasAmount(string text) => kit.Words.Budget.AmountMarks.Exists(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

    private HashSet<string>? _budgetVocabulary;

    /// <summary>
    /// "Hoeveel subsidie kreeg Cyberbuddies?", "hoeveel fte werd uit de inwonersbijdrage betaald?": the question counts
    /// something no budget line names (not an amount), or names a subject of its own; the report text answers first.
    /// </summary>
    private bool OwnSubject(Query query)
    {
        var budgetWords = kit.Words.Budget;
        _budgetVocabulary ??= [.. budgetWords.MoneyWords, .. budgetWords.WeakMoneyWords, .. budgetWords.JaarrekeningWords, .. budgetWords.BegrotingWords,
            .. budgetWords.ExpenseWords, .. budgetWords.IncomeWords, .. budgetWords.TotalWords, .. budgetWords.BreakdownWords, .. budgetWords.CompareWords,
            .. budgetWords.ShareWords, .. budgetWords.PayerWords, .. budgetWords.Lines.SelectMany(l => l.Words), .. kit.Index.BudgetLabelWords,
            .. kit.Words.Language.CountWords, .. kit.Words.Themes.ActivityWords];
        if (query.CountNoun.Count > 0 && !_budgetVocabulary.Contains(query.CountNoun[0]))
        {
            return true;
        }

        return query.Terms.Any(t => !t.IsStopword && !t.IsNumber && !_budgetVocabulary.Contains(t.Text) && kit.Index.Analyzer.IsKnown(t.Text)
            && kit.Index.Search.Frequency(t.Stem) > 0 && !IsThemeWord(query, t.Text));
    }

    private bool IsThemeWord(Query query, string word) =>
        query.ThemeId is { } themeId && kit.Index.ThemePhrases.Any(p => p.Theme.Id == themeId && p.Tokens.Contains(word));
}
