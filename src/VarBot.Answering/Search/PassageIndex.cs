using VarBot.Answering.Text;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Search;

/// <summary>BM25 over the model's passages (and section headings), with synonym expansion and a coverage measure.</summary>
internal sealed class PassageIndex
{
    private readonly Bm25Index index = new();
    private readonly QueryAnalyzer analyzer;

    public PassageIndex(IReadOnlyList<Passage> passages, IReadOnlyList<List<string>> tokens, QueryAnalyzer analyzer)
    {
        this.analyzer = analyzer;
        Passages = passages;
        foreach (var passageTokens in tokens)
        {
            index.Add(Stems(passageTokens));
        }
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
        foreach (var stem in stems)
        {
            query.Add((stem, 1.0));
            foreach (var synonym in analyzer.Synonyms(stem))
            {
                query.Add((synonym, 0.4));
            }
        }

        var scores = index.Score(query, filter is null ? null : i => filter(Passages[i]));
        var ranked = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(max).ToList();
        if (ranked.Count == 0)
        {
            return ([], 0);
        }

        var best = ranked[0].Key;
        double total = 0;
        double covered = 0;
        foreach (var stem in stems)
        {
            var idf = index.Idf(stem);
            if (idf <= 0 || !analyzer.IsKnown(stem) && index.Idf(stem) >= index.MaxIdf - 0.01)
            {
                idf = index.MaxIdf;
            }

            total += idf;
            if (index.Contains(best, stem) || analyzer.Synonyms(stem).Any(s => index.Contains(best, s)))
            {
                covered += idf;
            }
        }

        var top = ranked[0].Value;
        var hits = ranked.Where(kv => kv.Value >= top * 0.6).Select(kv => (Passages[kv.Key], kv.Value)).ToList();
        return (hits, total == 0 ? 0 : covered / total);
    }
}
