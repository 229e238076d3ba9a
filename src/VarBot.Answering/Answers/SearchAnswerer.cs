using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;

namespace VarBot.Answering.Answers;

/// <summary>
/// Open questions: the passages that cover the question best (BM25 within the asked year and theme where possible),
/// answered with the best one to three sentences. A count question needs a number next to the counted word, a "wie"
/// question a name next to an asked word; otherwise the reports do not answer it.
/// </summary>
internal sealed class SearchAnswerer(AnswerKit kit) : IAnswerer
{
    private const double Full = 0.5;
    private const double Partial = 0.3;
    private const int MaxSentences = 3;
    private const int MaxPassages = 5;
    private const double NeighbourShare = 0.3;
    private const double PassageShare = 0.25;
    private const double RankPenalty = 0.02;
    private const double SlotBonus = 0.3;

    /// <summary>A list lead-in for a "welke" question weighs more than a name: its items are the answer.</summary>
    private const double ListBonus = 1.5;
    private const double FollowShare = 0.75;
    private const double NarrowSlack = 0.05;
    private const double YearSlack = 0.25;
    private const int BackReferenceReach = 6;
    private const int ElaborationReach = 3;

    public Intent Intent => Intent.Search;

    private ListDifference? _difference;
    private CommonSubject? _common;

    public Reply Answer(Query query) =>
        (_difference ??= new ListDifference(kit, this)).Answer(query) ?? (_common ??= new CommonSubject(kit)).Answer(query)
        ?? Answer(query, Intent.Search, requireNumber: false) ?? kit.NotFound(query, Intent.Search);

