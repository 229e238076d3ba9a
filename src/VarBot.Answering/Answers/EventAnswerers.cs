using VarBot.Answering.Vocabulary;
using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Answers;

/// <summary>The events a question is about and how to say when they are: shared by the event intents.</summary>
internal sealed class EventFinder(AnswerKit kit)
{
    /// <summary>Events of the asked type(s), title season, theme and name words; the best name match wins.</summary>
    public List<Event> Candidates(Query query)
    {
        IEnumerable<EventEntry> all = kit.Index.Events;
        if (query.EventTypes.Count > 0)
        {
            all = all.Where(e => query.EventTypes.Contains(e.Event.Type));
        }

        var list = all.ToList();
        // A type word that is also a title ("veiligheidsconferentie", "najaarscarrousel") narrows to those titles.
        var typeWords = kit.Words.Events.TypeWords;
        var typeNames = Enum.GetNames<EventType>().Select(n => n.ToLowerInvariant()).ToList();
        // "de voorjaars- en najaarscarrousel": the titles of each such word asked.
        var titleNames = query.Text.Tokens.Where(t => typeWords.Contains(t.Text) && !typeNames.Any(n => t.Text.StartsWith(n, StringComparison.Ordinal)))
            .Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var titled = list.Where(e => Analysis.TextNormalizer.Tokens(e.Event.Title).Any(titleNames.Contains)).ToList();
        if (titled.Count > 0)
        {
            list = titled;
        }

        if (query.TitleSeason is { } season)
        {
            var titleWords = kit.Words.Events.SeasonTitles[season];
            var byTitle = list.Where(e => Analysis.TextNormalizer.Tokens(e.Event.Title).Any(titleWords.Contains)).ToList();
            if (byTitle.Count > 0)
            {
                list = byTitle;
            }
            else if (kit.Words.Time.Seasons.TryGetValue(season, out var months))
            {
                list = list.Where(e => (e.Event.Date?.Month ?? e.Event.Month ?? 0) is var m && m >= months[0] && m <= months[1]).ToList();
            }
        }

        var named = NameStems(query);
        if (query.ThemeId is { } askedTheme && named.All(ThemeStems(askedTheme).Contains))
        {
            // "het Leerhuis Zorg en Veiligheid", "die over digitale veiligheid": the theme names the event, by the event's
            // theme or by the theme's name in its title or topic.
            // A title that names the theme is the event asked, unless the asked period has only other events of the theme.
            var asked = query.Text.Tokens.Select(t => t.Text).ToList();
            var byTitle = list.Where(e => NamesTheme(e.Event, askedTheme, p => ContainsPhrase(asked, p), heads: true)).ToList();
            var themed = list.Where(e => e.Event.ThemeId == askedTheme || NamesTheme(e.Event, askedTheme, _ => true)).ToList();
            // The period asked: the named years or window, else the coming events unless the question looks back.
            var looksBack = query.HasAny(Signals.Past | Signals.Previous);
            var inPeriod = (EventEntry e) => query.Range is { } r ? InRange(e.Event, r)
                : query.Years.Count > 0 ? query.Years.Contains(e.Event.Year) : looksBack || IsUpcoming(e.Event, query.Today);
            var chosen = byTitle.Exists(e => inPeriod(e)) ? byTitle : themed.Exists(e => inPeriod(e)) ? themed : byTitle.Count > 0 ? byTitle : themed;
            if (chosen.Count == 0)
            {
                // "Welk Leerhuis ging in 2023 over ondermijning?": no title or theme names it, but the sentence that
                // announces the meeting does ("Leerhuis 'Informatiegestuurd werken' ... over het tegengaan van ondermijning").
                var described = list.Where(e => DescribesTheme(e.Event, askedTheme)).ToList();
                chosen = described.Exists(e => inPeriod(e)) ? described.Where(e => inPeriod(e)).ToList() : described;
            }

            if (chosen.Count > 0)
            {
                return chosen.Select(e => e.Event).ToList();
            }
        }

        if (named.Count > 0)
        {
            var scored = list.Select(e => (Entry: e, Score: e.NameStems.Count(named.Contains))).ToList();
            var best = scored.Count == 0 ? 0 : scored.Max(s => s.Score);
            if (best > 0)
            {
                list = scored.Where(s => s.Score == best).Select(s => s.Entry).ToList();
            }
        }
        else if (query.ThemeId is { } themeId && query.EventTypes.Count == 0)
        {
            var themed = list.Where(e => e.Event.ThemeId == themeId).ToList();
            if (themed.Count > 0)
            {
                list = themed;
            }
        }

        return list.Select(e => e.Event).ToList();
    }

