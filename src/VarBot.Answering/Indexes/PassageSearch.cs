using VarBot.Answering.Analysis;

namespace VarBot.Answering.Indexes;

/// <summary>A passage found for a question, with its BM25 score and the share of the question's weight it covers.</summary>
internal sealed record PassageHit(PassageEntry Entry, double Score, double Coverage);

/// <summary>
/// BM25 over the passages (with their section headings), with synonym expansion, a rough verb-form key
/// ("geimplementeerd" finds "implementeren") and a coverage measure: the IDF-weighted share of the question's
/// words a passage holds.
/// </summary>
internal sealed class PassageSearch
{
    private readonly Bm25Index _index = new();
    private readonly IReadOnlyList<PassageEntry> _passages;
    private readonly Analyzer _analyzer;
    private readonly Dictionary<string, List<string>> _formsByKey = new(StringComparer.Ordinal);

    public PassageSearch(IReadOnlyList<PassageEntry> passages, Analyzer analyzer)
    {
        _passages = passages;
        _analyzer = analyzer;
        foreach (var passage in passages)
        {
            _index.Add(passage.Analysed.Tokens.Where(t => !t.IsStopword).Select(t => t.Stem).ToList());
            foreach (var token in passage.Analysed.Tokens)
            {
                if (FormKey(token.Text) is { } key)
                {
                    if (!_formsByKey.TryGetValue(key, out var forms))
                    {
                        _formsByKey[key] = forms = [];
                    }

                    if (!forms.Contains(token.Stem))
                    {
                        forms.Add(token.Stem);
                    }
                }
            }
        }
    }

    /// <summary>The shortest word a question word no passage holds is read as the start of ("corona").</summary>
    private const int MinPrefix = 5;
    private const int MaxStarting = 8;
    private string[]? _sortedTerms;

    /// <summary>The index's terms that are compounds starting with <paramref name="prefix"/> (at most <see cref="MaxStarting"/>).</summary>
    private List<string> Starting(string prefix)
    {
        _sortedTerms ??= [.. _index.Terms.Order(StringComparer.Ordinal)];
        var at = Array.BinarySearch(_sortedTerms, prefix, StringComparer.Ordinal);
        var found = new List<string>();
        for (var i = at < 0 ? ~at : at; i < _sortedTerms.Length && found.Count < MaxStarting && _sortedTerms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (_analyzer.IsCompoundOf(_sortedTerms[i], prefix))
            {
                found.Add(_sortedTerms[i]);
            }
        }

        return found;
    }

    /// <summary>In how many passages a stem occurs.</summary>
    public int Frequency(string stem) => _index.Frequency(stem);

    /// <summary>The best passages for the terms among those the filter allows, best first.</summary>
    /// <param name="implied">
    /// Stems every passage the filter allows counts as holding: a passage in a theme's section is about that theme even where
    /// its own words do not name it.
    /// </param>
    public IReadOnlyList<PassageHit> Find(IReadOnlyList<Token> terms, Func<PassageEntry, bool>? filter, int max = 8, IReadOnlySet<string>? implied = null)
    {
        var stems = terms.Select(t => t.Stem).Distinct().ToList();
        if (stems.Count == 0)
        {
            return [];
        }

        var related = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (FormKey(term.Text) is { } key && _formsByKey.TryGetValue(key, out var forms))
            {
                related[term.Stem] = forms.Where(f => f != term.Stem).ToList();
            }
            else if (_index.Frequency(term.Stem) == 0 && term.Text.Length >= MinPrefix && Starting(term.Text) is { Count: > 0 } longer)
            {
                // "corona": a word no passage holds finds the compounds it starts ("coronacrisis", "coronamaatregelen").
                related[term.Stem] = longer;
            }
        }

        var query = new List<(string, double)>();
        foreach (var stem in stems)
        {
            query.Add((stem, 1.0));
            foreach (var synonym in _analyzer.Synonyms(stem))
            {
                query.Add((synonym, 0.4));
            }

            foreach (var form in related.GetValueOrDefault(stem) ?? [])
            {
                query.Add((form, 0.8));
            }
        }

        var ranked = _index.Top(query, filter is null ? null : i => filter(_passages[i]), max);
        if (ranked.Count == 0)
        {
            return [];
        }

        var weights = new double[stems.Count];
        var optional = terms.Where(t => t.IsCompoundRest).Select(t => t.Stem).Except(terms.Where(t => !t.IsCompoundRest).Select(t => t.Stem)).ToHashSet(StringComparer.Ordinal);
        double total = 0;
        for (var i = 0; i < stems.Count; i++)
        {
            var idf = _index.Idf(stems[i]);
            if (idf <= 0 || !_analyzer.IsKnown(stems[i]) && idf >= _index.MaxIdf - 0.01)
            {
                idf = _index.MaxIdf;
            }

            weights[i] = idf;
            total += optional.Contains(stems[i]) ? 0 : idf;
        }

        // Among the strong BM25 candidates, the passage that covers more of the question wins.
        var top = ranked[0].Score;
        var hits = new List<PassageHit>(ranked.Count);
        foreach (var (doc, score) in ranked)
        {
            if (score < top * 0.5)
            {
                continue;
            }

            double covered = 0;
            for (var i = 0; i < stems.Count; i++)
            {
                if (implied is not null && implied.Contains(stems[i]) || Covers(doc, stems[i], related))
                {
                    covered += weights[i];
                }
            }

            hits.Add(new PassageHit(_passages[doc], score, total == 0 ? 0 : Math.Min(1, covered / total)));
        }

        hits.Sort((a, b) => (b.Coverage * 0.7 + 0.3 * b.Score / top).CompareTo(a.Coverage * 0.7 + 0.3 * a.Score / top));
        return hits;
    }

    /// <summary>True when the passage holds the stem, a synonym of it or another form of the same verb.</summary>
    public bool Covers(int doc, string stem, IReadOnlyDictionary<string, List<string>>? related = null) =>
        _index.Contains(doc, stem) || Array.Exists(_analyzer.Synonyms(stem), s => _index.Contains(doc, s))
        || related is not null && related.TryGetValue(stem, out var forms) && forms.Exists(f => _index.Contains(doc, f));

    /// <summary>A rough verb key: no "ge" prefix, no -en/-d/-t ending, long vowels shortened.</summary>
    private static string? FormKey(string token)
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
}
