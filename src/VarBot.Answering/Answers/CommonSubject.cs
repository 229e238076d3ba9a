using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;

namespace VarBot.Answering.Answers;

/// <summary>
/// "Over welke groep heeft de VAR in 2024 zowel een factsheet als een onderzoek gemaakt?": two things asked together
/// ("zowel X als Y") whose common subject is asked. Of the passages (of the asked year) that name X and those that name Y,
/// the nearest two in one section that share a word the question does not hold: that word is the subject, and the two
/// passages say it ("Factsheet soevereinen.", "Onderzoek soevereinen.").
/// </summary>
internal sealed class CommonSubject(AnswerKit kit)
{
    /// <summary>How many passages apart the two may stand (one list, or two paragraphs of one section).</summary>
    private const int MaxDistance = 8;

    public Reply? Answer(Query query)
    {
        var language = kit.Words.Language;
        var tokens = query.Text.Tokens;
        var both = FindIndex(tokens, language.BothWords, 0);
        var and = both < 0 ? -1 : FindIndex(tokens, language.BothAndWords, both + 1);
        // "Over welke groep ... zowel X als Y?" asks the subject; "Werkt de VAR zowel met X als met Y samen?" asks yes or no.
        if (and < 0 || !tokens.Take(both).Any(t => language.WhichWords.Contains(t.Text)))
        {
            return null;
        }

        var first = tokens.Take(and).Skip(both + 1).LastOrDefault(Content);
        var second = tokens.Skip(and + 1).FirstOrDefault(Content);
        if (first is null || second is null)
        {
            return null;
        }

        var asked = tokens.Where(t => !t.IsStopword).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var years = query.Years;
        var passages = kit.Index.Passages.Where(p => years.Count == 0 || years.Contains(p.Passage.Year) || years.Any(p.Years.Contains))
            .Select(p => (Entry: p, Stems: Stems(p))).ToList();
        var withFirst = passages.Where(p => Holds(p.Stems, first.Stem)).ToList();
        var withSecond = passages.Where(p => Holds(p.Stems, second.Stem)).ToList();
        var best = withFirst.SelectMany(a => withSecond.Select(b => (A: a, B: b)))
            .Where(x => x.A.Entry != x.B.Entry && x.A.Entry.Passage.ReportId == x.B.Entry.Passage.ReportId && x.A.Entry.Passage.Section == x.B.Entry.Passage.Section
                && Math.Abs(x.A.Entry.Index - x.B.Entry.Index) <= MaxDistance)
            .Select(x => (x.A, x.B, Shared: x.A.Stems.Where(s => x.B.Stems.Contains(s) && !asked.Contains(s)).ToList()))
            .Where(x => x.Shared.Count > 0)
            .OrderBy(x => Math.Abs(x.A.Entry.Index - x.B.Entry.Index)).ThenBy(x => x.Shared.Min(kit.Index.Search.Frequency))
            .FirstOrDefault();
        if (best.Shared is null)
        {
            return null;
        }

        var rarest = best.Shared.MinBy(kit.Index.Search.Frequency)!;
        var word = TextNormalizer.Tokens(best.A.Entry.Passage.Text).First(t => Analyzer.Stem(t) == rarest);
        var source = kit.SourceOf(best.A.Entry);
        var ordered = best.A.Entry.Index < best.B.Entry.Index ? new[] { best.A.Entry, best.B.Entry } : [best.B.Entry, best.A.Entry];
        return new Reply
        {
            Intent = Intent.Search,
            Template = "answer",
            Title = kit.Texts["search_title"],
            Lead = kit.Texts.Format("both_subject", word),
            Items = ordered.Select(e => new Fact(Sentences.Shorten(Sentences.Clean(e.Passage.Text).TrimStart('-', '•', ' ')), kit.SourceOf(e))).ToList(),
            Sources = [source],
            Answered = true,
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(query, Intent.Search),
        };

        bool Content(Token t) => !t.IsStopword && !t.IsNumber && !t.IsYear;
    }

    private static int FindIndex(IReadOnlyList<Token> tokens, IReadOnlySet<string> words, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            if (words.Contains(tokens[i].Text))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How many letters a passage's stem may add to the asked one and still be its plural ("uitvoeringsplan", "uitvoeringsplann").</summary>
    private const int PluralSlack = 2;

    private const int MinStem = 5;

    private bool Holds(HashSet<string> stems, string stem) =>
        stems.Contains(stem) || Array.Exists(kit.Index.Analyzer.Synonyms(stem), stems.Contains)
        || stem.Length >= MinStem && stems.Any(s => s.Length > stem.Length && s.Length - stem.Length <= PluralSlack && s.StartsWith(stem, StringComparison.Ordinal));

    private HashSet<string>[]? _stems;

    /// <summary>
    /// The content stems of the passage's own text (a short bullet's too, which the search index joins to the one before),
    /// worked out once for all passages on first use.
    /// </summary>
    private HashSet<string> Stems(PassageEntry entry)
    {
        var all = Volatile.Read(ref _stems);
        if (all is null)
        {
            all = [.. kit.Index.Passages.Select(p => TextNormalizer.Tokens(p.Passage.Text).Where(t => !kit.Index.Analyzer.IsStopword(t) && !t.Any(char.IsDigit))
                .Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal))];
            Volatile.Write(ref _stems, all);
        }

        return all[entry.Index];
    }
}