    private HashSet<string> ThemeStems(string themeId) =>
        kit.Index.ThemePhrases.Where(p => p.Theme.Id == themeId).SelectMany(p => p.Tokens).Select(Analysis.Analyzer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when one of the theme's names (of those <paramref name="which"/> accepts) is a phrase of the event's title or topic.</summary>
    /// <remarks>With <paramref name="heads"/>, a one-word name the question writes may also start a title word.</remarks>
    private bool NamesTheme(Event e, string themeId, Func<string[], bool> which, bool heads = false)
    {
        var words = Analysis.TextNormalizer.Tokens(e.Title + " " + e.Topic);
        return kit.Index.ThemePhrases.Where(p => p.Theme.Id == themeId && which(p.Tokens)).Any(p => ContainsPhrase(words, p.Tokens) || heads && HeadsCompound(words, p.Tokens));
    }

    /// <summary>The shortest rest of a title word that a one-word theme name heads ("cyber" of "Cyberoefendriehoek").</summary>
    private const int MinCompoundRest = 4;

    /// <summary>
    /// "Welk Leerhuis ging over cyber?": a one-word theme name that starts a longer word of the title ("Leerhuis
    /// Cyberoefendriehoek") names the event as well.
    /// </summary>
    private static bool HeadsCompound(List<string> words, string[] phrase) =>
        phrase is [var head] && words.Exists(w => w.Length >= head.Length + MinCompoundRest && w.StartsWith(head, StringComparison.Ordinal));

    /// <summary>True when the passage at one of the event's own source lines names the theme (one of its names or keywords).</summary>
    private bool DescribesTheme(Event e, string themeId)
    {
        var passages = kit.Index.Passages;
        foreach (var source in e.Sources)
        {
            var file = Path.GetFileName(source.File);
            var own = passages.LastOrDefault(p => p.Passage.Source.File.EndsWith(file, StringComparison.Ordinal) && p.Passage.Source.Line <= source.Line);
            if (own is null)
            {
                continue;
            }

            var words = Analysis.TextNormalizer.Tokens(own.Text);
            if (kit.Index.ThemePhrases.Any(p => p.Theme.Id == themeId && ContainsPhrase(words, p.Tokens)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPhrase(List<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var k = 0;
            while (k < phrase.Length && words[i + k] == phrase[k])
            {
                k++;
            }

            if (k == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stems of the question that name an event ("criminele uitbuiting", "femicide").</summary>
    public HashSet<string> NameStems(Query query)
    {
        var generic = kit.Index.Search is null ? [] : GenericWords();
        return query.Terms.Where(t => !generic.Contains(t.Text) && kit.Index.EventNameStems.Contains(t.Stem)).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
    }

    private HashSet<string>? _generic;

    private HashSet<string> GenericWords() => _generic ??= [.. kit.Words.Events.DetailWords, .. kit.Words.Events.FacetWords, .. kit.Words.Events.AgendaWords, .. kit.Words.Themes.ActivityWords,
        .. kit.Words.Events.EventTypes.Values.SelectMany(v => v), .. kit.Words.Events.SeasonTitles.Values.SelectMany(v => v)];

    public static bool IsUpcoming(Event e, DateOnly today) =>
        e.Date is { } date ? date >= today
        : e.Month is { } month ? e.Year > today.Year || e.Year == today.Year && month >= today.Month
        : e.Year >= today.Year;

    public static bool InRange(Event e, DateRange range)
    {
        if (e.Date is { } date)
        {
            return range.Contains(date);
        }

        var from = new DateOnly(e.Year, e.Month ?? 1, 1);
        var to = e.Month is null ? new DateOnly(e.Year, 12, 31) : from.AddMonths(1).AddDays(-1);
        return from <= range.To && to >= range.From;
    }

    /// <summary>"op maandag 23 maart 2026", "op donderdag 1 oktober 2026, 's ochtends", "in maart 2026", "in 2026".</summary>
    public string When(Event e) =>
        e.Date is { } date && e.Time is { } time
            ? kit.Texts.Format("when_day_time", DutchFormat.LongDate(date), time.Any(char.IsDigit) ? kit.Texts.Format("time_hours", time) : time)
        : e.Date is { } day ? kit.Texts.Format("when_day", DutchFormat.LongDate(day))
        : e.Month is not null ? kit.Texts.Format("when_month", DutchFormat.When(e))
        : kit.Texts.Format("when_year", DutchFormat.When(e));

    /// <summary>What the reports say about the event: held, cancelled, planned, or planned but never reported back.</summary>
    public string Status(Event e, DateOnly today) => e.Status switch
    {
        EventStatus.Cancelled => kit.Texts["event_cancelled"],
        _ when IsUpcoming(e, today) => kit.Texts["event_planned"],
        EventStatus.Held => kit.Texts["event_held"],
        _ => kit.Texts["event_not_reported"],
    };

    /// <summary>"Leerhuis Criminele Uitbuiting", "het Leerhuis", or the title with its topic.</summary>
    public static string Name(Event e) =>
        e.Topic is { Length: > 0 } topic && !e.Title.Contains(topic, StringComparison.OrdinalIgnoreCase) ? $"{e.Title} ‘{topic}’" : e.Title;

    public string Label(EventType type, bool plural = false) => kit.Texts[(plural ? "types_" : "type_") + type];

    public string LabelOf(Query query, bool plural = false) =>
        query.EventTypes.Count == 1 ? Label(query.EventTypes[0], plural) : kit.Texts[plural ? "types_any" : "type_any"];

    public IEnumerable<FactSource> Sources(IEnumerable<Event> events) =>
        events.SelectMany(e => e.Sources).Select(s => kit.SourceOf(s, kit.Texts["events_title"])).OfType<FactSource>().Distinct();

    public Reply Reply(Query query, Intent intent, string lead, IReadOnlyList<Event> events, bool answered = true, IReadOnlyList<Fact>? items = null, bool hasMore = false)
    {
        var shown = events.Take(AnswerKit.MaxItems).ToList();
        var year = shown.Count > 0 ? shown[0].Year : query.Today.Year;
        var suggestions = new List<string>();
        suggestions.Add(kit.Texts["suggest_next_leerhuis"]);
        suggestions.Add(kit.Texts.Format("suggest_leerhuizen_year", year));
        suggestions.Add(kit.Texts["suggest_agenda"]);
        return new Reply
        {
            Intent = intent,
            Template = "events",
            Title = kit.Texts["events_title"],
            Lead = lead,
            Events = shown,
            Items = items ?? [],
            HasMore = hasMore || events.Count > AnswerKit.MaxItems,
            More = kit.Texts["suggest_more"],
            Sources = Sources(shown).ToList(),
            Answered = answered,
            Suggestions = suggestions,
            Context = kit.ContextOf(query, intent, eventId: shown.Count == 1 ? shown[0].Id : null),
        };
    }

    private const int BlockBack = 8;
    private const int BlockForward = 10;
    private const int HeadingWords = 8;
    private readonly Dictionary<string, List<PassageEntry>> _blocks = [];
    private readonly Dictionary<string, IReadOnlyList<Fact>> _news = [];

    /// <summary>
    /// The event's own text: for each place it is mentioned, the passages from the one that names it (a short heading
    /// such as "Najaarscarrousel (oktober)", or the mention itself) up to the next meeting's, within one section and
    /// sub-heading. Another type of meeting or another season's meeting ends the block.
    /// </summary>
    public IReadOnlyList<PassageEntry> Block(Event e)
    {
        lock (_blocks)
        {
            if (_blocks.TryGetValue(e.Id, out var cached))
            {
                return cached;
            }
        }

        var passages = kit.Index.Passages;
        var result = new List<PassageEntry>();
        foreach (var source in e.Sources)
        {
            var at = -1;
            for (var i = 0; i < passages.Count; i++)
            {
                var p = passages[i].Passage;
                if (p.Source.File.EndsWith(Path.GetFileName(source.File), StringComparison.Ordinal) && p.Source.Line <= source.Line)
                {
                    at = i;
                }
            }

            while (at > 0 && passages[at].Text.Length == 0 && SameBlockPlace(passages[at - 1], passages[at]))
            {
                at--;
            }

            if (at < 0 || passages[at].Text.Length == 0)
            {
                continue;
            }

            var start = passages[at];
            var from = at;
            if (!(Names(start, e) && IsHeading(start)))
            {
                for (var i = at - 1; i >= 0 && at - i <= BlockBack; i--)
                {
                    var p = passages[i];
                    if (!SameBlockPlace(p, start) || NamesOther(p, e))
                    {
                        break;
                    }

                    if (p.Text.Length == 0)
                    {
                        continue;
                    }

                    if (Names(p, e))
                    {
                        from = i;
                        if (IsHeading(p))
                        {
                            break;
                        }
                    }
                }
            }

            var to = at;
            for (var i = at + 1; i < passages.Count && i - at <= BlockForward; i++)
            {
                var p = passages[i];
                if (!SameBlockPlace(p, start) || NamesOther(p, e) || p.Text.Length > 0 && IsHeading(p) && !p.Passage.IsBullet && NamesAny(p))
                {
                    break;
                }

                to = i;
            }

            for (var i = from; i <= to; i++)
            {
                if (passages[i].Text.Length > 0 && !result.Contains(passages[i]))
                {
                    result.Add(passages[i]);
                }
            }
        }

        lock (_blocks)
        {
            _blocks[e.Id] = result;
        }

        return result;
    }

    private static bool SameBlockPlace(PassageEntry p, PassageEntry start) =>
        p.Passage.ReportId == start.Passage.ReportId && p.Passage.Section == start.Passage.Section && p.Passage.Heading == start.Passage.Heading;

    private static bool IsHeading(PassageEntry p) => Indexes.Sentences.WordCount(p.Text) <= HeadingWords;

    private HashSet<string> TypeWords(EventType type) =>
        kit.Words.Events.EventTypes.TryGetValue(type.ToString(), out var words) ? words.ToHashSet(StringComparer.Ordinal) : [];

    private bool NamesAny(PassageEntry p)
    {
        return Analysis.TextNormalizer.Tokens(p.Text).Any(kit.Words.Events.TypeWords.Contains);
    }

    /// <summary>The passage names the event: a word of its type or of its title.</summary>
    private bool Names(PassageEntry p, Event e)
    {
        var own = TypeWords(e.Type);
        var title = Analysis.TextNormalizer.Tokens(e.Title).Where(w => w.Length > 3).ToHashSet(StringComparer.Ordinal);
        return Analysis.TextNormalizer.Tokens(p.Text).Any(t => own.Contains(t) || title.Contains(t));
    }

    /// <summary>The passage names another kind of meeting, or a meeting of another season than the event's title.</summary>
    private bool NamesOther(PassageEntry p, Event e)
    {
        var own = TypeWords(e.Type);
        var others = kit.Words.Events.EventTypes.Where(kv => kv.Key != e.Type.ToString()).SelectMany(kv => kv.Value).Where(w => !own.Contains(w));
        var title = Analysis.TextNormalizer.Tokens(e.Title);
        var otherSeasons = kit.Words.Events.SeasonTitles.Where(kv => !kv.Value.Any(title.Contains)).SelectMany(kv => kv.Value);
        var seasonTitled = kit.Words.Events.SeasonTitles.Values.Any(v => v.Any(title.Contains));
        var tokens = Analysis.TextNormalizer.Tokens(p.Text).ToHashSet(StringComparer.Ordinal);
        return others.Any(tokens.Contains) || seasonTitled && otherSeasons.Any(tokens.Contains);
    }

    /// <summary>The part of the event's content the question asks for, if any (the first facet of events.yaml whose words it uses).</summary>
    public EventFacet? Facet(Query query)
    {
        var words = query.Text.Tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        // "waar ging dat over dan?": filler words after it ("dan", "nou", "eigenlijk") leave "over" the question's last word.
        var fillers = kit.Words.Language.DefinitionFillers;
        var last = query.Text.Tokens.LastOrDefault(t => !fillers.Contains(t.Text))?.Text ?? "";
        var text = " " + string.Join(' ', query.Text.Tokens.Select(t => t.Text)) + " ";
        return kit.Words.Events.Facets.FirstOrDefault(f => f.Asked.Overlaps(words) || f.AskedLast.Contains(last)
            || f.AskedPhrases.Exists(p => text.Contains(" " + string.Join(' ', Analysis.TextNormalizer.PhraseTokens(p)) + " ", StringComparison.Ordinal)));
    }

    /// <summary>"X is op ...", "X was op ...", "X stond gepland op ...; niet teruggemeld", "X is niet doorgegaan": by its status.</summary>
    public string SingleLead(Event e, DateOnly today)
    {
        var key = e.Status == EventStatus.Cancelled ? "event_single_cancelled"
            : IsUpcoming(e, today) ? "event_single_future"
            : e.Status == EventStatus.Held ? "event_single_past" : "event_single_unreported";
        return kit.Texts.Format(key, Name(e), When(e));
    }

    /// <summary>The event went ahead or is still to come, as far as the reports say: a "ja" may precede it.</summary>
    public static bool WentOrComes(Event e, DateOnly today) => e.Status != EventStatus.Cancelled && (IsUpcoming(e, today) || e.Status == EventStatus.Held);

    /// <summary>
    /// What the reports say after a meeting that was planned and never reported as held: the report of its year that
    /// names its kind and its month ("In oktober 2024 heeft de VAR als voorproefje op de ... conferentie een webinar
    /// georganiseerd"), and the next meeting of its kind.
    /// </summary>
    /// <summary>
    /// An event known only by its year ("Leerhuis PVG, 2021"): the sentence at its own source line that places it finer in
    /// time ("vindt naar verwachting plaats in het 4e kwartaal"), when the report has one.
    /// </summary>
    /// <summary>
    /// The sentences of the news items that announce or recap the event (their <c>event:</c> link): staff write there what
    /// the reports do not ("Burgemeesters, wethouders en hun adviseurs ontvangen een persoonlijke uitnodiging.").
    /// </summary>
    public IReadOnlyList<Fact> NewsSentences(Event e)
    {
        lock (_news)
        {
            if (_news.TryGetValue(e.Id, out var cached))
            {
                return cached;
            }
        }

        var facts = kit.Model.News.Where(n => n.EventId == e.Id).OrderBy(n => n.Date)
            .SelectMany(n => Markdig.Markdown.ToPlainText(n.BodyMarkdown).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Aggregate(new List<string>(), Paragraphs)
                .SelectMany(Indexes.Sentences.Split)
                .Where(sentence => !AboutAnotherYear(sentence, e.Year))
                .Select(sentence => new Fact(sentence, new FactSource(kit.Texts.Format("news_source", DutchFormat.Date(n.Date)), n.Title, n.Source))))
            .ToList();
        lock (_news)
        {
            _news[e.Id] = facts;
        }

        return facts;

        // The body's lines as paragraphs: a line that does not end a sentence continues on the next.
        static List<string> Paragraphs(List<string> paragraphs, string line)
        {
            if (paragraphs.Count > 0 && paragraphs[^1] is { Length: > 0 } last && last[^1] is not ('.' or '!' or '?' or ':'))
            {
                paragraphs[^1] = last + " " + line;
            }
            else
            {
                paragraphs.Add(line);
            }

            return paragraphs;
        }
    }

    /// <summary>
    /// "Vorig jaar stond het Leerhuis van november in het teken van ...", "De Voorjaarscarrousel van 23 februari 2017 ...": a
    /// sentence dated in another year than the meeting's is about another meeting.
    /// </summary>
    public bool AboutAnotherYear(string sentence, int year)
    {
        var tokens = Analysis.TextNormalizer.Tokens(sentence);
        var padded = " " + string.Join(' ', tokens) + " ";
        return tokens.Exists(t => t.Length == 4 && int.TryParse(t, out var y) && y is >= 1990 and <= 2099 && y != year)
            || kit.Words.Time.RelativeYears.Any(r => r.Value != 0 && padded.Contains(" " + r.Key + " ", StringComparison.Ordinal));
    }

    public List<Fact> FinerTime(Event e)
    {
        if (e.Date is not null || e.Month is not null)
        {
            return [];
        }

        var time = kit.Words.Time;
        var words = new HashSet<string>([.. kit.Words.Language.Months, .. time.Seasons.Keys.Where(k => !k.Contains(' ', StringComparison.Ordinal)), .. time.TextTimeWords], StringComparer.Ordinal);
        var facts = new List<Fact>();
        foreach (var source in e.Sources)
        {
            // The passage that holds the source line: the last one of that file starting at or before it.
            var entry = kit.Index.Passages.LastOrDefault(p => p.Passage.Source.Line <= source.Line && p.Passage.Source.File.EndsWith(Path.GetFileName(source.File), StringComparison.Ordinal));
            if (entry is null)
            {
                continue;
            }

            var sentence = Indexes.Sentences.Split(entry.Text).FirstOrDefault(x => Analysis.TextNormalizer.Tokens(x).Exists(words.Contains));
            if (sentence is not null)
            {
                facts.Add(new Fact(sentence, kit.SourceOf(entry)));
                break;
            }
        }

        return facts;
    }

    /// <summary>
    /// A plan that the report on its own year does not confirm: announced in an earlier jaarplan ("14 oktober 2024"),
    /// while the report on that year is known and names the meeting nowhere (it moved or did not take place).
    /// </summary>
    public bool Unconfirmed(Event e) => e.Status == EventStatus.Planned && kit.Model.Reports.Any(r => r.ReportYear == e.Year)
        && !e.Sources.Any(s => kit.Index.ReportOf(s)?.ReportYear == e.Year);

    public List<Fact> Aftermath(Event e, DateOnly today)
    {
        var facts = new List<Fact>();
        if (IsUpcoming(e, today) || e.Status != EventStatus.Planned)
        {
            return facts;
        }

        var typeWords = TypeWords(e.Type);
        var own = Analysis.TextNormalizer.Tokens(e.Title).Where(typeWords.Contains).ToList();
        var month = (e.Date?.Month ?? e.Month) is { } m && m <= kit.Words.Language.Months.Count ? kit.Words.Language.Months[m - 1] : null;
        if (own.Count > 0 && month is not null)
        {
            var sources = e.Sources.ToHashSet();
            foreach (var entry in kit.Index.Passages.Where(p => p.Passage.Kind == PassageKind.Done && p.Passage.Year == e.Year && p.Text.Length > 0 && !sources.Contains(p.Passage.Source)))
            {
                foreach (var sentence in Indexes.Sentences.Split(entry.Text))
                {
                    var words = Analysis.TextNormalizer.Tokens(sentence);
                    if (words.Contains(month) && words.Exists(own.Contains))
                    {
                        facts.Add(new Fact(sentence, kit.SourceOf(entry)));
                    }
                }
            }
        }

        var at = KnowledgeIndex.SortDate(e);
        if (kit.Index.Events.Select(x => x.Event).FirstOrDefault(x => x.Type == e.Type && x.Status != EventStatus.Cancelled && KnowledgeIndex.SortDate(x) > at) is { } next)
        {
            facts.Add(new Fact(kit.Texts.Format("event_next_after", Name(next), When(next)), Sources([next]).FirstOrDefault() ?? new FactSource("", "", null)));
        }

        return facts;
    }
}

/// <summary>"Is er vandaag een Leerhuis?", "morgen iets van de VAR?": the events on one day, or the next one after it.</summary>
internal sealed class EventDayAnswerer(AnswerKit kit, EventFinder finder) : IAnswerer
{
    /// <summary>How long ago a meeting named by day and month alone may be to be the one meant.</summary>
    private const int RecentDays = 60;

    public Intent Intent => Intent.EventDay;

    public Reply Answer(Query query)
    {
        var day = query.Range!.From;
        var candidates = finder.Candidates(query);
        var onDay = candidates.Where(e => e.Date == day).ToList();
        if (onDay.Count == 0 && query.RangeYearImplied && day.AddYears(-1) is var lastYear && lastYear < query.Today && lastYear.AddDays(RecentDays) >= query.Today
            && candidates.Where(e => e.Date == lastYear).ToList() is { Count: > 0 } recent)
        {
            // "het Leerhuis van 16 november", asked on 7 December: a day without a year that names a meeting of the last
            // weeks is that meeting, not the same day next year.
            (day, onDay) = (lastYear, recent);
        }

        var dayWord = query.DayWord is { } word ? $"{word} ({DutchFormat.Date(day)})" : kit.Texts.Format("when_day", DutchFormat.Date(day));
        var label = finder.LabelOf(query);
        if (onDay.Count > 0)
        {
            var e = onDay[0];
            var key = day < query.Today ? "event_day_yes_past" : "event_day_yes";
            // A past meeting no report confirms is said as planned, not as held.
            var said = day < query.Today && e.Status != EventStatus.Held ? finder.SingleLead(e, query.Today) : kit.Texts.Format(key, dayWord, EventFinder.Name(e));
            return finder.Reply(query, Intent, said, onDay);
        }

        var next = candidates.Where(e => EventFinder.IsUpcoming(e, day) && e.Status != EventStatus.Cancelled && (e.Date is null || e.Date > day)).ToList();
        var lead = kit.Texts.Format(day < query.Today ? "event_day_no_past" : "event_day_no", dayWord, label);
        if (next.Count > 0)
        {
            lead += " " + kit.Texts.Format("event_next_after", EventFinder.Name(next[0]), finder.When(next[0]));
        }

        return finder.Reply(query, Intent, lead, next.Take(1).ToList());
    }
}

/// <summary>"Welke Leerhuizen zijn er in 2025?", "wat staat er na de zomer op de agenda?": the events in a period.</summary>
internal sealed class EventListAnswerer(AnswerKit kit, EventFinder finder, SearchAnswerer search) : IAnswerer
{
    public Intent Intent => Intent.EventList;

    /// <summary>The longest period (in days) in which a meeting dated only by its year gives way to dated ones: a month.</summary>
    private const int MonthDays = 31;

    public Reply Answer(Query query)
    {
        var candidates = finder.Candidates(query);
        var range = query.Range;
        var years = query.Years;
        IEnumerable<Event> inPeriod = candidates;
        if (range is not null)
        {
            inPeriod = inPeriod.Where(e => EventFinder.InRange(e, range));
            // "Wat staat er in maart op de agenda?": a meeting the reports date only by its year may fall in any month;
            // beside meetings dated in the month it is no answer (alone it still is the best the reports tell).
            var dated = inPeriod.Where(e => e.Month is not null || e.Date is not null).ToList();
            if (dated.Count > 0 && range.To.DayNumber - range.From.DayNumber < MonthDays)
            {
                inPeriod = dated;
            }
        }
        else if (years.Count > 0)
        {
            inPeriod = inPeriod.Where(e => years.Contains(e.Year));
        }
        else
        {
            inPeriod = inPeriod.Where(e => e.Year == query.Today.Year);
        }

        if (query.Has(Signals.Next))
        {
            inPeriod = inPeriod.Where(e => EventFinder.IsUpcoming(e, query.Today));
        }

        var list = inPeriod.ToList();
        var period = range is not null ? kit.Period(range) : kit.Texts.Format("when_year", years.Count > 0 ? string.Join(" en ", years) : query.Today.Year);
        var label = finder.LabelOf(query);
        var plural = finder.LabelOf(query, plural: true);
        if (list.Count == 0 && years.Count == 1 && range is null && query.EventTypes.Count == 1 && PlannedInText(query, years[0]) is { } planned)
        {
            // "Komt er dit jaar een veiligheidsconferentie?": no dated event, but the year's plan writes about one.
            return planned;
        }

        if (list.Count == 0)
        {
            var lead = kit.Texts.Format(query.Has(Signals.YesNo) ? "event_list_none_no" : "event_list_none", label, period);
            var end = range?.To ?? new DateOnly(years.Count > 0 ? years.Max() : query.Today.Year, 12, 31);
            var begin = range?.From ?? new DateOnly(years.Count > 0 ? years.Min() : query.Today.Year, 1, 1);
            if (candidates.LastOrDefault(e => KnowledgeIndex.SortDate(e) < begin && e.Status != EventStatus.Cancelled) is { } before && query.Has(Signals.YesNo))
            {
                lead += " " + kit.Texts.Format("event_before_period", EventFinder.Name(before), finder.When(before));
            }

            var after = candidates.FirstOrDefault(e => KnowledgeIndex.SortDate(e) > end && EventFinder.IsUpcoming(e, query.Today) && e.Status != EventStatus.Cancelled);
            if (after is not null)
            {
                lead += " " + kit.Texts.Format("event_next_after", EventFinder.Name(after), finder.When(after));
            }

            var reply = finder.Reply(query, Intent, lead, after is null ? [] : [after], answered: after is not null);
            return reply with { Answered = false };
        }

        var shown = list.Skip(query.Skip).ToList();
        if (shown.Count == 0)
        {
            return kit.NotFound(query, Intent, kit.Texts["more_none"]);
        }

        string text;
        if (list.Count == 1)
        {
            var e = list[0];
            text = finder.SingleLead(e, query.Today);
        }
        else
        {
            text = kit.Texts.Format("event_list", AnswerKit.Capital(period), kit.NumberWord(list.Count), plural);
        }

        // "Ja" only for a meeting that went ahead or is still to come: never "ja" next to "niet teruggemeld".
        if (query.Has(Signals.YesNo) && (list.Count > 1 || EventFinder.WentOrComes(list[0], query.Today)))
        {
            text = kit.Texts.Format("yes", text);
        }

        return finder.Reply(query, Intent, text, shown, hasMore: shown.Count > AnswerKit.MaxItems);
    }

    /// <summary>
    /// The plan of the asked year that writes about an event of the asked type without a date the model could read
    /// ("dit najaar de tweejaarlijkse veiligheidsconferentie"): that passage's answer, or null.
    /// </summary>
    private Reply? PlannedInText(Query query, int year)
    {
        var spellings = kit.Words.Events.EventTypes.TryGetValue(query.EventTypes[0].ToString(), out var list) ? list.ToHashSet(StringComparer.Ordinal) : [];
        if (spellings.Count == 0)
        {
            return null;
        }

        var found = search.Answer(query, Intent, requireNumber: false, partialAllowed: false,
            restrict: p => p.Passage.Kind == PassageKind.Planned && p.Passage.Year == year && p.Analysed.Tokens.Any(t => spellings.Contains(t.Text)));
        return found is { Answered: true } ? found : null;
    }
}

/// <summary>
/// "Wanneer is het volgende Leerhuis?", "het laatste leerhuis van dit jaar", "het Leerhuis over femicide": one event by
/// its position (next, previous, first, last, n-th) or its name.
/// </summary>
internal sealed class EventNextAnswerer(AnswerKit kit, EventFinder finder) : IAnswerer
{
    public Intent Intent => Intent.EventNext;

    public Reply Answer(Query query)
    {
        var today = query.Today;
        if (query.Has(Signals.Next) && query.Has(Signals.RelativeDay) && query.Range is { IsDay: true } day && day.From <= today)
        {
            // "Gisteren gemist, wanneer is de volgende?": the day is only where the user stands; the next one is asked.
            query = query with { Range = null, Years = [] };
        }

        if (query.EventId is { } afterId && kit.Model.Events.FirstOrDefault(e => e.Id == afterId) is { } anchor && query.HasAny(Signals.After | Signals.Before)
            && !query.HasAny(Signals.Previous | Signals.First | Signals.Last | Signals.Ordinal))
        {
            // "en die daarna?", "komt er daarna dit jaar nog een Leerhuis?": the event of the same kind after (or before)
            // the one just answered, within the period the question names.
            // A meeting known only by its month or year is after (before) the anchor only when all of that period is.
            var after = query.Has(Signals.After);
            var same = finder.Candidates(query with { EventId = null }).Where(e => e.Id != afterId && e.Status != EventStatus.Cancelled)
                .Where(e => query.Range is { } r ? EventFinder.InRange(e, r) : query.Years.Count == 0 || query.Years.Contains(e.Year)).ToList();
            var neighbour = after ? same.FirstOrDefault(e => Earliest(e) > KnowledgeIndex.SortDate(anchor)) : same.LastOrDefault(e => KnowledgeIndex.SortDate(e) < Earliest(anchor));
            var later = same.Where(e => Earliest(e) > KnowledgeIndex.SortDate(anchor)).ToList();
            if (!after && query.Has(Signals.Agenda) && query.Has(Signals.Next))
            {
                // "Staat er daarvoor nog iets op de agenda?": every meeting still to come before it, of any kind.
                var between = kit.Model.Events.Where(e => e.Id != afterId && e.Status != EventStatus.Cancelled && Earliest(e) >= today
                    && KnowledgeIndex.SortDate(e) < Earliest(anchor)).OrderBy(KnowledgeIndex.SortDate).ToList();
                if (between.Count > 0)
                {
                    return finder.Reply(query, Intent, kit.Texts.Format("event_agenda_before_anchor", EventFinder.Name(anchor), finder.When(anchor)), between);
                }
            }

            if (after && query.Has(Signals.Agenda) && later.Count > 1 && (query.Has(Signals.Plural) || !query.Text.Tokens.Any(t => kit.Words.Events.SingleAgendaWords.Contains(t.Text))))
            {
                // "Wat staat er daarna nog op de agenda dit jaar?": every meeting after it in the period, of any kind ("welke
                // bijeenkomst komt er daarna?" asks the one right after it).
                return finder.Reply(query, Intent, kit.Texts.Format("event_agenda_after_anchor", EventFinder.Name(anchor), finder.When(anchor)), later);
            }

            if (neighbour is not null)
            {
                return Single(query, neighbour);
            }

            var period = query.Range is { } range ? kit.Period(range) + " " : query.Years.Count > 0 ? kit.Texts.Format("when_year", query.Years[0]) + " " : "";
            var none = kit.Texts.Format(after ? "event_none_after_anchor" : "event_none_before_anchor", EventFinder.Name(anchor), finder.When(anchor), period, finder.Label(anchor.Type));
            return finder.Reply(query, Intent, none, [anchor], answered: false);
        }

        // The event just answered stays the one asked about when the question names no other period than its own
        // ("..., en hoeveel workshops waren er?" after "de veiligheidsconferentie van 2017").
        if (query.EventId is { } id && kit.Model.Events.FirstOrDefault(e => e.Id == id) is { } followed
            && (query.Years.Count == 0 || query.Years.Count == 1 && query.Years[0] == followed.Year) && (query.Range is null || EventFinder.InRange(followed, query.Range))
            && !query.HasAny(Signals.Next | Signals.Previous | Signals.First | Signals.Last | Signals.Ordinal))
        {
            return Single(query, followed);
        }

        var candidates = finder.Candidates(query);
        var label = finder.LabelOf(query);
        if (candidates.Count == 0)
        {
            return kit.NotFound(query, Intent, kit.Texts.Format("event_none", label));
        }

        var named = finder.NameStems(query).Count > 0 || query.TitleSeason is not null && query.EventTypes.Count > 0;
        var year = query.Year;
        // "het laatste Leerhuis" alone is the most recent one; "het laatste Leerhuis van dit jaar" the last of that year.
        var position = query.Ordinal is not null || query.Has(Signals.First) || query.Has(Signals.Last) && (year is not null || query.Range is not null);
        if (position)
        {
            var inYear = candidates.Where(e => e.Year == (year ?? today.Year) && e.Status != EventStatus.Cancelled).ToList();
            if (inYear.Count == 0 && year is null && query.Range is null && query.Ordinal is null && query.Has(Signals.First)
                && candidates.FirstOrDefault(e => e.Status != EventStatus.Cancelled) is { } earliest)
            {
                // "waar was de eerste regionale veiligheidsconferentie?": none this year, so the first the reports know.
                return Single(query, earliest);
            }

            if (inYear.Count == 0)
            {
                return kit.NotFound(query, Intent, kit.Texts.Format("event_list_none", label, kit.Texts.Format("when_year", year ?? today.Year)));
            }

            var n = query.Has(Signals.Last) ? inYear.Count : query.Ordinal ?? 1;
            if (n > inYear.Count)
            {
                return kit.NotFound(query, Intent, kit.Texts.Format("event_list_none", label, kit.Texts.Format("when_year", year ?? today.Year)));
            }

            if (query.Has(Signals.YesNo) && query.Range is { } asked && inYear.FirstOrDefault(e => EventFinder.InRange(e, asked)) is { } meant)
            {
                // "Is het Leerhuis in november het laatste van dit jaar?": that meeting against the one at the position.
                return Position(query, meant, inYear[n - 1], query.Has(Signals.Last) ? kit.Texts["position_last"] : OrdinalWord(n), year ?? today.Year);
            }

            return Single(query, inYear[n - 1]);
        }

        if (year is not null || query.Range is not null)
        {
            var inPeriod = candidates.Where(e => query.Range is { } r ? EventFinder.InRange(e, r) : e.Year == year).ToList();
            if (inPeriod.Count == 0 && query.EventTypes.Count > 0 && finder.NameStems(query) is { Count: > 0 } inherited
                && !query.Text.Tokens.Any(t => inherited.Contains(t.Stem)))
            {
                // "leerhuis navo wanneer - en in juli 2026": the name came with the meeting just answered, which was not in
                // the period the question names; the meeting of its kind in that period answers.
                var unnamed = query with { EventId = null, Terms = [.. query.Terms.Where(t => !inherited.Contains(t.Stem))], Signals = query.Signals & ~Signals.EventNamed };
                var ofKind = finder.Candidates(unnamed).Where(e => query.Range is { } r ? EventFinder.InRange(e, r) : e.Year == year).ToList();
                if (ofKind.Count > 0)
                {
                    query = unnamed;
                    inPeriod = ofKind;
                }
            }

            if (inPeriod.Count > 0)
            {
                if (query.Has(Signals.ThemeAsked) && !query.Has(Signals.Next) && string.IsNullOrWhiteSpace(inPeriod[0].Topic)
                    && inPeriod.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.Topic)) is { } themed)
                {
                    // "Staat er dit jaar al een thema vast voor een van de Leerhuizen?": the one of the period whose theme is known.
                    return Single(query, themed);
                }

                if (query.Has(Signals.Next))
                {
                    inPeriod = inPeriod.Where(e => EventFinder.IsUpcoming(e, today)).DefaultIfEmpty(inPeriod[^1]).ToList();
                }

                return Single(query, inPeriod[0]);
            }

            var period = query.Range is { } range ? kit.Period(range) : kit.Texts.Format("when_year", year);
            var none = kit.Texts.Format("event_list_none", label, period);
            return kit.NotFound(query, Intent, none);
        }

        var upcoming = candidates.Where(e => EventFinder.IsUpcoming(e, today) && e.Status != EventStatus.Cancelled).ToList();
        // A plan the report on its year does not confirm gives way to a meeting that report does name.
        var confirmed = upcoming.Where(e => !finder.Unconfirmed(e)).ToList();
        upcoming = confirmed.Count > 0 ? confirmed : upcoming;
        var past = candidates.Where(e => !EventFinder.IsUpcoming(e, today)).ToList();
        // "wanneer is de volgende najaarscarrousel?" with none ahead: not the last one as if it were next, but that none is known.
        if ((query.Has(Signals.Previous) || query.Has(Signals.Past) && !query.Has(Signals.Next) || named && upcoming.Count == 0 && !query.Has(Signals.Next)) && past.Count > 0)
        {
            return Single(query, past[^1]);
        }

        if (upcoming.Count > 0)
        {
            var first = upcoming[0];
            var lead = query.EventTypes.Count == 1 && !named
                ? kit.Texts.Format("event_next_" + Article(query.EventTypes[0]), label, finder.When(first))
                : kit.Texts.Format("event_next_any", EventFinder.Name(first), finder.When(first));
            if (query.EventTypes.Count == 1 && !named && first.Title != label && !string.Equals(first.Title, label, StringComparison.OrdinalIgnoreCase))
            {
                lead = kit.Texts.Format("event_single_future", EventFinder.Name(first), finder.When(first));
            }

            // "het volgende Leerhuis", "het eerstvolgende op de agenda" is that one meeting (the suggestions offer the year's
            // list); "welke Leerhuizen staan er nog gepland?", "wat staat er nog op de agenda?" ask the list.
            var list = query.Has(Signals.Plural) || query.EventTypes.Count == 0 && !named && !query.Text.Tokens.Any(t => kit.Words.Time.SingleNextWords.Contains(t.Text));
            return list ? finder.Reply(query, Intent, lead, upcoming) : finder.Reply(query, Intent, lead, [first], items: [.. finder.FinerTime(first)]);
        }

        var last = past.LastOrDefault();
        var noneLead = kit.Texts.Format("event_none_after_" + (query.EventTypes.Count == 1 ? Article(query.EventTypes[0]) : "de"), label, DutchFormat.Date(today));
        if (last is not null)
        {
            noneLead += " " + kit.Texts.Format("event_last_known", EventFinder.Name(last), finder.When(last));
        }

        return finder.Reply(query, Intent, noneLead, last is null ? [] : [last], answered: false);
    }

    private static DateOnly Earliest(Event e) => e.Date ?? new DateOnly(e.Year, e.Month ?? 1, 1);

    private Reply Single(Query query, Event e) => finder.Reply(query, Intent, finder.SingleLead(e, query.Today), [e], items: [.. finder.FinerTime(e), .. finder.Aftermath(e, query.Today)]);

    /// <summary>"Ja, Leerhuis (op maandag 16 november 2026) is het laatste Leerhuis van 2026." or "Nee, ... is niet ...; dat is op ...".</summary>
    private Reply Position(Query query, Event meant, Event atPosition, string position, int year)
    {
        var article = Article(meant.Type);
        var label = finder.Label(meant.Type);
        var lead = meant.Id == atPosition.Id
            ? kit.Texts.Format("event_position_yes", EventFinder.Name(meant), finder.When(meant), article, position, label, year)
            : kit.Texts.Format("event_position_no", EventFinder.Name(meant), finder.When(meant), article, position, label, year, finder.When(atPosition));
        return finder.Reply(query, Intent, lead, meant.Id == atPosition.Id ? [meant] : [meant, atPosition]);
    }

    private string OrdinalWord(int n) => kit.Words.Language.Ordinals.FirstOrDefault(o => o.Value == n).Key ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Article(EventType type) => kit.Texts.Has("article_" + type) ? kit.Texts["article_" + type] : "de";
}

/// <summary>"Waar ging het Leerhuis van juli vorig jaar over?", "hoeveel deelnemers waren er?": an event and what the reports say about it.</summary>
internal sealed class EventDetailAnswerer(AnswerKit kit, EventFinder finder, EventNextAnswerer next, SearchAnswerer search) : IAnswerer
{
    private const int LinesBefore = 3;
    private const int LinesAfter = 12;

    /// <summary>
    /// "Voor wie zijn de Leerhuizen eigenlijk bedoeld?": a part of the content (not the topic, place or status) asked of a
    /// kind of meeting in the plural, without a year or a position, is asked of the kind as a whole: the reports' sentence
    /// about that kind answers ("De Leerhuizen zijn primair bedoeld voor bestuurders ..."), not one year's meetings.
    /// </summary>
    private Reply? General(Query query)
    {
        if (!query.Has(Signals.Plural) || query.EventTypes.Count == 0 || query.Years.Count > 0 || query.Range is not null
            || query.HasAny(Signals.Next | Signals.Previous | Signals.First | Signals.Last | Signals.EventNamed | Signals.When | Signals.Where | Signals.Count)
            || finder.Facet(query) is not { ByTopic: false, ByPlace: false, ByStatus: false })
        {
            return null;
        }

        var spellings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in query.EventTypes)
        {
            if (kit.Words.Events.EventTypes.TryGetValue(type.ToString(), out var words))
            {
                spellings.UnionWith(words);
            }
        }

        // "voor wie" asks the audience the sentence names, not a person's name.
        var general = search.Answer(query with { Signals = query.Signals & ~Signals.Who }, Intent, requireNumber: false, partialAllowed: false,
            restrict: p => p.Analysed.Tokens.Any(t => spellings.Contains(t.Text)));
        return general is { Answered: true } ? general : null;
    }

    public Intent Intent => Intent.EventDetail;

    public Reply Answer(Query query)
    {
        if (General(query) is { } general)
        {
            return general;
        }

        var basic = next.Answer(query);
        // "Hoe laat is het volgende Leerhuis?": the next one leads the answer (the ones after it follow as bullets).
        var leads = basic is { Answered: true, Events.Count: > 1 } && query.HasAny(Signals.Next | Signals.Previous | Signals.First | Signals.Last);
        if (basic.Events.Count != 1 && !leads)
        {
            var list = new EventListAnswerer(kit, finder, search).Answer(query);
            if (list.Events.Count == 0)
            {
                return search.Answer(query, Intent, requireNumber: false) ?? basic;
            }

            basic = list;
        }

        var e = basic.Events[0];
        var facts = query.HasAny(Signals.When) ? finder.FinerTime(e) : [];
        var facet = finder.Facet(query);
        var facetFacts = facet is null ? [] : FacetFacts(e, facet);
        var aftermath = finder.Aftermath(e, query.Today);
        if (facet is { ByStatus: true })
        {
            facetFacts.AddRange(aftermath);
        }

        var countNoun = query.CountNoun.Where(w => !kit.Index.Analyzer.IsStopword(w) || kit.Words.Events.AttendanceWords.Contains(w)).ToList();
        var countAsked = query.Has(Signals.Count) && countNoun.Count > 0;
        var nounStems = countNoun.Select(Analysis.Analyzer.Stem).SelectMany(x => kit.Index.Analyzer.Synonyms(x).Append(x)).ToHashSet(StringComparer.Ordinal);
        var counted = new List<Fact>();
        if (countAsked)
        {
            // "hoeveel workshops waren er?": the number next to the counted word in the meeting's own text.
            counted = finder.Block(e).SelectMany(entry => Indexes.Sentences.Split(entry.Text).Where(x => search.NumberNear(x, nounStems)).Select(x => new Fact(x, kit.SourceOf(entry)))).Take(1).ToList();
            facetFacts = [.. counted, .. facetFacts];
        }

        if (query.Has(Signals.ThemeAsked) && e.ThemeId is { } eventTheme)
        {
            facts.Add(new Fact(kit.Texts.Format("event_theme", kit.ThemeName(eventTheme)), finder.Sources([e]).FirstOrDefault() ?? new FactSource("", "", null)));
        }

        if (e.Place is { } place)
        {
            facts.Add(new Fact(kit.Texts.Format("event_place", place), finder.Sources([e]).FirstOrDefault() ?? new FactSource("", "", null)));
        }

        // What the reports write about the event: passages at its source lines that hold the asked words.
        var lines = e.Sources.Select(s => (File: Path.GetFileName(s.File), s.Line)).ToList();
        // Near its own source lines every passage is about the event: search with what is asked about it, not its name.
        var typeWords = kit.Words.Events.TypeWords;
        var nameStems = Analysis.TextNormalizer.Tokens(e.Title).Select(Analysis.Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
        var asked = query.Terms.Where(t => !typeWords.Contains(t.Text) && !nameStems.Contains(t.Stem)).ToList();
        var near = search.Answer(query with { Terms = asked.Count > 0 ? asked : query.Terms }, Intent, requireNumber: false,
            restrict: p => lines.Exists(s => p.Passage.Source.File.EndsWith(s.File, StringComparison.Ordinal) && p.Passage.Source.Line - s.Line is >= -LinesBefore and <= LinesAfter),
            partialAllowed: true);
        var nearIsOwn = true;
        if (near is not { Answered: true } && !query.HasAny(Signals.When | Signals.TimeOfDay | Signals.Where))
        {
            // What the question asks may be written elsewhere in the reports ("op de voorjaarscarrousel werd ... getoond").
            var typeSpellings = kit.Words.Events.EventTypes.TryGetValue(e.Type.ToString(), out var spellings) ? spellings.ToHashSet(StringComparer.Ordinal) : [];
            var wide = search.Answer(query, Intent, requireNumber: query.Has(Signals.Count), partialAllowed: false,
                restrict: p => p.Analysed.Tokens.Any(t => typeSpellings.Contains(t.Text)));
            if (wide is { Answered: true })
            {
                near = wide;
                nearIsOwn = !finder.AboutAnotherYear(wide.Lead, e.Year);
            }
        }

        if (facet is not { ByStatus: true })
        {
            facts.AddRange(aftermath);
        }

        var ownFacts = facts.Count;
        if (facetFacts.Count > 0)
        {
            // The asked part of the meeting, from its own text, comes first; what the wider search found follows.
            facts.AddRange(facetFacts);
            if (near is { Answered: true })
            {
                facts.AddRange(new[] { new Fact(near.Lead, near.Sources.FirstOrDefault() ?? new FactSource("", "", null)) }.Concat(near.Items).Where(f => facts.TrueForAll(x => x.Text != f.Text)));
            }
        }
        else if (near is not null)
        {
            facts.AddRange(near.Answered ? [new Fact(near.Lead, near.Sources.FirstOrDefault() ?? new FactSource("", "", null)), .. near.Items] : near.Items);
        }
        else if (query.Has(Signals.Count) && query.CountNoun.Count > 0)
        {
            facts.Add(new Fact(kit.Texts.Format("count_unknown", string.Join(' ', query.CountNoun)), new FactSource("", "", null)));
        }

        var lead = basic.Lead;
        var answered = basic.Answered;
        if (query.Has(Signals.TimeOfDay) && !(e.Time?.Any(char.IsDigit) ?? false) && query.Text.Tokens.Any(t => kit.Words.Events.ClockTimeWords.Contains(t.Text)))
        {
            // "Hoe laat begint de najaarscarrousel?": "'s ochtends" is what the reports say; a clock time they do not give.
            lead = basic.Lead + " " + kit.Texts["time_unknown_exact"];
        }

        if (facetFacts.Count == 0 && query.Has(Signals.ThemeAsked) && string.IsNullOrWhiteSpace(e.Topic) && (near is not { Answered: true } || e.Status != EventStatus.Held)
            && Announcement(e) is { Count: > 0 } announced)
        {
            // "waar gaat die over?" of a planned meeting whose date comes from an agenda table: the jaarplan's sentence that
            // announces that year's one meeting of its kind says what it is about.
            facts.Clear();
            facts.AddRange(announced);
        }
        else if (facetFacts.Count == 0 && query.Has(Signals.ThemeAsked) && string.IsNullOrWhiteSpace(e.Topic) && (near is not { Answered: true } || e.Status != EventStatus.Held))
        {
            facts.Clear();
            // The event is known but its theme is not: say so rather than only repeating its date.
            lead = basic.Lead + " " + kit.Texts["facet_unknown_thema"];
            answered = false;
        }
        else if (countAsked && counted.Count == 0 && !(near is { Answered: true } && nearIsOwn && search.NumberNear(near.Lead, nounStems)))
        {
            // "Hoeveel deelnemers waren er bij het Leerhuis Femicide?": the meeting is known, the number is not (a number in a
            // sentence the wider search found that is dated in another year is not its count).
            lead = basic.Lead + " " + kit.Texts.Format("count_unknown", string.Join(' ', countNoun));
            facts.RemoveRange(ownFacts, facts.Count - ownFacts);
            answered = false;
        }
        else if (facet is not null && facetFacts.Count == 0 && !(near is { Answered: true } && (Holds(near.Lead, facet) || near.Items.Any(i => Holds(i.Text, facet))))
            && !(facet.ByPlace && e.Place is not null)
            && !(facet.ByTopic && !string.IsNullOrWhiteSpace(e.Topic)))
        {
            // The meeting is known but the asked part of it is not in its text: say so plainly.
            lead = basic.Lead + " " + kit.Texts["facet_unknown_" + facet.Name];
            facts.RemoveRange(ownFacts, facts.Count - ownFacts);
            answered = false;
        }

        return basic with
        {
            Intent = Intent,
            Lead = lead,
            Answered = answered,
            Items = AnswerKit.Distinct(facts).Take(AnswerKit.MaxItems).ToList(),
            Sources = [.. basic.Sources, .. near?.Sources ?? [], .. facetFacts.Select(f => f.Source)],
        };
    }

    /// <summary>
    /// "Ook in 2018 wordt weer een carrouselbijeenkomst georganiseerd, waarin ...": the sentence of the jaarplan for the
    /// meeting's year that names its kind (also in a compound) and the year, with the sentence after it, when the meeting is
    /// the only one of its kind that year; empty otherwise.
    /// </summary>
    private List<Fact> Announcement(Event e)
    {
        if (!kit.Words.Events.EventTypes.TryGetValue(e.Type.ToString(), out var spellings) || spellings.Count == 0
            || kit.Index.Events.Count(x => x.Event.Type == e.Type && x.Event.Year == e.Year) != 1)
        {
            return [];
        }

        var kind = spellings[0];
        var year = e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var entry in kit.Index.Passages)
        {
            if (entry.Passage.Kind != PassageKind.Planned || entry.Passage.Year != e.Year || !entry.Analysed.Tokens.Any(t => t.Text.StartsWith(kind, StringComparison.Ordinal)))
            {
                continue;
            }

            var sentences = Indexes.Sentences.Split(entry.Text);
            for (var i = 0; i < sentences.Count; i++)
            {
                if (sentences[i].Contains(year, StringComparison.Ordinal) && Analysis.TextNormalizer.Tokens(sentences[i]).Exists(t => t.StartsWith(kind, StringComparison.Ordinal)))
                {
                    return [.. sentences.Skip(i).Take(2).Where(x => !Indexes.Sentences.IsDebris(x)).Select(x => new Fact(Indexes.Sentences.Shorten(x), kit.SourceOf(entry)))];
                }
            }
        }

        return [];
    }

    /// <summary>
    /// The sentences of the event's own text that hold the asked part: a facet word, a name where the part is a name, a
    /// list lead-in with its items.
    /// </summary>
    private List<Fact> FacetFacts(Event e, EventFacet facet)
    {
        var naming = new List<Fact>();
        var facts = new List<Fact>();
        var listed = 0;
        var title = Analysis.TextNormalizer.Tokens(e.Title).Where(t => !kit.Index.Analyzer.IsStopword(t)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in finder.Block(e))
        {
            var raw = entry.Passage.Text.Trim();
            if (raw.EndsWith(':') && Holds(raw, facet))
            {
                // A list lead-in ("De thema's waren:") with its items, even where short items were merged into it: the
                // list comes before single sentences.
                List<Fact> list = [new Fact(raw, kit.SourceOf(entry)), .. search.ListItems(entry).Select(i => new Fact(i.Passage.Text.Trim(), kit.SourceOf(i)))];
                facts.InsertRange(listed, list);
                listed += list.Count;
                continue;
            }

            foreach (var sentence in Indexes.Sentences.Split(entry.Text).Where(x => Holds(x, facet)))
            {
                // "In oktober volgde de Najaarscarrousel, waarin een workshop werd gegeven over ...": a sentence that names
                // the meeting itself comes before the block's other sentences and lists.
                (Analysis.TextNormalizer.Tokens(sentence).Exists(title.Contains) ? naming : facts).Add(new Fact(sentence, kit.SourceOf(entry)));
            }
        }

        // What a news item about the meeting writes comes after the reports' own text.
        facts.AddRange(finder.NewsSentences(e).Where(f => Holds(f.Text, facet)));
        return [.. AnswerKit.Distinct(naming.Concat(facts)).Take(AnswerKit.MaxItems)];
    }


    /// <summary>The sentence holds the asked part: a word that writes it, a name where it is a name.</summary>
    private bool Holds(string sentence, EventFacet facet)
    {
        var words = Analysis.TextNormalizer.Tokens(sentence);
        return (facet.Text.Count == 0 || words.Exists(facet.Text.Contains))
            && (facet.NameAfter.Count == 0 || NameAfter(sentence, facet.NameAfter))
            && (!facet.NeedsName || search.HasName(sentence));
    }

    /// <summary>"in Dordrecht", "te Alblasserdam": one of the words followed by a name.</summary>
    private bool NameAfter(string sentence, HashSet<string> before)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var j = 0; j + 1 < words.Length; j++)
        {
            var next = words[j + 1].Trim('.', ',', ';', ':', '(', ')');
            if (before.Contains(words[j].ToLowerInvariant()) && next.Length > 1 && char.IsUpper(next[0]) && char.IsLower(next[1]) && kit.IsName(next))
            {
                return true;
            }
        }

        return false;
    }
}