    /// <summary>The search answer, or null when no passage covers the question well enough.</summary>
    /// <param name="enough">The share of the question's words a passage must hold to answer it (default: half).</param>
    public Reply? Answer(Query query, Intent intent, bool requireNumber, Func<PassageEntry, bool>? restrict = null, bool partialAllowed = true, double enough = Full)
    {
        var words = kit.Words;
        // "Het actieplan loopt tot en met 2026. Wat gebeurt er daarna?": "daarna" and "gebeurt" ask what follows the
        // subject, they are no words of it; the subject's words find the sentence that names the later years.
        var asksAfter = query.Has(Signals.After) && query.Years.Count > 0;
        var terms = query.Terms
            .Where(t => !words.Language.WhoWords.Contains(t.Text) && !words.Language.CountWords.Any(c => c.Split(' ').Contains(t.Text))
                && !words.Language.WhereWords.Contains(t.Text) && !words.Conversation.FollowUpStarts.Contains(t.Text)
                && !words.Conversation.MoreWords.Contains(t.Text) && !words.Conversation.TimeReferences.Contains(t.Text)
                && !(asksAfter && (words.Time.AfterWords.Contains(t.Text) || words.Conversation.SubjectFateWords.Contains(t.Text))))
            .SelectMany(t => t.CompoundRest is { } rest ? [t, rest] : new[] { t })
            .ToList();
        // "wat heeft de VAR over femicide?": a topic within the theme is searched as itself; the theme's name would favour
        // the sentences that only list the theme's topics.
        if (query.ThemeId is { } themeForTerms && !terms.Exists(t => words.Themes.SubtopicWords.Contains(t.Text)))
        {
            foreach (var t in TextNormalizer.Tokens(kit.ThemeName(themeForTerms)))
            {
                if (!kit.Index.Analyzer.IsStopword(t) && terms.All(x => x.Text != t))
                {
                    terms.Add(kit.Index.Analyzer.ToToken(t));
                }
            }
        }

        if (terms.Count == 0)
        {
            return null;
        }

        requireNumber |= query.Has(Signals.Count);
        var (hits, coverage) = Find(query, terms, requireNumber, restrict);
        if (kit.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            kit.Logger.Searched(string.Join(' ', terms.Select(t => t.IsCompoundRest ? "(" + t.Stem + ")" : t.Stem)), hits.Count > 0 ? hits[0].Entry.Passage.Source.ToString() : "none", coverage);
        }

        if (hits.Count == 0 || coverage < Math.Min(Partial, enough) || !partialAllowed && coverage < enough)
        {
            return null;
        }

        var answered = coverage >= enough;
        var partialKey = "partial_found";
        var askedYears = query.Years.Count > 0 ? query.Years : query.Range is { } asked ? [asked.From.Year] : [];
        var otherYear = false;
        if (askedYears.Count > 0 && !askedYears.Contains(hits[0].Entry.Passage.Year) && !askedYears.Any(hits[0].Entry.Years.Contains))
        {
            // A year the user named is firm: a passage about another year is only near.
            answered = false;
            otherYear = true;
        }
        if (NamesUnknown(query, terms))
        {
            // "Wat kwam er uit de rapportage voor Schiedam?": a name the reports never write is not answered by a
            // sentence about the rest of the question; the reports do not hold it.
            return null;
        }

        var countNoun = query.CountNoun.Where(w => !kit.Index.Analyzer.IsStopword(w)).ToList();
        HashSet<string>? counted = null;
        Reply CountUnknown() => new()
        {
            Intent = intent,
            Template = "notFound",
            Title = kit.Texts["not_found_title"],
            Lead = kit.Texts.Format("count_unknown", string.Join(' ', countNoun)),
            Answered = false,
            Suggestions = kit.DefaultSuggestions(),
            Context = kit.ContextOf(query, intent),
        };

        if (requireNumber && countNoun.Count > 0)
        {
            var nounStems = counted = countNoun.Select(Analyzer.Stem).SelectMany(s => kit.Index.Analyzer.Synonyms(s).Append(s)).ToHashSet(StringComparer.Ordinal);
            // "Hoeveel mensen doen mee met Burgernet?": a count of people in a passage of another theme that does not name the
            // asked theme counts other people (at a meeting); the count must come from the theme's own text or name it.
            var theme = query.ThemeId;
            var subject = theme is null ? [] : TextNormalizer.Tokens(kit.ThemeName(theme)).Where(t => !kit.Index.Analyzer.IsStopword(t))
                .Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
            // A passage that holds most of the question's other words ("veilig wonen scans in Rozenburg") is about it all the same.
            var own = terms.Where(t => !t.IsCompoundRest && !t.IsStopword && !nounStems.Contains(t.Stem) && !subject.Contains(t.Stem)).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
            var withCount = hits.FirstOrDefault(h => (subject.Count == 0 || h.Entry.Passage.ThemeId == theme || HoldsSubject(h.Entry, subject) || HoldsMost(h.Entry, own))
                && Sentences.Split(h.Entry.Text).Any(s => NumberNear(s, nounStems)));
            // "hoeveel CISO-bijeenkomsten waren er in 2024?": another year's count of the same things is no near answer
            // but a wrong one; the count of the asked year is not in the reports. Only for a year named as such (a day word
            // inside a name, "Echt Niet Vandaag", names no year).
            var countOfOtherYear = withCount is not null && otherYear && query.Years.Count > 0 && !askedYears.Contains(withCount.Entry.Passage.Year) && !askedYears.Any(withCount.Entry.Years.Contains);
            if (withCount is null || countOfOtherYear)
            {
                return CountUnknown();
            }

            hits = [withCount, .. hits.Where(h => h != withCount)];
        }

        var whoStems = terms.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        if (query.Has(Signals.Payer))
        {
            // "wie betaalde dat?": a sentence with a funding word answers, a name alone does not.
            var funded = hits.FirstOrDefault(h => Funds(h.Entry.Text) || ListIntro(h.Entry) is { } intro && Funds(intro.Text));
            if (funded is null)
            {
                answered = false;
                partialKey = "partial_payer";
            }
            else
            {
                hits = [funded, .. hits.Where(h => h != funded)];
            }
        }
        else if (query.Has(Signals.Who))
        {
            var named = hits.FirstOrDefault(h => NameNear(h.Entry.Text, whoStems));
            if (named is null)
            {
                answered = false;
                partialKey = "partial_person";
            }
            else
            {
                hits = [named, .. hits.Where(h => h != named)];
            }
        }

        var facts = Pick(hits, terms, requireNumber ? query.CountNoun : [], query);
        if (facts.Count == 0)
        {
            return null;
        }

        if (intent == Intent.Search && query.EventTypes.Count == 0 && query.EventId is null
            && (asksAfter ? query.Years.Max() : query.Has(Signals.After) ? LastYear(facts[0].Text) : AfterNamedYears(query)) is { } last && Successor(terms, last, restrict) is { } successor)
        {
            // "Vanuit het actieplan 2024-2026 ... En wat komt daarna?", "wat komt er na het actieplan 2024-2026?": the
            // sentence on the same subject that names a later year ("een nieuw Beleidskader en Actieplan 2027-2030"), not
            // the same answer again.
            facts = [successor, .. facts.Where(f => f.Text != successor.Text).Take(AnswerKit.MaxItems - 1)];
            answered = true;
        }

        if (intent == Intent.Search && query.Ordinal is { } nth && NthListItem(hits[0].Entry, nth, query) is { } nthItem)
        {
            // "Wat is het vijfde spoor ...?": the best passage leads in a list of the asked noun ("... via de vijf sporen:")
            // or is one of its items; the list's n-th item answers, not the nearest sentences.
            // A short bullet is searched together with the bullet before it; as an answer it is its own line.
            var text = nthItem.Text.Length > 0 ? Sentences.Split(nthItem.Text).FirstOrDefault() ?? nthItem.Text : Sentences.Clean(nthItem.Passage.Text);
            facts = [new Fact(text, kit.SourceOf(nthItem)), .. facts.Where(f => f.Text != text).Take(AnswerKit.MaxItems - 1)];
            answered = true;
        }

        if (answered && Alternatives(query, terms) is { } alternatives)
        {
            facts = WithEachAlternative(query, terms, alternatives, facts, restrict);
        }

        if (counted is not null && answered && !facts.Exists(f => SameSection(f, facts[0]) && NumberNear(f.Text, counted)))
        {
            // "Hoeveel bezoekers had de website in 2020?": a sentence about the visitors without their number ("een groeiend
            // aantal bezoekers"), and no number next to it in its section, does not say how many; the number is not in the
            // reports (the participants of a meeting elsewhere are not the visitors asked).
            return CountUnknown();
        }

        if (query.Has(Signals.Payer) && !Funds(facts[0].Text) && !Funds(hits[0].Entry.Text) && ListIntro(hits[0].Entry) is { } funding && Funds(funding.Text))
        {
            // "Het organiseren van de actiedag" under "Met de extra middelen vanuit de CityDeal ... door:": the list's
            // lead-in says who paid.
            facts = [new Fact(Sentences.Shorten(Sentences.Split(funding.Text)[^1]), kit.SourceOf(funding)), .. facts];
        }

        if (answered && intent == Intent.Search && query.Has(Signals.When) && !NewTime(facts[0].Text, query))
        {
            // "Op welke datum is ...?", "tot wanneer ...?": a sentence without a date or period (other than the ones the
            // question names itself) does not answer; the nearest sentences are shown as such.
            var timed = facts.FindIndex(f => NewTime(f.Text, query));
            if (timed > 0)
            {
                facts = [facts[timed], .. facts.Where((_, i) => i != timed)];
            }
            else
            {
                answered = false;
                partialKey = "partial_time";
            }
        }

        if (answered && intent == Intent.Search && query.Has(Signals.Outcome) && !query.HasAny(Signals.When | Signals.Count)
            && facts[0].Source.Line is { } line && hits.FirstOrDefault(h => h.Entry.Passage.Source == line) is { Entry.Passage.Kind: Knowledge.Model.PassageKind.Planned })
        {
            // "Wat was de uitkomst van de evaluatie?": a plan to evaluate is not its outcome.
            answered = false;
            partialKey = "partial_outcome";
        }

        if (answered && intent == Intent.Search && query.Has(Signals.Count) && query.Has(Signals.Past) && !query.Has(Signals.Planned)
            && facts[0].Source.Line is { } plannedLine && hits.FirstOrDefault(h => h.Entry.Passage.Source == plannedLine) is { Entry.Passage.Kind: Knowledge.Model.PassageKind.Planned })
        {
            // "Hoeveel gemeenten deden er in 2021 mee aan HackShield?": a plan's number ("worden de vijftien gemeenten ...
            // benaderd") says what was meant to happen, not how many did.
            answered = false;
        }

        if (answered && query.Text.Tokens.FirstOrDefault(t => kit.Words.Language.OutsideWords.Contains(t.Text)) is { } outside
            && !TextNormalizer.Tokens(facts[0].Text).Contains(outside.Text))
        {
            // "Wat kost een training voor een gemeente buiten de regio?": a sentence about the region itself does not say it.
            answered = false;
        }

        if (answered && ListCount(query) is { } listed && RestatesCount(facts[0].Text, listed.Count, listed.Noun))
        {
            // "Welke vier gemeenten ...?": a sentence that only says "de vier aangewezen gemeenten" does not name them.
            answered = false;
            partialKey = "partial_list";
        }

        if (answered && query.Text.Tokens.Any(t => kit.Words.Language.OtherWords.Contains(t.Text)) && OnlyRestates(facts[0].Text, query))
        {
            // "Wat is naast maatschappelijk ongenoegen het andere geprioriteerde thema?": a sentence that only names the one
            // the question names does not name the other.
            answered = false;
        }

        if (answered && query.Has(Signals.Who) && !query.Has(Signals.Payer) && !facts.Exists(f => NameNear(f.Text, whoStems)))
        {
            // "Hoe heet de burgemeester die voorzitter is van het platform?": a name near an asked word in another passage
            // does not make the shown sentences name the person; without a name in them the reports do not say who.
            answered = false;
            partialKey = "partial_person";
        }

        string? partialLead = null;
        if (answered && query.Has(Signals.Now) && kit.Model.Reports.FirstOrDefault(r => r.Id == facts[0].Source.ReportId) is { } old
            && old.ReportYear < kit.Model.Reports.Max(r => r.ReportYear) - 1)
        {
            // "Hoeveel fte heeft het kernteam nu?": a sentence of an old report says how it was then, not how it is now.
            answered = false;
            partialLead = kit.Texts.Format("partial_now", old.ReportYear);
        }
        else if (answered && (query.Has(Signals.Now) || intent == Intent.Search && query.Range is { } window && window.From.Year > kit.Index.LatestReportYear)
            && query.Has(Signals.YesNo) && kit.Model.Reports.FirstOrDefault(r => r.Id == facts[0].Source.ReportId) is { } latest)
        {
            // "Is de uitvoeringsregeling inmiddels verlengd?", "... na 1 mei 2026 verlengd?": the newest report says how
            // things stood when it was written, not whether they have changed since (a date after its year is later).
            answered = false;
            partialLead = kit.Texts.Format("partial_now_latest", latest.ReportYear);
        }

        var lead = answered ? facts[0].Text : partialLead ?? kit.Texts[partialKey];
        var items = (answered ? facts.Skip(1) : facts).Select(f => f with { Text = Sentences.Shorten(f.Text) }).ToList();
        if (answered && Sentences.NumberedItems(lead) is { } list)
        {
            // "vier sporen, te weten: 1. ..., 2. ...": each numbered item is a bullet, so none is cut off with the lead.
            lead = Sentences.Shorten(list.Lead);
            items = [.. list.Items.Select(item => facts[0] with { Text = Sentences.Shorten(item) }), .. items];
        }
        else
        {
            lead = Sentences.Shorten(lead);
        }

        return new Reply
        {
            Intent = intent,
            Template = "answer",
            Title = kit.Texts["search_title"],
            Lead = lead,
            Items = items.Take(AnswerKit.MaxItems).ToList(),
            HasMore = items.Count > AnswerKit.MaxItems,
            Sources = facts.Select(f => f.Source).Distinct().ToList(),
            Answered = answered,
            Suggestions = Suggestions(query, hits[0].Entry),
            Context = kit.ContextOf(query, intent),
        };
    }

