using System.Text.RegularExpressions;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>
/// Reads the jaarrekening and begroting tables. A table starts at its title ("Jaarrekening 2025",
/// "Begroting 2026", "JAARREKENING 2023 EN BEGROTING 2024" for two tables in a row) and runs through the
/// income side ("Waar kwam/komt het geld vandaan?") and the expense side ("Waar is/wordt het geld aan
/// uitgegeven?"; 2017: "Inkomsten"/"Uitgaven") until both sides have their total. Rows are label + amount
/// separated by tabs or wide spacing; 2017 OCR rows are label + amount + text of the agenda column beside it.
/// Amounts are whole euros as written; a row without a readable amount keeps Amount null.
/// </summary>
internal sealed partial class BudgetParser(ReportContext report)
{
    public List<Budget> Budgets { get; } = [];

    /// <summary>Lines that belong to a table (not to passages).</summary>
    public HashSet<int> ConsumedLines { get; } = [];

    /// <summary>First line of each table region, for the passage parser to switch to "Financiën".</summary>
    public List<int> RegionStarts { get; } = [];

    public void Parse()
    {
        var lines = report.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var titles = Titles(TextTools.Clean(lines[i]));
            if (titles.Count == 0)
            {
                continue;
            }

            RegionStarts.Add(i + 1);
            i = ParseRegion(i, titles) - 1;
        }
    }

    private static List<(BudgetKind Kind, int Year, string Title)> Titles(string line)
    {
        var result = new List<(BudgetKind, int, string)>();
        var m = TitleLine().Match(line);
        if (!m.Success)
        {
            return result;
        }

        foreach (Capture capture in m.Groups["t"].Captures)
        {
            var parts = capture.Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var kind = parts[0].StartsWith("jaarrekening", StringComparison.OrdinalIgnoreCase) ? BudgetKind.Jaarrekening : BudgetKind.Begroting;
            var year = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            result.Add((kind, year, $"{(kind == BudgetKind.Jaarrekening ? "Jaarrekening" : "Begroting")} {year}"));
        }

        return result;
    }

    /// <summary>Parses the tables under one title line; returns the index of the first line after them.</summary>
    private int ParseRegion(int titleIndex, List<(BudgetKind Kind, int Year, string Title)> titles)
    {
        var lines = report.Lines;
        ConsumedLines.Add(titleIndex + 1);
        var queue = new Queue<(BudgetKind Kind, int Year, string Title)>(titles);
        TableBuilder? table = null;
        var i = titleIndex + 1;
        for (; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var text = TextTools.Clean(StripTags().Replace(lines[i], ""));
            if (text.Length == 0 || text.All(c => c is '-' or ' '))
            {
                if (text.Length > 0 || table is not null)
                {
                    ConsumedLines.Add(lineNo);
                }

                continue;
            }

            if (table is not null && table.Closed && !text.StartsWith('*'))
            {
                // A second table under a combined title (2023) starts with a new income header.
                if (queue.Count > 0 && SideHeader(text) == BudgetSide.Income)
                {
                    Finish(table);
                    table = null;
                }
                else
                {
                    break;
                }
            }

            if (table is null && text.Contains("Jaarrekening", StringComparison.OrdinalIgnoreCase)
                && text.Contains("Begroting", StringComparison.OrdinalIgnoreCase))
            {
                ConsumedLines.Add(lineNo); // the column header "Jaarrekening 2023 Begroting 2024"
                continue;
            }

            if (table is null)
            {
                if (queue.Count == 0)
                {
                    break;
                }

                var (kind, year, title) = queue.Dequeue();
                table = new TableBuilder(kind, year, title, report.Source(titleIndex + 1));
            }

            if (!table.Accept(text, lineNo))
            {
                break;
            }

            ConsumedLines.Add(lineNo);
        }

        if (table is not null)
        {
            Finish(table);
        }

        return i;
    }

    private void Finish(TableBuilder table)
    {
        var budget = table.Build(report.Id);
        if (!table.Closed)
        {
            report.Warn("budget-incomplete", $"{budget.Title}: tabel eindigt zonder totaal aan beide kanten.", budget.Source.Line);
        }

        Budgets.Add(budget);
    }

    internal static BudgetSide? SideHeader(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.StartsWith("waar kwam", StringComparison.Ordinal) || t.StartsWith("waar komt", StringComparison.Ordinal) || t == "inkomsten")
        {
            return BudgetSide.Income;
        }

        if ((t.StartsWith("waar is", StringComparison.Ordinal) || t.StartsWith("waar wordt", StringComparison.Ordinal)) || t == "uitgaven")
        {
            return BudgetSide.Expense;
        }

        return null;
    }

    private sealed class TableBuilder(BudgetKind kind, int year, string title, SourceRef source)
    {
        private readonly List<BudgetLine> _lines = [];
        private readonly List<string> _footnotes = [];
        private readonly HashSet<BudgetSide> _totals = [];
        private BudgetSide _side = BudgetSide.Income;
        private bool _sideSeen;
        private string? _group;

        public bool Closed => _totals.Count == 2;

        public bool Accept(string text, int lineNo)
        {
            var header = SideHeader(text);
            if (header is not null)
            {
                _side = header.Value;
                _sideSeen = true;
                _group = null;
                return true;
            }

            if (text.StartsWith('*'))
            {
                _footnotes.Add(text);
                for (var i = 0; i < _lines.Count; i++)
                {
                    if (_lines[i].AmountText?.EndsWith('*') == true && _lines[i].Note is null)
                    {
                        _lines[i] = _lines[i] with { Note = text.TrimStart('*').Trim() };
                    }
                }

                return true;
            }

            if (text.Equals("Toelichting", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Toelichting:", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var row = Row().Match(text);
            string label;
            long? amount = null;
            string? amountText = null;
            if (row.Success)
            {
                label = row.Groups["label"].Value.Trim();
                var written = row.Groups["amount"].Value;
                amount = TextTools.ParseAmount(written);
                amountText = amount is null ? written : null;
            }
            else if (IsGroupHeader(text))
            {
                _group = text;
                return true;
            }
            else if (!_sideSeen || (TextTools.EndsSentence(text) && text.Length > 30))
            {
                return false; // prose: the table has ended
            }
            else if (_lines.Any(l => l.Amount is not null) || !char.IsUpper(text[0]))
            {
                return true; // 2017: text of the agenda column beside a table with amounts
            }
            else
            {
                label = text.TrimEnd('€', ' '); // 2017 jaarrekening: labels without amounts
            }

            label = label.TrimEnd('€', ' ', '~');

            var lineKind = Kind(label);
            if (lineKind == BudgetLineKind.Total)
            {
                _totals.Add(_side);
            }

            _lines.Add(new BudgetLine(label, _side, lineKind, lineKind == BudgetLineKind.Line ? _group : null, amount, amountText, null,
                new SourceRef(source.File, lineNo)));
            if (lineKind is BudgetLineKind.Subtotal or BudgetLineKind.Total)
            {
                _group = null;
            }

            return true;
        }

        public Budget Build(string reportId)
        {
            // Only the last total of a side is its grand total; an earlier "Totaal" (2020: before the
            // carry-over and "Budget 2020") is a subtotal.
            var result = _lines.ToList();
            foreach (var s in new[] { BudgetSide.Income, BudgetSide.Expense })
            {
                var totalIndexes = result.Select((l, i) => (l, i)).Where(x => x.l.Side == s && x.l.Kind == BudgetLineKind.Total).Select(x => x.i).ToList();
                foreach (var i in totalIndexes.Take(totalIndexes.Count - 1))
                {
                    result[i] = result[i] with { Kind = BudgetLineKind.Subtotal };
                }
            }

            var total = result.LastOrDefault(l => l.Side == BudgetSide.Income && l.Kind == BudgetLineKind.Total)?.Amount;
            return new Budget($"{reportId}:{(kind == BudgetKind.Jaarrekening ? "jaarrekening" : "begroting")}-{year}", reportId, year, kind, title,
                total, result, _footnotes, source);
        }

        private static bool IsGroupHeader(string label) => label.Equals("Subsidies", StringComparison.OrdinalIgnoreCase);

        private static BudgetLineKind Kind(string label)
        {
            var l = label.ToLowerInvariant();
            if (l.StartsWith("subtotaal", StringComparison.Ordinal))
            {
                return BudgetLineKind.Subtotal;
            }

            if (l.StartsWith("totaal", StringComparison.Ordinal) || BudgetYear().IsMatch(l))
            {
                return BudgetLineKind.Total;
            }

            return l.StartsWith("restant", StringComparison.Ordinal) || l.StartsWith("doorlopende", StringComparison.Ordinal)
                ? BudgetLineKind.CarryOver
                : BudgetLineKind.Line;
        }
    }

    [GeneratedRegex(@"^(?:\d+\.\d+\s+)?(?<t>(?:jaarrekening|begroting)\s+\d{4})(?:\s+en\s+(?<t>(?:jaarrekening|begroting)\s+\d{4}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleLine();

    /// <summary>Label, then an amount (dotted thousands, a plain number after a tab, "PM*" or the OCR slip "#=00"), then anything.</summary>
    [GeneratedRegex(@"^(?<label>[A-Za-z(][^\t]*?)\s*[€~]?\s*(?<amount>\d{1,3}(?:\.\d{3})+|PM\*?|#=00)(?:\s.*)?$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^budget \d{4}$")]
    private static partial Regex BudgetYear();

    [GeneratedRegex(@"</?i>")]
    private static partial Regex StripTags();
}
