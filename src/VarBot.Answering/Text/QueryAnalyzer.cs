using System.Collections.Concurrent;
using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Text;

/// <summary>
/// Turns text into normalised tokens, corrects typos against the known vocabulary (model text plus lexicon)
/// with a length-dependent Damerau-Levenshtein limit, and stems.
/// </summary>
internal sealed class QueryAnalyzer
{
    private readonly HashSet<string> known;
    private readonly Dictionary<int, List<string>> byLength;
    private readonly HashSet<string> stopwords;
    private readonly Dictionary<string, string[]> synonymStems;
    private readonly ConcurrentDictionary<string, string> corrections = new();

    public QueryAnalyzer(Lexicon lexicon, IEnumerable<string> modelTokens)
    {
        stopwords = [.. lexicon.Stopwords];
        known = [.. modelTokens];
        foreach (var word in LexiconWords(lexicon))
        {
            foreach (var token in TextNormalizer.Tokens(word))
            {
                known.Add(token);
            }
        }

        byLength = known.Where(w => w.Length >= 4 && !w.Any(char.IsDigit))
            .GroupBy(w => w.Length)
            .ToDictionary(g => g.Key, g => g.ToList());

        synonymStems = [];
        foreach (var group in lexicon.Synonyms)
        {
            var stems = group.Select(DutchStemmer.Stem).Distinct().ToArray();
            foreach (var stem in stems)
            {
                synonymStems[stem] = synonymStems.TryGetValue(stem, out var existing)
                    ? [.. existing.Union(stems)]
                    : stems;
            }
        }
    }

    public bool IsStopword(string token) => stopwords.Contains(token);

    /// <summary>Normalised, typo-corrected tokens of a text.</summary>
    public List<string> Tokens(string text) => TextNormalizer.Tokens(text).Select(Correct).ToList();

    public static string Stem(string token) => DutchStemmer.Stem(token);

    /// <summary>Other stems that mean the same (lexicon synonym groups), excluding the stem itself.</summary>
    public IEnumerable<string> Synonyms(string stem) =>
        synonymStems.TryGetValue(stem, out var group) ? group.Where(s => s != stem) : [];

    public bool IsKnown(string token) => known.Contains(token) || token.Any(char.IsDigit);

    public string Correct(string token)
    {
        if (token.Length < 5 || known.Contains(token) || token.Any(char.IsDigit))
        {
            return token;
        }

        return corrections.GetOrAdd(token, FindNearest);
    }

    private string FindNearest(string token)
    {
        var limit = EditDistance.Limit(token.Length);
        var best = token;
        var bestDistance = limit + 1;
        for (var length = token.Length - limit; length <= token.Length + limit; length++)
        {
            if (!byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var distance = EditDistance.Distance(token, candidate, limit);
                if (distance < bestDistance || distance == bestDistance && CommonPrefix(token, candidate) > CommonPrefix(token, best))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    /// <summary>Ties between equally distant corrections go to the one that keeps more of the word's start ("spreker": "sprekers", not "spreken").</summary>
    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static IEnumerable<string> LexiconWords(Lexicon lexicon) =>
        lexicon.Stopwords
            .Concat(lexicon.WeakBudgetWords).Concat(lexicon.MoneyQuestionWords).Concat(lexicon.CountQuestionWords)
            .Concat(lexicon.NumberWords).Concat(lexicon.MonitoringKinds.Values.SelectMany(v => v)).Concat(lexicon.EventDetailWords)
            .Concat(lexicon.PersonQuestionWords).Concat(lexicon.OrgFillerWords).Concat(lexicon.OrgCountWords)
            .Concat(lexicon.Synonyms.SelectMany(g => g))
            .Concat(lexicon.Months)
            .Concat(lexicon.RelativeYears.Keys).Concat(lexicon.RelativeMonths.Keys)
            .Concat(lexicon.NextWords).Concat(lexicon.FirstWords).Concat(lexicon.LastWords).Concat(lexicon.PastWords)
            .Concat(lexicon.EventTypes.Values.SelectMany(v => v))
            .Concat(lexicon.AgendaWords).Concat(lexicon.SeasonWords.Values.SelectMany(v => v)).Concat(lexicon.WhenWords)
            .Concat(lexicon.BudgetWords).Concat(lexicon.JaarrekeningWords).Concat(lexicon.BegrotingWords)
            .Concat(lexicon.ExpenseWords).Concat(lexicon.IncomeWords).Concat(lexicon.TotalWords)
            .Concat(lexicon.BreakdownWords).Concat(lexicon.CompareWords).Concat(lexicon.NegationWords)
            .Concat(lexicon.BudgetLines.SelectMany(l => l.Words))
            .Concat(lexicon.Org.Values.SelectMany(v => v))
            .Concat(lexicon.ThemeAliases.Values.SelectMany(v => v))
            .Concat(lexicon.ThemeListWords).Concat(lexicon.DoneWords).Concat(lexicon.PlannedWords)
            .Concat(lexicon.ActivityWords).Concat(lexicon.TodayWords).Concat(lexicon.AfterSummerWords)
            .Concat(lexicon.BeforeSummerWords);
}