    private static readonly System.Text.RegularExpressions.Regex YearPattern = new(@"\b(19|20)\d\d\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The latest year a sentence writes ("2024-2026" -> 2026), or null.</summary>
    private static int? LastYear(string sentence)
    {
        var years = YearPattern.Matches(sentence).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return years.Count > 0 ? years.Max() : null;
    }

    /// <summary>"Wat komt er na het actieplan 2024-2026?": the last year named after a word that asks what comes after, or null.</summary>
    private int? AfterNamedYears(Query query)
    {
        var tokens = query.Text.Tokens;
        var after = tokens.ToList().FindIndex(t => kit.Words.Time.AfterEventPhrases.Contains(t.Text));
        return after >= 0 && query.Years.Count > 0 && tokens.Skip(after + 1).Any(t => t.IsYear) ? query.Years.Max() : null;
    }

    /// <summary>The passages searched for a successor.</summary>
    private const int SuccessorPassages = 20;

    /// <summary>
    /// The best sentence, of the passages the question's words (without "daarna") find, that holds one of those words and
    /// names a year after <paramref name="last"/>.
    /// </summary>
    private Fact? Successor(List<Token> terms, int last, Func<PassageEntry, bool>? restrict)
    {
        var own = terms.Where(t => !kit.Words.Time.AfterWords.Contains(t.Text)).ToList();
        if (own.Count == 0)
        {
            return null;
        }

        var stems = own.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        foreach (var hit in kit.Index.Search.Find(own, restrict, max: SuccessorPassages))
        {
            foreach (var sentence in Sentences.Split(hit.Entry.Text))
            {
                if (LastYear(sentence) > last && HoldsStem(sentence, stems.Contains))
                {
                    return new Fact(sentence, kit.SourceOf(hit.Entry));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// "heeft de VAR iets over steekincidenten of wapens bij jongeren?": the two search words either side of an
    /// alternative word, when both are search words of the question.
    /// </summary>
    private (Token First, Token Second)? Alternatives(Query query, List<Token> terms)
    {
        var tokens = query.Text.Tokens;
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (kit.Words.Language.AlternativeWords.Contains(tokens[i].Text)
                && terms.Find(t => t.Stem == tokens[i - 1].Stem) is { } first && terms.Find(t => t.Stem == tokens[i + 1].Stem) is { } second && first.Stem != second.Stem)
            {
                return (first, second);
            }
        }

        return null;
    }

    /// <summary>
    /// An answer to "X of Y" that only speaks of one of them gets the best sentence about the other as well, found with
    /// the question's other words.
    /// </summary>
    private List<Fact> WithEachAlternative(Query query, List<Token> terms, (Token First, Token Second) alternatives, List<Fact> facts, Func<PassageEntry, bool>? restrict)
    {
        foreach (var (asked, other) in new[] { (alternatives.First, alternatives.Second), (alternatives.Second, alternatives.First) })
        {
            if (facts.Exists(f => HoldsStem(f.Text, s => s == asked.Stem)))
            {
                continue;
            }

            var own = terms.Where(t => t.Stem != other.Stem).ToList();
            var (hits, _) = Find(query, own, false, restrict);
            var found = hits.Count == 0 ? [] : Pick(hits, own, [], query);
            if (found.FirstOrDefault(f => HoldsStem(f.Text, s => s == asked.Stem)) is { } about)
            {
                return [.. facts.Take(AnswerKit.MaxItems - 1), about];
            }
        }

        return facts;
    }

    /// <summary>True when a word of the text has a stem <paramref name="isStem"/> accepts.</summary>
    private static bool HoldsStem(string text, Predicate<string> isStem) =>
        TextNormalizer.Tokens(text).Exists(w => isStem(Analyzer.Stem(w)));

    /// <summary>The most words a sentence may add to the question's and still only say again what the question says.</summary>
    private const int RestatedNewWords = 1;

    /// <summary>
    /// True when the sentence adds at most <see cref="RestatedNewWords"/> content word to the question's own (numbers left
    /// out; a compound ending in a word of the question is that word: "veiligheidsthema's" after "thema's").
    /// </summary>
    private bool OnlyRestates(string sentence, Query query)
    {
        var asked = query.Text.Tokens.Where(t => !t.IsStopword).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var added = TextNormalizer.Tokens(sentence)
            .Where(w => !kit.Index.Analyzer.IsStopword(w) && !kit.Words.Language.Numbers.ContainsKey(w) && !w.Any(char.IsDigit))
            .Select(Analyzer.Stem)
            .Where(s => !asked.Contains(s) && !asked.Any(a => a.Length >= MinCompoundTail && s.EndsWith(a, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Count();
        return added <= RestatedNewWords;
    }

    /// <summary>The shortest question word a compound of the sentence may end in to count as that word.</summary>
    private const int MinCompoundTail = 4;

    /// <summary>True when two facts stand in one section of one report.</summary>
    private bool SameSection(Fact a, Fact b) =>
        a.Source.Line is { } x && b.Source.Line is { } y && x.File == y.File && kit.Index.SectionAt(x) == kit.Index.SectionAt(y);

    /// <summary>
    /// True when the question writes a name (a capitalised word inside a sentence) that is one of the search terms and that
    /// no passage and no vocabulary holds: the reports know nothing of it.
    /// </summary>
    private bool NamesUnknown(Query query, List<Token> terms)
    {
        var raw = query.Text.Raw;
        var sentenceStart = true;
        var i = 0;
        while (i < raw.Length)
        {
            if (!char.IsLetter(raw[i]))
            {
                sentenceStart |= raw[i] is '.' or '?' or '!' or ':' or '"' or '\'' or '(' or '‘' or '“';
                i++;
                continue;
            }

            var start = i;
            while (i < raw.Length && char.IsLetterOrDigit(raw[i]))
            {
                i++;
            }

            var capitalised = char.IsUpper(raw[start]) && !sentenceStart;
            sentenceStart = false;
            if (!capitalised)
            {
                continue;
            }

            // A letter or two ("Z&V") is an abbreviation, not a name.
            var word = TextNormalizer.Tokens(raw[start..i]) is [{ Length: >= 3 } only] ? only : null;
            if (word is not null && terms.Exists(t => t.Text == word && kit.Index.Search.Frequency(t.Stem) == 0 && !kit.Index.Analyzer.IsKnown(t.Text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Searches the asked year and theme first, then wider; a named year is a firm constraint.</summary>
    private (List<PassageHit> Hits, double Coverage) Find(Query query, List<Token> terms, bool requireNumber, Func<PassageEntry, bool>? restrict)
    {
        var years = query.Years.Count > 0 ? query.Years : query.Range is { } r && r.From.Year == r.To.Year ? [r.From.Year] : [];
        var themeId = query.ThemeId;
        var filters = new List<Func<PassageEntry, bool>?>();
        // Words a filter's passages say by where they stand: the theme's name in its section, "gepland" in a jaarplan.
        var implied = new Dictionary<int, HashSet<string>>();
        var themeStems = themeId is null ? [] : StemsOf(TextNormalizer.Tokens(kit.ThemeName(themeId)));
        var yearBound = 0; // the first filters hold to the asked year
        Func<PassageEntry, bool>? yearFilter = null;
        if (query.Has(Signals.Payer))
        {
            // "wie betaalde dat?": the passages that say where money came from first (in the year asked); they seldom use
            // the asking verb. A bullet counts by its list's lead-in.
            var payerStems = PayingStems(terms);
            bool Funded(PassageEntry p) => Funds(p.Text) || p.Passage.IsBullet && ListIntro(p) is { } intro && Funds(intro.Text);
            if (years.Count > 0)
            {
                implied[filters.Count] = payerStems;
                filters.Add(p => (years.Contains(p.Passage.Year) || years.Any(p.Years.Contains)) && Funded(p));
            }

            implied[filters.Count] = payerStems;
            filters.Add(Funded);
        }

        var doneWords = terms.Select(t => t.Text).Where(kit.Words.Themes.DoneAskedWords.Contains).ToList();
        var planWords = query.Has(Signals.Past) ? [] : terms.Select(t => t.Text).Where(kit.Words.Themes.PlanAskedWords.Contains).ToList();
        if (years.Count > 0 && doneWords.Count > 0)
        {
            // "In het jaarplan 2025 stonden drie netwerkbijeenkomsten. Zijn die er ook echt gekomen?": what the jaarverslag of
            // that year reports first; it says what was done without the asking words, nor does it name the plan.
            var asked = StemsOf(terms.Select(t => t.Text).Where(w => kit.Words.Themes.DoneAskedWords.Contains(w) || kit.Words.Themes.PlanAskedWords.Contains(w)));
            if (themeId is not null)
            {
                implied[filters.Count] = [.. asked, .. themeStems];
                filters.Add(p => p.Passage.Kind == Knowledge.Model.PassageKind.Done && p.Passage.ThemeId == themeId && years.Contains(p.Passage.Year));
            }

            implied[filters.Count] = asked;
            filters.Add(p => p.Passage.Kind == Knowledge.Model.PassageKind.Done && years.Contains(p.Passage.Year));
            planWords = [];
        }

        if (years.Count == 0 && terms.Exists(t => kit.Words.Themes.ResultAskedWords.Contains(t.Text)))
        {
            // "Wat heeft de actiedag opgeleverd?": what the reports say was done answers, not a plan for it, which yields
            // nothing yet; the reports say what came of it without the asking word.
            implied[filters.Count] = StemsOf(terms.Select(t => t.Text).Where(kit.Words.Themes.ResultAskedWords.Contains));
            filters.Add(p => p.Passage.Kind == Knowledge.Model.PassageKind.Done);
        }

        if (years.Count > 0 && planWords.Count > 0)
        {
            // "En hoeveel staan er gepland?" (or "en vorig jaar?" after it, not "hoeveel waren het er?"): the plan for the year
            // (the jaarplan's passages) first.
            // "Hoeveel staan er gepland?": the jaarplan says its figure without the word ("we organiseren drie").
            var planStems = query.Has(Signals.Count) ? StemsOf(planWords) : [];
            if (themeId is not null)
            {
                implied[filters.Count] = [.. planStems, .. themeStems];
                filters.Add(p => p.Passage.Kind == Knowledge.Model.PassageKind.Planned && p.Passage.ThemeId == themeId && years.Contains(p.Passage.Year));
            }

            implied[filters.Count] = planStems;
            filters.Add(p => p.Passage.Kind == Knowledge.Model.PassageKind.Planned && years.Contains(p.Passage.Year));
        }

        if (themeId is not null && years.Count > 0)
        {
            implied[filters.Count] = themeStems;
            filters.Add(p => p.Passage.ThemeId == themeId && (years.Contains(p.Passage.Year) || years.Any(p.Years.Contains)));
        }

        if (years.Count > 0)
        {
            filters.Add(yearFilter = p => years.Contains(p.Passage.Year));
            filters.Add(p => years.Any(p.Years.Contains));
            yearBound = filters.Count;
        }

        if (themeId is not null)
        {
            implied[filters.Count] = themeStems;
            filters.Add(p => p.Passage.ThemeId == themeId);
        }

        filters.Add(null);
        // Every filter is tried; the narrowest one that covers nearly as much as the best wins (a named year is checked later).
        var results = new List<(List<PassageHit> Hits, double Coverage, double Slack, bool InYear)>();
        for (var f = 0; f < filters.Count; f++)
        {
            var filter = filters[f];
            var hits = kit.Index.Search.Find(terms, p => p.Text.Length > 0 && (!requireNumber || p.HasNumber) && (restrict is null || restrict(p)) && (filter is null || filter(p)),
                implied: implied.GetValueOrDefault(f)).ToList();
            var c = hits.Count > 0 ? hits[0].Coverage : 0;
            if (hits.Count > 0 && c < 0.999 && filter is not null && ReferenceEquals(filter, yearFilter))
            {
                // A passage of another report that names the year may cover the question better.
                var mentioned = kit.Index.Search.Find(terms, p => p.Text.Length > 0 && years.Any(p.Years.Contains) && (!requireNumber || p.HasNumber) && (restrict is null || restrict(p))).ToList();
                if (mentioned.Count > 0 && mentioned[0].Coverage > c + 0.05)
                {
                    (hits, c) = (mentioned, mentioned[0].Coverage);
                }
            }

            if (hits.Count > 0)
            {
                results.Add((hits, c, years.Count == 0 && filter is not null ? NarrowSlack : YearSlack, f < yearBound));
            }
        }

        if (results.Count == 0)
        {
            return ([], 0);
        }

        var pool = results;
        var top = pool.Max(r => r.Coverage);
        var chosen = pool.First(r => r.Coverage >= top - r.Slack);
        var first = chosen.Hits[0].Entry;
        var answering = pool.Where(r => r.InYear && r.Coverage >= Full && r.Hits[0].Entry.Passage.Kind == Knowledge.Model.PassageKind.Planned).ToList();
        if (!requireNumber && answering.Count > 0 && first.Passage.Kind == Knowledge.Model.PassageKind.Planned
            && !years.Contains(first.Passage.Year) && !years.Any(first.Years.Contains))
        {
            var inYear = answering.MaxBy(r => r.Coverage);
            // "welke onderwerpen komen dit jaar aan bod ...?": another year's plan is no answer for this year, however close
            // its wording; the plan of the year asked is, when it covers the question.
            chosen = inYear;
        }

        var inAskedYear = pool.Where(r => r.InYear && r.Coverage >= Full).ToList();
        if (!requireNumber && inAskedYear.Count > 0 && query.Years.Count == 0 && years.Count > 0 && !chosen.InYear
            && !years.Contains(chosen.Hits[0].Entry.Passage.Year) && !years.Any(chosen.Hits[0].Entry.Years.Contains))
        {
            // "welk rapport is dit voorjaar verschenen?": a season or month the user names lies in one year; a passage of that
            // year that covers the question answers it better than another year's closer wording. (A year named as such
            // keeps the reports' own reach: a jaarverslag of one year tells the next year's plan.)
            chosen = inAskedYear.MaxBy(r => r.Coverage);
        }

        var best = chosen.Hits;
        var coverage = chosen.Coverage;
        return (best, coverage);
    }

    /// <summary>The stems of the asking verbs of paying ("betaalde"), which a funding word in a passage stands for.</summary>
    private HashSet<string> PayingStems(IEnumerable<Token> terms) => StemsOf(terms.Select(t => t.Text).Where(kit.Words.Language.PayingWords.Contains));

    private HashSet<string> StemsOf(IEnumerable<string> words) =>
        words.Where(w => !kit.Index.Analyzer.IsStopword(w)).Select(w => kit.Index.Analyzer.ToToken(w).Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The best sentences over the strongest passages: each sentence is scored by the share of the question's weight it
    /// holds, what its neighbours add, how well its passage covers the question, and whether it holds the kind of slot
    /// asked (a name for "wie", a number for "hoeveel", a reason for "waarom", a list for "welke"). A list lead-in ("...
    /// opgeleverd:") brings its items.
    /// </summary>
    private List<Fact> Pick(List<PassageHit> hits, List<Token> terms, IReadOnlyList<string> countNoun, Query query)
    {
        var analyzer = kit.Index.Analyzer;
        var stems = terms.Select(t => t.Stem).Distinct().ToList();
        var weights = stems.Select(Weight).ToList();
        var total = weights.Sum();
        var nounStems = countNoun.Where(w => !analyzer.IsStopword(w)).Select(Analyzer.Stem).SelectMany(st => analyzer.Synonyms(st).Append(st)).ToHashSet(StringComparer.Ordinal);
        var payerStems = query.Has(Signals.Payer) ? PayingStems(terms) : [];
        HashSet<string>? askedWords = null;
        var candidates = new List<(string Sentence, PassageEntry Entry, int Hit, int Index, double Score, bool LeadIn)>();
        var first = hits[0];
        for (var h = 0; h < hits.Count && h < MaxPassages; h++)
        {
            var hit = hits[h];
            var listLead = hit.Entry.Text.TrimEnd().EndsWith(':');
            if (hit.Coverage < first.Coverage * 0.6 && !listLead)
            {
                continue;
            }

            var sentences = Sentences.Split(hit.Entry.Text);
            var covered = sentences.Select(Covered).ToList();
            for (var i = 0; i < sentences.Count; i++)
            {
                var own = covered[i];
                var around = new HashSet<int>();
                if (i > 0)
                {
                    around.UnionWith(covered[i - 1]);
                }

                if (i + 1 < sentences.Count)
                {
                    around.UnionWith(covered[i + 1]);
                }

                around.ExceptWith(own);
                var score = Share(own) + NeighbourShare * Share(around) + PassageShare * hit.Coverage - RankPenalty * h;
                var leadIn = i == sentences.Count - 1 && sentences[i].TrimEnd().EndsWith(':');
                // A slot counts in a sentence that itself holds an asked word.
                score += own.Count == 0 ? 0 : SlotBonus * Slot(sentences[i], leadIn, hit.Entry, nounStems);
                if (own.Count == 0 && around.Count == 0)
                {
                    continue;
                }

                candidates.Add((sentences[i], hit.Entry, h, i, score, leadIn));
            }
        }

        var facts = new List<Fact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            foreach (var sentence in Sentences.Split(first.Entry.Text).Take(1))
            {
                Add(sentence, first.Entry);
            }

            return facts;
        }

        var ranked = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Hit).ThenBy(c => c.Index).ToList();
        var best = ranked[0];
        Add(best.Sentence, best.Entry);
        if (best.Index > 0 && TextNormalizer.Tokens(best.Sentence).Take(BackReferenceReach).Any(kit.Words.Language.BackReferenceWords.Contains))
        {
            // "We waren met dit project finalist": the sentence before says which project.
            Add(Sentences.Split(best.Entry.Text)[best.Index - 1], best.Entry);
        }

        AddItems(best);
        AddElaboration(best);
        AddOutcome(best);

        if (ranked.Skip(1).FirstOrDefault(c => c.Entry == best.Entry && c.Score > 0) is { Sentence.Length: > 0 } sibling && facts.Count < MaxSentences)
        {
            // The passage that answers best usually says more about it in its next best sentence.
            AddWithContext(sibling);
        }

        foreach (var next in ranked.Skip(1))
        {
            if (facts.Count >= MaxSentences || next.Score < best.Score * FollowShare)
            {
                break;
            }

            AddWithContext(next);
        }

        return facts;

        void AddWithContext((string Sentence, PassageEntry Entry, int Hit, int Index, double Score, bool LeadIn) c)
        {
            if (c.Index > 0 && TextNormalizer.Tokens(c.Sentence).Take(BackReferenceReach).Any(kit.Words.Language.BackReferenceWords.Contains))
            {
                Add(Sentences.Split(c.Entry.Text)[c.Index - 1], c.Entry);
            }

            Add(c.Sentence, c.Entry);
            AddItems(c);
        }

        void AddElaboration((string Sentence, PassageEntry Entry, int Hit, int Index, double Score, bool LeadIn) c)
        {
            // "... producten opgeleverd. Voorbeelden hiervan zijn ...": a next sentence that points back elaborates.
            var all = Sentences.Split(c.Entry.Text);
            if (c.Index + 1 < all.Count && TextNormalizer.Tokens(all[c.Index + 1]).Take(ElaborationReach).Any(kit.Words.Language.BackReferenceWords.Contains))
            {
                Add(all[c.Index + 1], c.Entry);
            }
        }

        void AddOutcome((string Sentence, PassageEntry Entry, int Hit, int Index, double Score, bool LeadIn) c)
        {
            // "Hoe deed de VAR het bij de verkiezing?": "genomineerd" says it took part; the next sentence, in the passage or
            // the one after it in the same section, says how it ended.
            var outcomeWords = kit.Words.Language.OutcomeTextWords;
            if (!query.Has(Signals.Outcome) || TextNormalizer.Tokens(c.Sentence).Exists(outcomeWords.Contains))
            {
                return;
            }

            var all = Sentences.Split(c.Entry.Text);
            var (next, entry) = c.Index + 1 < all.Count ? (all[c.Index + 1], c.Entry)
                : c.Entry.Index + 1 < kit.Index.Passages.Count && kit.Index.Passages[c.Entry.Index + 1] is { } after
                    && after.Passage.ReportId == c.Entry.Passage.ReportId && after.Passage.Section == c.Entry.Passage.Section
                    ? (Sentences.Split(after.Text).FirstOrDefault() ?? "", after) : ("", c.Entry);
            if (next.Length > 0 && TextNormalizer.Tokens(next).Exists(outcomeWords.Contains))
            {
                Add(next, entry);
            }
        }

        void AddItems((string Sentence, PassageEntry Entry, int Hit, int Index, double Score, bool LeadIn) c)
        {
            // A list lead-in ("... opgeleverd:") is answered by its items.
            if (c.LeadIn)
            {
                foreach (var item in ListItems(c.Entry))
                {
                    // A short bullet is searched together with the bullet before it; as an item it is its own line.
                    var text = item.Text.Length > 0 ? Sentences.Split(item.Text).FirstOrDefault() ?? item.Text : Sentences.Clean(item.Passage.Text);
                    Add(text, item, isItem: true);
                }
            }
        }

        double Weight(string stem)
        {
            var frequency = kit.Index.Search.Frequency(stem);
            return Math.Log(1 + (kit.Index.Passages.Count + 1.0) / (frequency + 1.0));
        }

        HashSet<int> Covered(string sentence)
        {
            var tokens = TextNormalizer.Tokens(sentence, joinBrokenWords: true);
            var words = tokens.Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
            // "wie betaalde mee?": a sentence that says where money came from holds the asking verb's meaning.
            var funds = payerStems.Count > 0 && tokens.Exists(kit.Words.Language.FundingWords.Contains);
            var set = new HashSet<int>();
            for (var k = 0; k < stems.Count; k++)
            {
                if (words.Contains(stems[k]) || Array.Exists(analyzer.Synonyms(stems[k]), words.Contains) || funds && payerStems.Contains(stems[k]))
                {
                    set.Add(k);
                }
            }

            return set;
        }

        double Share(HashSet<int> covered) => total <= 0 ? 0 : covered.Sum(k => weights[k]) / total;

        double Slot(string sentence, bool leadIn, PassageEntry entry, HashSet<string> counted)
        {
            if (query.Has(Signals.Count) && counted.Count > 0)
            {
                return NumberNear(sentence, counted) ? 1 : 0;
            }

            if (query.Has(Signals.Count) && !query.Has(Signals.Money))
            {
                // "Hoe vaak komt het platform bijeen?": no counted noun, so any count in the sentence is the slot.
                // A frequency ("maandelijks", "tweemaal") answers "hoe vaak" better than a count of things.
                return TextNormalizer.Tokens(sentence).Exists(kit.Words.Language.FrequencyWords.Contains) ? 1 : HasCount(sentence) ? 0.5 : 0;
            }

            if (query.Has(Signals.When) && query.EventTypes.Count == 0)
            {
                askedWords ??= query.Text.Tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
                return NewTime(WithYear(sentence, entry), askedWords) ? 1 : 0;
            }

            if (query.Has(Signals.Why))
            {
                var tokens = TextNormalizer.Tokens(sentence);
                return tokens.Exists(kit.Words.Language.ReasonWords.Contains) ? 1 : 0;
            }

            if (query.Has(Signals.Payer))
            {
                return Funds(sentence) ? 1 : 0;
            }

            if (query.Has(Signals.Who) && query.Role is null)
            {
                return HasName(sentence) ? 1 : 0;
            }

            if (query.Text.Tokens.Count > 0 && kit.Words.Language.WhichWords.Contains(query.Text.Tokens[0].Text)
                || query.Text.Tokens.Count > 1 && kit.Words.Language.WhichWords.Contains(query.Text.Tokens[1].Text))
            {
                // "Welk actieplan ...?" asks for one thing by name: a list lead-in only answers "welke".
                var single = query.Text.Tokens.Take(2).Any(t => kit.Words.Language.SingleWhichWords.Contains(t.Text));
                return leadIn && !single && ListItems(entry).Any() ? ListBonus : HasName(sentence) ? 0.5 : 0;
            }

            return 0;
        }

        void Add(string sentence, PassageEntry entry, bool isItem = false)
        {
            // A numbered list stays whole here: the reply shows its items as bullets (or shortens it when it is no lead).
            var shortened = WithYear(Sentences.NumberedItems(sentence) is null ? Sentences.Shorten(sentence) : sentence, entry);
            var key = string.Join(' ', TextNormalizer.Tokens(shortened));
            // A list item may be one word ("Cybergevolgbestrijding."); elsewhere one word is debris.
            var debris = Sentences.IsDebris(shortened, minWords: isItem ? 1 : 2);
            if (key.Length > 0 && !debris && seen.Add(key) && !seen.Any(s => s != key && (s.Contains(key, StringComparison.Ordinal) || key.Contains(s, StringComparison.Ordinal))))
            {
                facts.Add(new Fact(shortened, kit.SourceOf(entry)));
            }
        }
    }

    private HashSet<string>? _timeWords;

    /// <summary>True when the sentence names a year, month or season that the question does not name itself.</summary>
    private bool NewTime(string sentence, Query query) => NewTime(sentence, query.Text.Tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal));

    private bool NewTime(string sentence, HashSet<string> asked)
    {
        var language = kit.Words.Language;
        _timeWords ??= [.. language.Months, .. language.MonthAbbreviations.Keys, .. kit.Words.Time.Seasons.Keys.Where(k => !k.Contains(' ', StringComparison.Ordinal)),
            .. kit.Words.Time.TextTimeWords];
        foreach (var token in TextNormalizer.Tokens(sentence))
        {
            var year = token.Length == 4 && token.All(char.IsDigit) && token[0] is '1' or '2';
            if ((year || _timeWords.Contains(token)) && !asked.Contains(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Welke vier gemeenten", "wat zijn de drie nieuwe vormen": a number of things asked by name, with the counted noun.</summary>
    private (int Count, string Noun)? ListCount(Query query)
    {
        var language = kit.Words.Language;
        var tokens = query.Text.Tokens;
        var asksWhich = tokens.Any(t => language.WhichWords.Contains(t.Text)) || query.Has(Signals.Definition) || query.Subject.Count > 0
            || language.DefinitionStarts.Any(query.Text.HasPhrase);
        if (!asksWhich)
        {
            return null;
        }

        for (var i = 0; i + 1 < tokens.Count && i <= 4; i++)
        {
            var n = tokens[i].IsNumber && !tokens[i].IsYear && int.TryParse(tokens[i].Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d : language.Numbers.GetValueOrDefault(tokens[i].Text);
            if (n is >= 2 and <= 12)
            {
                var noun = tokens.Skip(i + 1).Take(3).FirstOrDefault(t => !t.IsStopword && !kit.Index.Analyzer.IsStopword(t.Text) && t.Text.Length > 3 && !kit.Words.Themes.ActivityWords.Contains(t.Text));
                return noun is null ? null : (n, noun.Stem);
            }
        }

        // "Welke gemeenten deden niet mee?": without a number asked, any number of the asked things (0 = any) restates a
        // count instead of naming them.
        for (var i = 0; i + 1 < tokens.Count && i <= 2; i++)
        {
            if (language.WhichWords.Contains(tokens[i].Text) && tokens[i + 1] is { IsStopword: false, IsNumber: false } noun && noun.Text.Length > 3
                && !kit.Words.Themes.ActivityWords.Contains(noun.Text) && !kit.Index.Analyzer.IsStopword(noun.Text))
            {
                return (0, noun.Stem);
            }
        }

        return null;
    }

    /// <summary>The sentence names the number of things with the noun ("de drie nieuwe vormen") and does not list them after it.</summary>
    private bool RestatesCount(string sentence, int count, string nounStem)
    {
        var language = kit.Words.Language;
        var tokens = TextNormalizer.Tokens(sentence);
        for (var i = 0; i < tokens.Count; i++)
        {
            var n = tokens[i].All(char.IsDigit) && int.TryParse(tokens[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d : language.Numbers.GetValueOrDefault(tokens[i]);
            if (count == 0 ? n < 2 : n != count)
            {
                continue;
            }

            for (var j = i + 1; j < tokens.Count && j <= i + 3; j++)
            {
                if (Analyzer.Stem(tokens[j]) == nounStem)
                {
                    // "... de vier gemeenten: Rotterdam, ..." lists them after a colon (or in the bullets of a lead-in); without
                    // a number asked, names after the count ("vijf gemeenten (Rotterdam, ...)") name them too.
                    return !sentence.Contains(':', StringComparison.Ordinal)
                        && (count > 0 || !sentence.Contains('(', StringComparison.Ordinal) && !tokens.Skip(j + 1).Any(language.NamingWords.Contains));
                }
            }
        }

        return false;
    }

    /// <summary>A capitalised word that is a name (not the sentence's first word, not a word the reports write in lower case).</summary>
    public bool HasName(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var j = 1; j < words.Length; j++)
        {
            var w = words[j];
            if (w.Length > 1 && char.IsUpper(w[0]) && (char.IsLower(w[1]) || char.IsUpper(w[1])) && kit.IsName(w))
            {
                return true;
            }
        }

        return false;
    }

    private System.Text.RegularExpressions.Regex? _monthWithoutYear;

    /// <summary>
    /// "in mei" in the jaarverslag 2024 reads "in mei 2024": a month the sentence gives without a year gets the passage's
    /// year. A span of months ("juli/augustus", "juli en augustus") gets it once, after its last month.
    /// </summary>
    private string WithYear(string sentence, PassageEntry entry)
    {
        if (entry.Passage.Kind == Knowledge.Model.PassageKind.General)
        {
            return sentence;
        }

        _monthWithoutYear ??= MonthWithoutYear();
        var year = entry.Passage.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _monthWithoutYear.Replace(sentence, m => m.Value + " " + year);
    }

    private System.Text.RegularExpressions.Regex MonthWithoutYear()
    {
        var months = string.Join('|', kit.Words.Language.Months);
        var joiners = string.Join('|', kit.Words.Language.MonthSpanJoiners.Select(System.Text.RegularExpressions.Regex.Escape));
        return new System.Text.RegularExpressions.Regex(
            $@"\b(?>({months})(?:\s*(?:[-/–]|\s(?:{joiners})\s)\s*(?:{months}))*)\b(?!\s*[-/–]?\s*\w*\s*\d{{4}})",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    /// <summary>The passage ending in a colon that a bullet belongs to (the run of bullets before it in the same section), or null.</summary>
    public PassageEntry? ListIntro(PassageEntry item)
    {
        var passages = kit.Index.Passages;
        for (var i = item.Index - 1; i >= 0 && i >= item.Index - 8; i--)
        {
            var p = passages[i];
            if (p.Passage.ReportId != item.Passage.ReportId || p.Passage.Section != item.Passage.Section)
            {
                return null;
            }

            if (p.Text.TrimEnd().EndsWith(':'))
            {
                return item.Passage.IsBullet && ListItems(p).Contains(item) ? p : null;
            }

            if (!p.Passage.IsBullet)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The <paramref name="nth"/> item of the list that <paramref name="entry"/> leads in or belongs to, when the lead-in
    /// names the noun after the question's ordinal ("het vijfde spoor": "via de vijf sporen:") and the list has that many
    /// items; else null.
    /// </summary>
    private PassageEntry? NthListItem(PassageEntry entry, int nth, Query query)
    {
        var tokens = query.Text.Tokens;
        var at = -1;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (kit.Words.Language.Ordinals.TryGetValue(tokens[i].Text, out var n) && n == nth)
            {
                at = i + 1;
                break;
            }
        }

        var intro = entry.Text.TrimEnd().EndsWith(':') ? entry : ListIntro(entry);
        if (at < 0 || intro is null)
        {
            return null;
        }

        var noun = tokens[at].Stem;
        var named = false;
        foreach (var token in intro.Analysed.Tokens)
        {
            named |= token.Stem == noun;
        }

        var items = named ? ListItems(intro).Take(nth).ToList() : [];
        return items.Count == nth ? items[^1] : null;
    }

    /// <summary>The bullets that follow a passage ending in a colon, in the same section.</summary>
    public IEnumerable<PassageEntry> ListItems(PassageEntry intro)
    {
        var passages = kit.Index.Passages;
        for (var i = intro.Index + 1; i < passages.Count && i <= intro.Index + 8; i++)
        {
            var p = passages[i];
            var raw = p.Passage.Text.TrimStart();
            var numbered = raw.Length > 1 && char.IsDigit(raw[0]) && raw[1] is '.' or ')';
            if (p.Passage.ReportId != intro.Passage.ReportId || p.Passage.Section != intro.Passage.Section || !p.Passage.IsBullet && !numbered)
            {
                yield break;
            }

            if (raw.Length > 0)
            {
                yield return p;
            }
        }
    }

    /// <summary>The passage, or its heading, holds one of the stems.</summary>
    private static bool HoldsSubject(PassageEntry entry, HashSet<string> stems) =>
        entry.Analysed.Tokens.Any(t => stems.Contains(t.Stem))
        || entry.Passage.Heading is { } heading && TextNormalizer.Tokens(heading).Exists(t => stems.Contains(Analyzer.Stem(t)));

    /// <summary>The passage holds at least half of the stems (and some).</summary>
    private static bool HoldsMost(PassageEntry entry, HashSet<string> stems)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in entry.Analysed.Tokens)
        {
            if (stems.Contains(t.Stem))
            {
                held.Add(t.Stem);
            }
        }

        return held.Count > 0 && held.Count * 2 >= stems.Count;
    }

    /// <summary>A number (not a year) or a number word within three words of an asked word, in one sentence.</summary>
    public bool NumberNear(string sentence, HashSet<string> nounStems)
    {
        var tokens = TextNormalizer.Tokens(sentence, joinBrokenWords: false);
        for (var i = 0; i < tokens.Count; i++)
        {
            var stem = Analyzer.Stem(tokens[i]);
            // "basisscholen" for "scholen": a compound ending in the asked word counts it.
            var compound = nounStems.Any(n => n.Length >= 4 && (tokens[i].EndsWith(n, StringComparison.Ordinal) || stem.EndsWith(n, StringComparison.Ordinal)));
            if (!nounStems.Contains(stem) && !compound)
            {
                continue;
            }

            for (var j = Math.Max(0, i - 3); j <= Math.Min(tokens.Count - 1, i + 3); j++)
            {
                var t = tokens[j];
                var isYear = t.Length == 4 && t.All(char.IsDigit) && t[0] is '1' or '2';
                // "één keer per jaar ... bezocht": a number of times counts the times, not the asked things.
                var times = j + 1 < tokens.Count && j + 1 != i && kit.Words.Language.FrequencyWords.Contains(tokens[j + 1]);
                // "een" after the asked word, or further before it than one word that qualifies it ("een regionale
                // oefening organiseren"), is an article of another noun, unless the sentence spells it as the numeral;
                // right before the asked word or its one qualifier it may count it ("een VAR nieuwsbrief").
                var article = kit.Words.Language.Numbers.TryGetValue(t, out var value) && value == 1 && kit.Index.Analyzer.IsStopword(t)
                    && (j > i || i - j > ArticleReach && !SpelledAsNumeral(sentence, t));
                if (j != i && (t.All(char.IsDigit) && !isYear || kit.Words.Language.Numbers.ContainsKey(t)) && !IsPeriod(tokens, j, nounStems) && !times && !article)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The most words before the asked word an article "een" may stand and still count it ("één gezamenlijke bijeenkomst").</summary>
    private const int ArticleReach = 2;

    /// <summary>True when the sentence writes the word in a numeral's own spelling of the vocabulary ("één" for "een").</summary>
    private bool SpelledAsNumeral(string sentence, string word) =>
        kit.Words.Language.Numbers.Keys.Any(k => k != word && TextNormalizer.Normalize(k).Trim() == word && sentence.Contains(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the sentence holds a count (a number that is no year, a number word other than the article, "tweemaal").</summary>
    private bool HasCount(string sentence)
    {
        var tokens = TextNormalizer.Tokens(sentence, joinBrokenWords: false);
        for (var j = 0; j < tokens.Count; j++)
        {
            var t = tokens[j];
            var isYear = t.Length == 4 && t.All(char.IsDigit) && t[0] is '1' or '2';
            var numberWord = kit.Words.Language.Numbers.TryGetValue(t, out var value) && !(value == 1 && kit.Index.Analyzer.IsStopword(t));
            if ((t.All(char.IsDigit) && !isYear || numberWord) && !IsPeriod(tokens, j, []))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"kinderen van 8-12 jaar", "drie jaar": a number (or range) followed by a unit of time is an age or a period, not a count of the asked thing.</summary>
    private bool IsPeriod(List<string> tokens, int at, HashSet<string> nounStems)
    {
        var k = at + 1;
        while (k < tokens.Count && k <= at + 2 && tokens[k].All(char.IsDigit))
        {
            k++;
        }

        return k < tokens.Count && kit.Words.Language.DurationUnits.Contains(tokens[k]) && !nounStems.Contains(Analyzer.Stem(tokens[k]));
    }

    /// <summary>True when the text says where money came from (a word of <c>funding_words</c>).</summary>
    private bool Funds(string text) => TextNormalizer.Tokens(text).Exists(kit.Words.Language.FundingWords.Contains);

    /// <summary>
    /// A name next to an asked word: a capitalised word within two words of it, in the same sentence, not at the start of
    /// the sentence, and not a word the reports also write in lower case.
    /// </summary>
    private bool NameNear(string text, HashSet<string> stems)
    {
        foreach (var sentence in Sentences.Split(text))
        {
            var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                var normalized = TextNormalizer.Tokens(words[i]);
                if (normalized.Count == 0 || !stems.Contains(Analyzer.Stem(normalized[0])))
                {
                    continue;
                }

                for (var j = Math.Max(1, i - 2); j <= Math.Min(words.Length - 1, i + 2); j++)
                {
                    var w = words[j];
                    if (j != i && w.Length > 1 && char.IsUpper(w[0]) && char.IsLower(w[1]) && kit.IsName(w) && !IsPlace(words, j) && !Echoes(w, stems))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "beleidsadviseurs uit Dordrecht en Rotterdam", "uit Zuid-Holland-Zuid en Rotterdam-Rijnmond": a capitalised word
    /// after a place preposition, or joined by "en" to such a place, names a place and not the person a "wie" asks for.
    /// </summary>
    private bool IsPlace(string[] words, int j)
    {
        var language = kit.Words.Language;
        for (var k = j - 1; k >= 0; k--)
        {
            var before = words[k].ToLowerInvariant();
            if (language.PlacePrepositions.Contains(before))
            {
                return true;
            }

            // Only a run of capitalised words joined by a joiner ("Dordrecht en") leads back to the preposition.
            var joinedPlace = language.PlaceJoiners.Contains(before) && k > 0 && words[k - 1].Length > 1 && char.IsUpper(words[k - 1][0])
                && !words[k - 1].EndsWith('.');
            if (!joinedPlace)
            {
                return false;
            }

            k--;
        }

        return false;
    }

    /// <summary>
    /// "Wie is de portefeuillehouder Zorg en Veiligheid?": "Zorg- en Veiligheidshuizen" is built from the question's own
    /// words; it names a thing the question already speaks of, not the person asked for.
    /// </summary>
    private static bool Echoes(string word, HashSet<string> stems)
    {
        foreach (var token in TextNormalizer.Tokens(word))
        {
            foreach (var stem in stems)
            {
                if (stem.Length >= MinEchoStem && token.Length >= stem.Length + MinCompoundRest && token.Contains(stem, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The shortest question stem that, inside a capitalised word, makes it an echo of the question ("veilig").</summary>
    private const int MinEchoStem = 5;

    /// <summary>
    /// An echo is a compound of the question's word with another ("Veiligheidshuizen"): the asked name itself
    /// ("Burgernet" in "wie beheert Burgernet?") stays the subject the sentence is about.
    /// </summary>
    private const int MinCompoundRest = 4;

    private IReadOnlyList<string> Suggestions(Query query, PassageEntry best)
    {
        var list = new List<string>();
        var themeId = query.ThemeId ?? best.Passage.ThemeId;
        if (themeId is not null && kit.Index.Themes.TryGetValue(themeId, out var theme) && theme.IsCurrent)
        {
            list.Add(kit.Texts.Format("suggest_theme_plans", theme.Name.ToLowerInvariant(), kit.Index.LatestPlanYear));
        }

        list.AddRange(kit.DefaultSuggestions());
        return list;
    }
}
