using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Analysis;

/// <summary>One word of a question or passage: normalised (and typo-corrected for questions), with its stem.</summary>
internal sealed record Token(string Text, string Stem, bool IsStopword)
{
    /// <summary>
    /// The second word of an unknown compound read as two ("teams" of "buurtpreventieteams"), on the first word. It is a
    /// search word only: a passage that holds it covers more of the question, one without it no less, since the question
    /// wrote one word, not two; and it sets no signal ("jeugdthema" asks no theme list).
    /// </summary>
    public Token? CompoundRest { get; init; }

    /// <summary>True for the <see cref="CompoundRest"/> token itself.</summary>
    public bool IsCompoundRest { get; init; }

    public bool IsNumber => Text.Length > 0 && char.IsDigit(Text[0]);

    public bool IsYear => Text.Length == 4 && Text[0] is '1' or '2' && Text.All(char.IsDigit);
}

/// <summary>A text as tokens, with the tokens joined by single spaces (padded) for phrase look-ups.</summary>
internal sealed record AnalysedText(string Raw, IReadOnlyList<Token> Tokens)
{
    public string Padded { get; } = " " + string.Join(' ', Tokens.Select(t => t.Text)) + " ";

    public bool HasPhrase(string normalisedPhrase) => Padded.Contains(" " + normalisedPhrase + " ", StringComparison.Ordinal);

    public bool Has(string word) => Tokens.Any(t => t.Text == word);

    public int IndexOf(string word)
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Text == word)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Analyse stage: normalise, tokenise, correct typos against the words the engine knows (model text and vocabulary)
/// with a length-dependent edit distance, and stem with the Dutch stemmer.
/// </summary>
internal sealed class Analyzer
{
    private const int MaxCached = 100_000;
    private static Func<string, string> _stemmer = DutchStemmer.Stem;

