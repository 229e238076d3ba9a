using VarBot.Answering.Text;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Search;

/// <summary>BM25 over the model's passages (and section headings), with synonym expansion and a coverage measure.</summary>
internal sealed class PassageIndex
{
    private readonly Bm25Index index = new();
    private readonly QueryAnalyzer analyzer;

    private readonly Dictionary<string, List<string>> participleStems = [];

    public PassageIndex(IReadOnlyList<Passage> passages, IReadOnlyList<List<string>> tokens, QueryAnalyzer analyzer)
    {
        this.analyzer = analyzer;
        Passages = passages;
        foreach (var passageTokens in tokens)
        {
            index.Add(Stems(passageTokens));
            foreach (var token in passageTokens)
            {
                var key = ParticipleKey(token);
                if (key is null)
                {
                    continue;
                }

                var stem = QueryAnalyzer.Stem(token);
                if (!participleStems.TryGetValue(key, out var list))
                {
                    participleStems[key] = list = [];
                }

                if (!list.Contains(stem))
                {
                    list.Add(stem);
                }
            }
        }
    }

    /// <summary>
    /// A rough verb key so that "geimplementeerd" finds "implementeren" and "uitgevoerd" finds "uitvoeren":
    /// no "ge" prefix, no -en/-d/-t ending, long vowels shortened.
    /// </summary>
    private static string? ParticipleKey(string token)
    {
        if (token.Length < 7 || !token.All(char.IsLetter))
        {
            return null;
        }

        var key = token.StartsWith("ge", StringComparison.Ordinal) ? token[2..] : token;
        if (key.EndsWith("en", StringComparison.Ordinal))
        {
            key = key[..^2];
        }
        else if (key.EndsWith('d') || key.EndsWith('t'))
        {
            key = key[..^1];
        }

        key = key.Replace("ee", "e", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal).Replace("aa", "a", StringComparison.Ordinal);
        return key.Length >= 5 ? key : null;
    }

    public IReadOnlyList<Passage> Passages { get; }

    public List<string> Stems(IEnumerable<string> tokens) =>
        tokens.Where(t => !analyzer.IsStopword(t)).Select(QueryAnalyzer.Stem).ToList();

    /// <summary>The best passages for the content words, each with its score, and the share of the query the best one covers.</summary>
    public (List<(Passage Passage, double Score)> Hits, double Coverage) Search(
        IReadOnlyList<string> contentTokens, Func<Passage, bool>? filter, int max)
    {
        var stems = contentTokens.Select(QueryAnalyzer.Stem).Distinct().ToList();
        if (stems.Count == 0)
        {
            return ([], 0);
        }

        var query = new List<(string, double)>();
        var related = new Dictionary<string, List<string>>();
        foreach (var token in contentTokens)
        {
            var stem = QueryAnalyzer.Stem(token);
            if (ParticipleKey(token) is { } key && participleStems.TryGetValue(key, out var forms))
            {
                related[stem] = forms.Where(f => f != stem).ToList();
            }
        }

        foreach (var stem in stems)
        {
            query.Add((stem, 1.0));
            foreach (var synonym in analyzer.Synonyms(stem))
            {
                query.Add((synonym, 0.4));
            }

            foreach (var form in related.GetValueOrDefault(stem) ?? [])
            {
                query.Add((form, 0.8));
            }
        }

        var ranked = index.Top(query, filter is null ? null : i => filter(Passages[i]), max);
        if (ranked.Count == 0)
        {
            return ([], 0);
        }

        var weights = new double[stems.Count];
        double total = 0;
        for (var i = 0; i < stems.Count; i++)
        {
            var idf = index.Idf(stems[i]);
            if (idf <= 0 || !analyzer.IsKnown(stems[i]) && idf >= index.MaxIdf - 0.01)
            {
                idf = index.MaxIdf;
            }

            weights[i] = idf;
            total += idf;
        }

        // Among the strong BM25 candidates, the passage that covers more of the question wins: a long paragraph
        // naming every asked word beats a short one that repeats a few.
        var top = ranked[0].Score;
        var candidates = new List<(int Doc, double Score, double Coverage)>(ranked.Count);
        foreach (var (doc, score) in ranked)
        {
            if (score < top * 0.5)
            {
                continue;
            }

            double covered = 0;
            for (var i = 0; i < stems.Count; i++)
            {
                if (Covers(doc, stems[i], related))
                {
                    covered += weights[i];
                }
            }

            candidates.Add((doc, score, total == 0 ? 0 : covered / total));
        }

        candidates.Sort((a, b) => (b.Coverage * 0.7 + 0.3 * b.Score / top).CompareTo(a.Coverage * 0.7 + 0.3 * a.Score / top));
        var hits = candidates.Select(c => (Passages[c.Doc], c.Score)).ToList();
        return (hits, candidates[0].Coverage);
    }

    private bool Covers(int doc, string stem, Dictionary<string, List<string>> related) =>
        index.Contains(doc, stem) || Array.Exists(analyzer.Synonyms(stem), s => index.Contains(doc, s))
        || related.TryGetValue(stem, out var forms) && forms.Exists(f => index.Contains(doc, f));
}
