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
    private readonly Dictionary<string, string[]> synonymsWithoutSelf;
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

        var synonymStems = new Dictionary<string, string[]>();
        foreach (var group in lexicon.Synonyms)
        {
            var stems = group.Select(Stem).Distinct().ToArray();
            foreach (var stem in stems)
            {
                synonymStems[stem] = synonymStems.TryGetValue(stem, out var existing)
                    ? [.. existing.Union(stems)]
                    : stems;
            }
        }

        synonymsWithoutSelf = synonymStems.ToDictionary(kv => kv.Key, kv => kv.Value.Where(s => s != kv.Key).ToArray());
    }

    public bool IsStopword(string token) => stopwords.Contains(token);

    /// <summary>Normalised, typo-corrected tokens of a text.</summary>
    public List<string> Tokens(string text)
    {
        var tokens = TextNormalizer.Tokens(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i] = Correct(tokens[i]);
        }

        return tokens;
    }

    /// <summary>Stems are a pure function of the token: one process-wide cache, bounded so odd input cannot grow it without end.</summary>
    public static string Stem(string token)
    {
        if (StemCache.TryGetValue(token, out var stem))
        {
            return stem;
        }

        stem = DutchStemmer.Stem(token);
        if (StemCache.Count < MaxCached)
        {
            StemCache.TryAdd(token, stem);
        }

        return stem;
    }

    private const int MaxCached = 100_000;
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);

    /// <summary>Other stems that mean the same (lexicon synonym groups), excluding the stem itself.</summary>
    public string[] Synonyms(string stem) => synonymsWithoutSelf.TryGetValue(stem, out var group) ? group : [];

    public bool IsKnown(string token) => known.Contains(token) || token.Any(char.IsDigit);

    public string Correct(string token)
    {
        if (token.Length < 5 || known.Contains(token) || token.Any(char.IsDigit))
        {
            return token;
        }

        if (corrections.TryGetValue(token, out var corrected))
        {
            return corrected;
        }

        corrected = FindNearest(token);
        if (corrections.Count < MaxCached)
        {
            corrections.TryAdd(token, corrected);
        }

        return corrected;
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
            .Concat(lexicon.ActivityWords).Concat(lexicon.TodayWords).Concat(lexicon.TomorrowWords).Concat(lexicon.DayAfterTomorrowWords).Concat(lexicon.AfterSummerWords)
            .Concat(lexicon.YesNoStarts).Concat(lexicon.FuturePersonWords).Concat(lexicon.FollowupWhen)
            .Concat(lexicon.BeforeSummerWords);
}
