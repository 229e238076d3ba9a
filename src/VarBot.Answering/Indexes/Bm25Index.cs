using System.Buffers;

namespace VarBot.Answering.Indexes;

/// <summary>Okapi BM25 (k1 = 1.2, b = 0.75) over documents given as lists of stems.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly List<Dictionary<string, int>> _termCounts = [];
    private readonly List<int> _lengths = [];
    private readonly Dictionary<string, int> _documentFrequency = [];
    /// <summary>Per term, the documents holding it with how often (so scoring needs no per-document lookup).</summary>
    private readonly Dictionary<string, List<(int Doc, int Count)>> _postings = [];
    private long _totalLength;

    private double AverageLength => _lengths.Count == 0 ? 1 : (double)_totalLength / _lengths.Count;

    public int Count => _lengths.Count;

    public void Add(IReadOnlyList<string> stems)
    {
        var id = _lengths.Count;
        var counts = new Dictionary<string, int>();
        foreach (var stem in stems)
        {
            counts[stem] = counts.GetValueOrDefault(stem) + 1;
        }

        foreach (var (term, count) in counts)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            if (!_postings.TryGetValue(term, out var list))
            {
                _postings[term] = list = [];
            }

            list.Add((id, count));
        }

        _termCounts.Add(counts);
        _lengths.Add(stems.Count);
        _totalLength += stems.Count;
    }

    public int Frequency(string term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>Every term of the index.</summary>
    public IEnumerable<string> Terms => _documentFrequency.Keys;

    public double Idf(string term)
    {
        var n = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + (Count - n + 0.5) / (n + 0.5));
    }

    /// <summary>The IDF an unseen term would have: the weight of a query word the reports never use.</summary>
    public double MaxIdf => Math.Log(1 + (Count + 0.5) / 0.5);

    public bool Contains(int document, string term) => _termCounts[document].ContainsKey(term);

    /// <summary>
    /// Scores every document that holds at least one query term (weights scale each term) and returns the best
    /// <paramref name="max"/> by score. Scores live in one pooled array per call; only touched documents are ranked.
    /// </summary>
    public List<(int Doc, double Score)> Top(IReadOnlyList<(string Term, double Weight)> query, Func<int, bool>? filter, int max)
    {
        // One score per document, from the pool: this runs several times per question over every report passage. The
        // filter is asked once per document (1 allowed, -1 not), however many query terms the document holds.
        var scores = ArrayPool<double>.Shared.Rent(_lengths.Count);
        Array.Clear(scores, 0, _lengths.Count);
        var allowed = filter is null ? null : ArrayPool<sbyte>.Shared.Rent(_lengths.Count);
        if (allowed is not null)
        {
            Array.Clear(allowed, 0, _lengths.Count);
        }

        var touched = new List<int>();
        var average = AverageLength;
        foreach (var (term, weight) in query)
        {
            if (!_postings.TryGetValue(term, out var docs))
            {
                continue;
            }

            var idf = Idf(term);
            foreach (var (doc, tf) in docs)
            {
                if (allowed is not null)
                {
                    if (allowed[doc] == 0)
                    {
                        allowed[doc] = filter!(doc) ? (sbyte)1 : (sbyte)-1;
                    }

                    if (allowed[doc] < 0)
                    {
                        continue;
                    }
                }

                var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[doc] / average));
                if (scores[doc] == 0)
                {
                    touched.Add(doc);
                }

                scores[doc] += weight * idf * norm;
            }
        }

        // Partial selection: keep the best `max` in a small sorted list instead of sorting every touched document.
        var best = new List<(int Doc, double Score)>(max + 1);
        foreach (var doc in touched)
        {
            var score = scores[doc];
            if (best.Count == max && score <= best[^1].Score)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && (best[at - 1].Score < score || best[at - 1].Score == score && best[at - 1].Doc > doc))
            {
                at--;
            }

            best.Insert(at, (doc, score));
            if (best.Count > max)
            {
                best.RemoveAt(max);
            }
        }

        ArrayPool<double>.Shared.Return(scores);
        if (allowed is not null)
        {
            ArrayPool<sbyte>.Shared.Return(allowed);
        }

        return best;
    }
}
