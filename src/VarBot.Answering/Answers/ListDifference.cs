using System.Text.RegularExpressions;
using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;

namespace VarBot.Answering.Answers;

/// <summary>
/// "In 2017 had de cyberaanpak vier sporen, in 2021 vijf. Welk spoor kwam erbij?": the list the reports give for each of
/// the two years (a bulleted list after a lead-in, or "1. ..., 2. ... en 3. ..." in one sentence); the items of the later
/// list that the earlier one does not hold are the answer, in the report's own words.
/// </summary>
internal sealed partial class ListDifference(AnswerKit kit, SearchAnswerer search)
{
    /// <summary>Share of an item's words another item must hold to be the same item written differently.</summary>
    private const double SameItem = 0.5;
    private const int MinItems = 2;

    [GeneratedRegex(@"(?:^|[\s:,])(\d{1,2})\.\s+(.+?)(?=(?:,?\s+(?:en\s+)?|,\s*)\d{1,2}\.\s|\.\s+\p{Lu}|\.\s*$|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Numbered();

    public Reply? Answer(Query query)
    {
        if (!query.Has(Signals.Compare) || query.Years.Count != 2 || query.Has(Signals.Money)
            || !query.Text.Tokens.Any(t => kit.Words.Language.WhichWords.Contains(t.Text)))
        {
            return null;
        }

        var terms = query.Terms.Where(t => !kit.Words.Budget.CompareWords.Contains(t.Text) && !kit.Words.Budget.CompareFillers.Contains(t.Text)
            && !t.IsNumber && !kit.Words.Language.Numbers.ContainsKey(t.Text) && !kit.Words.Language.WhichWords.Contains(t.Text)).ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        var (early, late) = (Math.Min(query.Years[0], query.Years[1]), Math.Max(query.Years[0], query.Years[1]));
        var before = List(terms, early);
        var after = List(terms, late);
        if (before is null || after is null)
        {
            return null;
        }

        var added = after.Value.Items.Where(item => !before.Value.Items.Exists(old => Same(item.Text, old.Text))).ToList();
        if (added.Count == 0 || added.Count == after.Value.Items.Count)
        {
            return null;
        }

        var source = kit.SourceOf(after.Value.Entry);
        return new Reply
        {
            Intent = Intent.Search,
            Template = "answer",
            Title = kit.Texts["search_title"],
            Lead = added[0].Text,
            Items = added.Skip(1).Select(a => new Fact(a.Text, source)).ToList(),
            Sources = [source, kit.SourceOf(before.Value.Entry)],
            Answered = true,
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(query, Intent.Search),
        };
    }

    /// <summary>The year's passage with a list that matches the asked words best, and its items.</summary>
    private (PassageEntry Entry, List<(string Text, HashSet<string> Stems)> Items)? List(List<Token> terms, int year)
    {
        // Every passage of the year that holds an asked word, most asked words first (a long passage with an inline list
        // ranks low in BM25, so the search's cut-off is not used here).
        var stems = terms.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var candidates = kit.Index.Passages
            .Where(p => p.Text.Length > 0 && (p.Passage.Year == year || p.Years.Contains(year)
                || kit.Index.Reports.TryGetValue(p.Passage.ReportId, out var r) && (r.ReportYear == year || r.PlanYear == year)))
            .Select(p => (Entry: p, Matches: p.Analysed.Tokens.Select(t => t.Stem).Where(stems.Contains).Distinct().Count()))
            .Where(c => c.Matches > 0)
            .OrderByDescending(c => c.Matches).ThenBy(c => c.Entry.Index);
        foreach (var (entry, _) in candidates)
        {
            var items = Items(entry);
            if (items.Count >= MinItems)
            {
                return (entry, items);
            }
        }

        return null;
    }

    private List<(string Text, HashSet<string> Stems)> Items(PassageEntry entry)
    {
        var texts = new List<string>();
        if (entry.Passage.Text.TrimEnd().EndsWith(':'))
        {
            texts.AddRange(search.ListItems(entry).Select(i => i.Passage.Text.Trim().TrimStart('-', '•', ' ')));
        }
        else
        {
            try
            {
                texts.AddRange(Numbered().Matches(entry.Passage.Text.ReplaceLineEndings(" ")).Select(m => m.Groups[2].Value.Trim()));
            }
            catch (RegexMatchTimeoutException)
            {
                return [];
            }
        }

        return texts.Where(t => t.Length > 0)
            .Select(t => (Text: t.TrimEnd('.', ';', ',') + ".", Stems: TextNormalizer.Tokens(t).Where(w => !kit.Index.Analyzer.IsStopword(w)).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal)))
            .Where(t => t.Stems.Count > 0).ToList();
    }

    private bool Same(string text, string other)
    {
        var a = TextNormalizer.Tokens(text).Where(w => !kit.Index.Analyzer.IsStopword(w)).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
        var b = TextNormalizer.Tokens(other).Where(w => !kit.Index.Analyzer.IsStopword(w)).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
        return a.Count > 0 && a.Count(b.Contains) >= SameItem * a.Count;
    }
}