    /// <summary>
    /// Replaces the stemmer for every engine built afterwards (and empties the stem cache). Only the search comparison
    /// benchmark uses this, to measure another Dutch stemmer on the question sets.
    /// </summary>
    internal static void UseStemmer(Func<string, string> replacement)
    {
        _stemmer = replacement;
        StemCache.Clear();
    }
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);
    /// <summary>The shortest word read as a known word cut short ("netwerkbijeenk.").</summary>
    private const int MinShortened = 6;
    private readonly HashSet<string> _known;
    /// <summary>The words of the model's texts (without the vocabulary's).</summary>
    private readonly HashSet<string> _reportWords;
    /// <summary>The stems of the model's texts' words.</summary>
    private readonly HashSet<string> _reportStems;
    private readonly Dictionary<int, List<string>> _knownByLength;
    private readonly HashSet<string> _stopwords;
    private readonly Dictionary<string, string[]> _synonyms;
    private readonly ConcurrentDictionary<string, string> _corrections = new(StringComparer.Ordinal);
    private readonly List<string> _compoundHeads;
    private readonly string[] _compoundLinks;
    private readonly HashSet<string> _months;
    private readonly Dictionary<string, string> _abbreviations;
    private readonly HashSet<string> _knownStems;
    private readonly HashSet<string> _lineWords;
    private readonly List<(string[] Phrase, string Token)> _joined;
    private readonly Dictionary<string, Dictionary<string, string>> _separable;
    private readonly HashSet<string> _particleNotBefore;
    private readonly string[] _diminutiveEndings;

    public Analyzer(Words words, IEnumerable<string> modelTokens)
    {
        _stopwords = words.Language.Stopwords;
        _compoundHeads = [.. words.Budget.CompoundHeads.OrderByDescending(h => h.Length)];
        _compoundLinks = [.. words.Language.CompoundLinks.Prepend("").Distinct()];
        _diminutiveEndings = [.. words.Language.DiminutiveEndings.OrderByDescending(e => e.Length)];
        _months = words.Language.Months.ToHashSet(StringComparer.Ordinal);
        _abbreviations = words.Language.QuestionAbbreviations;
        _separable = words.Language.SeparableVerbs;
        _particleNotBefore = words.Language.ParticleNotBefore;
        _lineWords = words.Budget.Lines.SelectMany(l => l.Words).SelectMany(w => TextNormalizer.Tokens(w)).ToHashSet(StringComparer.Ordinal);
        _reportWords = new HashSet<string>(modelTokens, StringComparer.Ordinal);
        _known = new HashSet<string>(_reportWords, StringComparer.Ordinal);
        _reportStems = _reportWords.Select(Stem).ToHashSet(StringComparer.Ordinal);
        foreach (var word in VocabularyWords(words))
        {
            foreach (var token in TextNormalizer.Tokens(word))
            {
                _known.Add(token);
            }
        }

        _joined = words.Language.JoinedPhrases.Select(kv => (Phrase: TextNormalizer.Tokens(kv.Key).ToArray(), Token: kv.Value)).Where(j => j.Phrase.Length > 1).ToList();
        _known.UnionWith(_joined.Select(j => j.Token));
        _knownStems = _known.Select(Stem).ToHashSet(StringComparer.Ordinal);
        _knownByLength = _known.Where(w => w.Length >= 4 && !w.Any(char.IsDigit))
            .GroupBy(w => w.Length)
            .ToDictionary(g => g.Key, g => g.ToList());
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in words.Language.Synonyms)
        {
            var stems = group.Select(Stem).ToHashSet(StringComparer.Ordinal);
            foreach (var stem in stems)
            {
                if (!groups.TryGetValue(stem, out var set))
                {
                    groups[stem] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(stems);
            }
        }

        _synonyms = groups.ToDictionary(kv => kv.Key, kv => kv.Value.Where(s => s != kv.Key).ToArray(), StringComparer.Ordinal);
        // "tien jaar VAR" finds "10 jaar VAR" and the other way round: a number word and its digits are synonyms ("een"
        // is an article as often as a number, a "-maal" word a frequency).
        foreach (var (word, value) in words.Language.Numbers.Where(n => n.Value > 1 && !words.Language.FrequencyWords.Contains(n.Key)))
        {
            var stem = Stem(word);
            var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _synonyms[stem] = [.. Synonyms(stem).Append(digits).Distinct()];
            _synonyms[digits] = [.. Synonyms(digits).Append(stem).Distinct()];
        }

        // "wie betaalde dat?": the reports say where money came from ("middelen vanuit", "financiering van"), seldom who
        // "betaalde". One way: a funding word in a question does not find every passage that mentions paying.
        var funding = words.Language.FundingWords.Select(Stem).ToArray();
        foreach (var stem in words.Language.PaidWords.Select(Stem).Distinct())
        {
            _synonyms[stem] = [.. Synonyms(stem).Concat(funding).Where(f => f != stem).Distinct()];
        }
    }

    /// <summary>
    /// Acronyms the texts define ("Regionaal Controleteam Mensenhandel (RCTM)"): each word of the full name also finds the
    /// acronym (one way: the acronym does not find every passage with one of its words).
    /// </summary>
    public void AddAcronyms(IReadOnlyList<string> texts, Func<string, int> passagesWithStem)
    {
        // Only the distinctive words of a name ("controleteam", not "regionaal"): a word in many passages would find the
        // acronym's passages for every question that uses it.
        var maxPassages = Math.Max(3, texts.Count / 100);
        foreach (var (acronym, _, name, _) in Acronyms.Find(texts).DistinctBy(a => a.Acronym + " " + string.Join(' ', a.Words)))
        {
            var acronymStem = Stem(acronym);
            foreach (var word in name.Where(w => w.Length >= 4 && !_stopwords.Contains(w) && passagesWithStem(Stem(w)) <= maxPassages))
            {
                var stem = Stem(word);
                var group = _synonyms.TryGetValue(stem, out var existing) ? existing : [];
                if (stem != acronymStem && !group.Contains(acronymStem))
                {
                    _synonyms[stem] = [.. group, acronymStem];
                }
            }
        }
    }

    /// <summary>A question: tokens typo-corrected against the known words; a word cut short with a full stop completed.</summary>
    public AnalysedText Question(string text)
    {
        text = Elided(text);
        var shortened = Shortened(text);
        var plurals = ApostrophePlurals(text);
        return new(text, Separable(Join([.. TextNormalizer.Tokens(text).Select(t => _abbreviations.GetValueOrDefault(t, plurals.GetValueOrDefault(t, Diminutive(t))))])).SelectMany(SplitMoney)
            .Select(t => shortened.Contains(t) && !_known.Contains(t) ? Completed(t) ?? Correct(t) : Correct(t)).SelectMany(SplitDated).ToList());
    }

    /// <summary>
    /// "een lijstje", "sms'jes": an unknown word in a diminutive ending of <c>diminutive_endings</c> is read as its known
    /// base ("lijst", "sms"); a known word stays itself.
    /// </summary>
    private string Diminutive(string token)
    {
        if (_known.Contains(token))
        {
            return token;
        }

        foreach (var ending in _diminutiveEndings)
        {
            if (token.Length > ending.Length + 2 && token.EndsWith(ending, StringComparison.Ordinal) && _known.Contains(token[..^ending.Length]))
            {
                return token[..^ending.Length];
            }
        }

        return token;
    }

    private static readonly Regex ApostropheS = new(@"(\p{L}+)['’]s\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>"de GVB's": an unknown word written with an apostrophe plural is read as its known singular ("gvbs" is "gvb").</summary>
    private Dictionary<string, string> ApostrophePlurals(string text)
    {
        var plurals = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.IndexOfAny(['\'', '’']) < 0)
        {
            return plurals;
        }

        foreach (Match match in ApostropheS.Matches(text))
        {
            var singular = TextNormalizer.Normalize(match.Groups[1].Value).Trim();
            if (_known.Contains(singular) && !_known.Contains(singular + "s"))
            {
                plurals[singular + "s"] = singular;
            }
        }

        return plurals;
    }

    /// <summary>"voorjaars- en najaarscarrousel": a word ending on a hyphen before "en" or "of" and a compound.</summary>
    private static readonly Regex ElidedPart = new(@"(\p{L}+)-\s+(?=(?:en|of)\s+(\p{L}+))", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// "voorjaars- en najaarscarrousel": the first word of a pair written with the shared end left out is read whole
    /// ("voorjaarscarrousel"), its end taken from the second word's compound parts, when the reports use the whole word,
    /// perhaps in another form ("introductie- of inwerkdossier" reads "introductiedossier", the reports' "introductiedossiers";
    /// "Zorg- en Veiligheidsconferentie" is a title, not a "zorgconferentie").
    /// </summary>
    private string Elided(string text) =>
        !text.Contains('-', StringComparison.Ordinal) ? text : ElidedPart.Replace(text, match =>
            WholeOfElided(TextNormalizer.Normalize(match.Groups[1].Value).Trim(), TextNormalizer.Normalize(match.Groups[2].Value).Trim()) is { } whole
                ? whole + " "
                : match.Value);

    /// <summary>
    /// The first word of an elided pair read whole: with the second word's compound head, or else with the longest end of the
    /// second word that makes a word of the reports ("inwerkdossier" has no known first part, yet "introductie" and its end
    /// "dossier" make "introductiedossier"). Null when no such word is in the reports.
    /// </summary>
    private string? WholeOfElided(string first, string second)
    {
        if (CompoundParts(second) is [_, var head])
        {
            return InReports(first + head) ? first + head : null;
        }

        for (var at = 1; at + MinCompoundPart <= second.Length; at++)
        {
            if (InReports(first + second[at..]))
            {
                return first + second[at..];
            }
        }

        return null;
    }

    private bool InReports(string word) => _reportWords.Contains(word) || _reportStems.Contains(Stem(word));

    /// <summary>Words of the text written with a full stop after them inside a sentence ("netwerkbijeenk. jeugd"): perhaps cut short.</summary>
    private static HashSet<string> Shortened(string text)
    {
        var shortened = new HashSet<string>(StringComparer.Ordinal);
        for (var i = text.IndexOf('.'); i > 0; i = text.IndexOf('.', i + 1))
        {
            var start = i;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            // A full stop the sentence goes on after (a lower-case word or a number) marks a word cut short, not an end.
            var next = i + 1;
            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }

            if (i - start >= MinShortened && next > i + 1 && next < text.Length && (char.IsLower(text[next]) || char.IsDigit(text[next])))
            {
                shortened.UnionWith(TextNormalizer.Tokens(text[start..i]));
            }
        }

        return shortened;
    }

    /// <summary>The furthest a particle stands after its verb ("schoof er van 2023 door").</summary>
    private const int MaxParticleDistance = 6;

    /// <summary>
    /// "Wat bracht de VAR uit ter gelegenheid van ...", "hoeveel schoof er van 2023 door naar 2024": a separable verb with
    /// its particle later in the question reads as the one word the reports write ("uitgebracht", "doorgeschoven"), the
    /// particle dropped. A particle right before an article or pronoun is a preposition ("bracht hij uit de regio mee").
    /// </summary>
    private List<string> Separable(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_separable.TryGetValue(tokens[i], out var particles))
            {
                continue;
            }

            for (var j = i + 1; j < tokens.Count && j - i <= MaxParticleDistance; j++)
            {
                if (particles.TryGetValue(tokens[j], out var joined) && (j + 1 == tokens.Count || !_particleNotBefore.Contains(tokens[j + 1])))
                {
                    tokens[i] = joined;
                    tokens.RemoveAt(j);
                    break;
                }
            }
        }

        return tokens;
    }

    /// <summary>"J en V", "V&amp;J", "Justitie en Veiligheid": a phrase of the vocabulary's joined phrases reads as its one token ("jenv").</summary>
    private List<string> Join(List<string> tokens)
    {
        if (_joined.Count == 0)
        {
            return tokens;
        }

        var result = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var match = -1;
            for (var j = 0; j < _joined.Count && match < 0; j++)
            {
                match = TextNormalizer.PhraseAt(tokens, i, _joined[j].Phrase) ? j : -1;
            }

            if (match < 0)
            {
                result.Add(tokens[i]);
                continue;
            }

            result.Add(_joined[match].Token);
            i += _joined[match].Phrase.Length - 1;
        }

        return result;
    }

    /// <summary>
    /// "monitoringkosten", "communicatiebudget": an unknown word made of a budget line's word and a money head is read as
    /// the two words ("monitoring kosten"), as the reports write them.
    /// </summary>
    private IEnumerable<string> SplitMoney(string token)
    {
        if (!_known.Contains(token) && _compoundHeads.Find(h => token.Length >= h.Length + 4 && token.EndsWith(h, StringComparison.Ordinal)) is { } head
            && _lineWords.Contains(token[..^head.Length]))
        {
            return [token[..^head.Length], head];
        }

        return [token];
    }

    /// <summary>
    /// A word still unknown after typo correction and made of two known words ("buurtpreventieteams",
    /// "voorjaarsbijeenkomst", "veiligheidscijfers") is read as its two words.
    /// </summary>
    private Token Split(string token) =>
        !_known.Contains(token) && !token.Any(char.IsDigit) && CompoundParts(token) is [var first, var rest]
            ? ToToken(first) with { CompoundRest = ToToken(rest) with { IsCompoundRest = true } }
            : ToToken(token);

    /// <summary>
    /// An unknown compound that starts with a month ("novemberleerhuis", "maartbijeenkomst") is the month and its noun,
    /// both asked: two whole words, unlike another compound whose second part is a search word only.
    /// </summary>
    private IEnumerable<Token> SplitDated(string token)
    {
        if (!_known.Contains(token) && !token.Any(char.IsDigit) && CompoundParts(token) is [var first, var rest] && _months.Contains(first))
        {
            return [ToToken(first), ToToken(rest)];
        }

        return [Split(token)];
    }

    private const int MinCompoundPart = 4;

    /// <summary>
    /// The two known words an unknown compound is made of: the longest known first part (not a stop word), then, after a
    /// linking letter of <c>compound_links</c> ("voorjaar-s-bijeenkomst"), a rest whose stem is known. Null when none.
    /// </summary>
    private string[]? CompoundParts(string token)
    {
        for (var split = token.Length - MinCompoundPart; split >= MinCompoundPart; split--)
        {
            var first = token[..split];
            if (!_known.Contains(first) || _stopwords.Contains(first))
            {
                continue;
            }

            foreach (var link in _compoundLinks)
            {
                if (!token.AsSpan(split).StartsWith(link, StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = token[(split + link.Length)..];
                if (rest.Length >= MinCompoundPart && !_stopwords.Contains(rest) && (_known.Contains(rest) || _knownStems.Contains(Stem(rest))))
                {
                    return [first, rest];
                }
            }
        }

        return null;
    }

    /// <summary>A report text: tokens as written (hyphen-broken words also joined).</summary>
    public AnalysedText Passage(string text) => new(text, Join(TextNormalizer.Tokens(text, joinBrokenWords: true)).Select(ToToken).ToList());

    public Token ToToken(string text) => new(text, Stem(text), _stopwords.Contains(text));

    public bool IsStopword(string token) => _stopwords.Contains(token);

    public bool IsKnown(string token) => _known.Contains(token) || token.Any(char.IsDigit);

    /// <summary>
    /// True when <paramref name="word"/> is <paramref name="start"/> and a known word after it, perhaps after a linking letter
    /// of <c>compound_links</c> ("coronacrisis" is "corona" and "crisis"; "ministerie" is not "minister" and more).
    /// </summary>
    public bool IsCompoundOf(string word, string start)
    {
        if (!word.StartsWith(start, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var link in _compoundLinks)
        {
            if (word.AsSpan(start.Length).StartsWith(link, StringComparison.Ordinal))
            {
                var rest = word[(start.Length + link.Length)..];
                if (rest.Length >= MinCompoundPart && !_stopwords.Contains(rest) && (_known.Contains(rest) || _knownStems.Contains(rest) || _knownStems.Contains(Stem(rest))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Other stems that mean the same (vocabulary synonym groups), without the stem itself.</summary>
    public string[] Synonyms(string stem) => _synonyms.TryGetValue(stem, out var group) ? group : [];

    /// <summary>Stems are a pure function of the token: one process-wide cache, bounded so odd input cannot grow it without end.</summary>
    public static string Stem(string token)
    {
        if (StemCache.TryGetValue(token, out var stem))
        {
            return stem;
        }

        stem = _stemmer(token);
        if (StemCache.Count < MaxCached)
        {
            StemCache.TryAdd(token, stem);
        }

        return stem;
    }

    public string Correct(string token)
    {
        if (token.Length < 5 || _known.Contains(token) || token.Any(char.IsDigit))
        {
            return token;
        }

        if (_corrections.TryGetValue(token, out var corrected))
        {
            return corrected;
        }

        corrected = Nearest(token);
        if (_corrections.Count < MaxCached)
        {
            _corrections.TryAdd(token, corrected);
        }

        return corrected;
    }

    private string Nearest(string token)
    {
        var limit = EditDistance.Limit(token.Length);
        var best = token;
        var bestDistance = limit + 1;
        for (var length = token.Length - limit; length <= token.Length + limit; length++)
        {
            if (!_knownByLength.TryGetValue(length, out var candidates))
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

    /// <summary>
    /// "netwerkbijeenk.", "vicevoorz.": a word cut short is the shortest known word it starts, when every other known word it
    /// starts is a form of that one: the same stem, that word and more ("vicevoorzitterschap"), or one letter apart
    /// ("vicevoorzitster", "voorjaarscarroussel").
    /// </summary>
    private string? Completed(string token)
    {
        var candidates = _knownByLength.Where(kv => kv.Key > token.Length).SelectMany(kv => kv.Value)
            .Where(c => c.StartsWith(token, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var shortest = candidates.MinBy(c => c.Length)!;
        var stem = Stem(shortest);
        return candidates.TrueForAll(c => c.StartsWith(shortest, StringComparison.Ordinal) || Stem(c) == stem || EditDistance.Distance(c, shortest, 1) <= 1)
            ? shortest : null;
    }

    /// <summary>Ties between equally distant corrections go to the one that keeps more of the word's start.</summary>
    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static IEnumerable<string> VocabularyWords(Words w) =>
        w.Language.Stopwords.Concat(w.Language.Synonyms.SelectMany(g => g)).Concat(w.Language.Numbers.Keys)
            .Concat(w.Language.Ordinals.Keys).Concat(w.Language.Months).Concat(w.Language.WhenWords).Concat(w.Language.WhereWords)
            .Concat(w.Language.CountWords).Concat(w.Language.YesNoStarts).Concat(w.Language.PastWords).Concat(w.Language.DefinitionStarts)
            .Concat(w.Language.SeparableVerbs.Keys).Concat(w.Language.SeparableVerbs.Values.SelectMany(p => p.Values))
            .Concat(w.Language.AcronymAskWords).Concat(w.Language.DescriptionVerbs).Concat(w.Themes.PlanAskedWords)
            .Concat(w.Time.RelativeYears.Keys).Concat(w.Time.RelativeMonths.Keys).Concat(w.Time.RelativeDays.Keys)
            .Concat(w.Time.RelativeWeeks.Keys).Concat(w.Time.Units.Keys).Concat(w.Time.AgoWords).Concat(w.Time.YearUnits).Concat(w.Time.Seasons.Keys).Concat(w.Time.RelativeQuarters.Keys)
            .Concat(w.Time.NextWords).Concat(w.Time.PreviousWordsEvent).Concat(w.Time.FirstWords).Concat(w.Time.LastWords)
            .Concat(w.Time.BeforeWords).Concat(w.Time.AfterWords).Concat(w.Themes.DoneAskedWords).Concat(w.Themes.ResultAskedWords).Concat(w.Themes.ThemeEndedWords).Concat(w.Budget.PerfectParticiples).Concat(w.Language.OutsideWords)
            .Concat(w.Events.EventTypes.Values.SelectMany(v => v)).Concat(w.Events.AgendaWords).Concat(w.Events.DetailWords).Concat(w.Events.FacetWords)
            .Concat(w.Budget.MoneyWords).Concat(w.Budget.JaarrekeningWords).Concat(w.Budget.BegrotingWords).Concat(w.Budget.ExpenseWords)
            .Concat(w.Budget.IncomeWords).Concat(w.Budget.TotalWords).Concat(w.Budget.BreakdownWords).Concat(w.Budget.CompareWords)
            .Concat(w.Budget.ShareWords).Concat(w.Budget.CompareFillers).Concat(w.Budget.NegationWords).Concat(w.Budget.NegationPhrases).Concat(w.Budget.Lines.SelectMany(l => l.Words))
            .Concat(w.Organisation.Roles.Values.SelectMany(v => v)).Concat(w.Organisation.FillerWords).Concat(w.Organisation.PersonRoleWords)
            .Concat(w.Organisation.FuturePersonWords).Concat(w.Organisation.OtherOrganisations.Values.SelectMany(v => v))
            .Concat(w.Themes.ThemeAliases.Values.SelectMany(v => v)).Concat(w.Themes.ThemeListWords).Concat(w.Themes.DoneWords)
            .Concat(w.Themes.PlannedWords).Concat(w.Themes.ActivityWords)
            .Concat(w.Conversation.SmallTalk.Values.SelectMany(v => v)).Concat(w.Conversation.SmallTalkFillers)
            .Concat(w.Conversation.MoreWords).Concat(w.Conversation.BackReferences).Concat(w.Conversation.SubjectFateWords)
            .Concat(w.News.ItemWords).Concat(w.News.PublishWords).Concat(w.News.LatestWords).Concat(w.Language.PayingWords).Concat(w.Language.PayerStarts);
}
