using VarBot.Answering.Analysis;
using VarBot.Answering.Indexes;
using VarBot.Answering.Understanding;
using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Conversation;

/// <summary>
/// Conversation stage: decides whether a question continues the previous answer and, if so, fills in only the slots it
/// lacks. A question that names its own topic, or asks its own kind of question, starts fresh.
/// </summary>
internal static class FollowUp
{
    /// <summary>Signals that say what kind of answer is wanted.</summary>
    public static readonly Signals AskSignals = Signals.Money | Signals.MoneyOnly | Signals.Compare | Signals.Breakdown | Signals.Share | Signals.Total
        | Signals.When | Signals.Where | Signals.Who | Signals.Count | Signals.Agenda | Signals.ThemeList | Signals.EventDetail
        | Signals.Next | Signals.Previous | Signals.First | Signals.Last | Signals.Done | Signals.Planned | Signals.RoleOnly | Signals.ThemeAsked;

    /// <summary>Signals that say what the question is about.</summary>
    public static readonly Signals TopicSignals = Signals.Theme | Signals.EventType | Signals.EventNamed | Signals.BudgetLine | Signals.Role
        | Signals.Monitoring | Signals.News | Signals.PersonName | Signals.PersonDetail | Signals.OtherOrg | Signals.Content;

    private static readonly Signals OwnAsks = Signals.Money | Signals.Compare | Signals.Breakdown | Signals.Share | Signals.When | Signals.Where
        | Signals.Who | Signals.Count | Signals.Agenda | Signals.ThemeList | Signals.EventDetail;

    private static readonly Signals Positions = Signals.Next | Signals.Previous | Signals.First | Signals.Last;

    private const int ShortQuestion = 6;

    /// <summary>A word in more passages than this (at least <see cref="CommonPassagesMin"/>, else one in <see cref="CommonShare"/>) names no particular line.</summary>
    private const int CommonPassagesMin = 10;
    private const int CommonShare = 40;

    public static bool Continues(Query query, ConversationContext? previous, KnowledgeIndex index)
    {
        if (previous is null || query.Signals == Signals.None && query.Terms.Count == 0 && query.Years.Count == 0 && query.Range is null)
        {
            return false;
        }

        var hasTopic = query.HasAny(TopicSignals);
        if (query.Has(Signals.ThemeList | Signals.Now) && !hasTopic && !query.HasAny(Signals.BackReference | Signals.TimeReference))
        {
            // "En op welke vijf thema's is de VAR nu actief?": the organisation's list of themes of today needs nothing of the
            // previous answer ("wat is het thema?", "en welke thema's waren dat toen?" are about it).
            return false;
        }

        var hasAsk = query.HasAny(OwnAsks & ~(MeetingsAsBudgetLine(query, previous) ? Signals.Agenda : Signals.None));
        var starts = query.Has(Signals.FollowUpStart);
        var shortQuestion = query.Text.Tokens.Count <= ShortQuestion;
        if (Succeeds(query, previous) || AsksAboutEvent(query, previous, index.Words) || AsksAttendance(query, previous, index) || PointsToSameEvent(query, previous))
        {
            return true;
        }

        if (hasTopic)
        {
            return starts && !hasAsk && shortQuestion || PointsIntoBudget(query, previous) || PointsIntoEvents(query, previous, index.Words) || PointsToPerson(query, previous) || PointsToTheme(query, previous, index)
                || PointsPastEvent(query, previous) || PointsToSubject(query, previous, index) || PointsToDetail(query, previous, index.Words)
                || PointsEventToSubject(query, previous) || PointsNewsToSubject(query, previous);
        }

        if (query.Has(Signals.Count) && query.CountNoun.Count == 0 && !query.HasAny(Signals.Agenda | Signals.Money) && previous.Terms is { Count: > 0 })
        {
            // "Hoe vaak staat het voor 2026 gepland?" after how often a body met: a frequency asked of no subject of its own
            // is asked of the previous answer's subject.
            return true;
        }

        // "Wanneer was de laatste dan?" after a meeting's answer: a position of that kind of meeting (not "het volgende
        // evenement", which names any kind).
        // "wat is het verschil?" after a figure: that figure compared.
        return !hasAsk || starts || query.Has(Signals.BackReference) || shortQuestion && query.Text.Tokens.Count <= 3
            || previous.EventType is not null && query.HasAny(Positions) && !query.Has(Signals.Agenda)
            || (previous.AskSignals & Signals.Money) != Signals.None && query.Has(Signals.Compare) && shortQuestion;
    }

    /// <summary>
    /// "En hoeveel daarvan ging naar monitoring?", "en het subtotaal van de uitgaven?", "en hoeveel voor monitoring?" after a
    /// budget answer: a line of the table just answered.
    /// </summary>
    /// <remarks>A theme that is also a line's name ("daarvan voor mensenhandel") names that line here.</remarks>
    private static bool PointsIntoBudget(Query query, ConversationContext previous) =>
        (previous.AskSignals & Signals.Money) != Signals.None && query.Years.Count == 0 && query.Range is null
        && (query.Has(Signals.BudgetLine | Signals.BackReference) || query.Has(Signals.MoneyOnly | Signals.FollowUpStart)
            || query.Has(Signals.BudgetLine | Signals.Count) && query.CountNoun.Count == 0 && !query.HasAny(Signals.EventType | Signals.Role))
        && !query.HasAny(TopicSignals & ~(Signals.BudgetLine | Signals.Monitoring | Signals.Content | (query.LineKeys.Count > 0 ? Signals.Theme : Signals.None)));

    /// <summary>"wat was het thema?", "met wie organiseerde de VAR die?" after one meeting's answer: a detail of that meeting.</summary>
    /// <remarks>A question with words of its own ("welk jeugdproject werd daar gepresenteerd?") is looked up near the
    /// meeting's text instead (<see cref="PointsToDetail"/>); only "wie" keeps its verb ("organiseerde") here.</remarks>
    /// <remarks>"Met welke partners organiseren we hem?": a word that asks a part of a meeting (<c>facets</c>) asks it of that
    /// meeting, also where the word names an organisation fact ("partners"), and "hem" points to the meeting, not a person.</remarks>
    private static bool AsksAboutEvent(Query query, ConversationContext previous, Words words) =>
        previous.EventId is not null && query.Has(Signals.EventDetail) && query.EventTypes.Count == 0 && query.Years.Count == 0 && query.Range is null
        && !query.HasAny(Positions) && (!query.Has(Signals.Content) || query.Has(Signals.Who) || AsksPartOfEvent(query, previous, words))
        && !query.HasAny(TopicSignals & ~(Signals.Content | (AsksPartOfEvent(query, previous, words) ? Signals.Role : Signals.None)));

    /// <summary>The question asks a part of the meeting just answered by a word of <c>facets</c>, and points back to it.</summary>
    private static bool AsksPartOfEvent(Query query, ConversationContext previous, Words words) =>
        previous.EventId is not null && previous.Person is null && query.HasAny(Signals.BackReference | Signals.PersonReference)
        && query.Text.Tokens.Any(t => words.Events.FacetWords.Contains(t.Text));

    /// <summary>
    /// "Hoe heette dat leerhuis ook alweer?" after one Leerhuis's answer: "dat leerhuis" is that meeting, whatever is asked of
    /// it; the meeting word does not start a new question about all of its kind.
    /// </summary>
    /// <remarks>"Voor wie zijn die Leerhuizen bedoeld?" after one meeting points to the kind, not to that meeting.</remarks>
    private static bool PointsToSameEvent(Query query, ConversationContext previous) =>
        previous.EventId is not null && previous.EventType is { } type && query.Has(Signals.EventReference) && !query.Has(Signals.Plural) && query.EventTypes.All(t => t == type)
        && query.Years.Count == 0 && query.Range is null && !query.HasAny(Positions | Signals.Before | Signals.After)
        && !query.HasAny(TopicSignals & ~(Signals.EventType | Signals.Content));

    /// <summary>"hoeveel mensen / deelnemers waren er?" after one meeting's answer: who came to that meeting.</summary>
    private static bool AsksAttendance(Query query, ConversationContext previous, KnowledgeIndex index) =>
        previous.EventId is not null && query.Has(Signals.Count) && query.CountNoun.Count > 0 && query.CountNoun.All(index.Words.Events.AttendanceWords.Contains)
        && query.EventTypes.Count == 0 && query.Years.Count == 0 && query.Range is null;

    /// <summary>"Wie was zijn voorganger?", "wie kwam daarna?" after a role's answer: the holder before or after that person.</summary>
    private static bool Succeeds(Query query, ConversationContext previous) =>
        previous.Role is not null && query.HasAny(Signals.Before | Signals.After) && query.Has(Signals.Who) && query.Role is null
        && !query.HasAny(TopicSignals & ~Signals.Content);

    /// <summary>
    /// "en voor kennisbijeenkomsten dat jaar?" after a budget answer: the meetings are the budget line of that name, not the
    /// agenda.
    /// </summary>
    private static bool MeetingsAsBudgetLine(Query query, ConversationContext previous) =>
        previous.LineKeys is { Count: > 0 } && query.Has(Signals.Agenda | Signals.BudgetLine) && query.EventTypes.Count == 0;

    /// <summary>
    /// "wanneer was die over digitale veiligheid?" after a list of events: "die" points into the events just answered and
    /// the theme only narrows them.
    /// </summary>
    /// <remarks>"Ligt het thema van een daarvan al vast?" after a list of meetings: a part of a meeting asked of one of those
    /// just answered ("daarvan", a word of <c>subject_references</c>) points into them too.</remarks>
    private static bool PointsIntoEvents(Query query, ConversationContext previous, Words words) =>
        previous.EventType is not null && query.Has(Signals.BackReference) && query.EventTypes.Count == 0
        && (query.ThemeId is not null || previous.EventId is null && query.Has(Signals.EventDetail) && AboutSubject(query, words))
        && !query.HasAny(TopicSignals & ~(Signals.Theme | Signals.Content));

    /// <summary>"Wat staat er daarna nog op de agenda?": what comes after the meeting just answered, of any kind.</summary>
    private static bool AgendaAfter(Query query) => query.Has(Signals.Agenda) && query.Has(Signals.After) && query.EventTypes.Count == 0;

    /// <summary>"Komt er daarna nog een Leerhuis?" after one event: "daarna" is after that event, of the same kind.</summary>
    private static bool PointsPastEvent(Query query, ConversationContext previous) =>
        previous.EventId is not null && query.HasAny(Signals.After | Signals.Before)
        && (query.EventTypes.Count == 0 || previous.EventType is { } type && query.EventTypes.All(t => t == type))
        && !query.HasAny(TopicSignals & ~(Signals.EventType | Signals.Content));

    /// <summary>
    /// "hoeveel subsidie was dat?" after an answer from the report text ("het kaartspel van 2020"): "dat" is that subject,
    /// and the money words only say what is asked about it.
    /// </summary>
    private static bool PointsToSubject(Query query, ConversationContext previous, KnowledgeIndex index) =>
        previous.Terms is { Count: > 0 } && previous.LineKeys is null && (previous.ThemeId is null || !index.ThemeHasBudgetLine(previous.ThemeId)) && previous.EventType is null && previous.Role is null
        && previous.Intent is "Search" or "Definition" && query.Has(Signals.BackReference) && query.Has(Signals.Money)
        && !query.HasAny(TopicSignals & ~(Signals.BudgetLine | Signals.Content | Signals.Role));

    /// <summary>
    /// "onder welke groepen?", "en met wie worden die gesprekken gevoerd?" after an answer from the report text: a short
    /// question that points back ("die", "daarover") or opens with a preposition and a question word asks a detail of
    /// that answer's subject; its own words narrow the subject, in the previous answer's theme and year.
    /// </summary>
    /// <remarks>
    /// "Waar zou de regionale bijeenkomst daarover plaatsvinden?": a meeting or a budget line's word next to a word of
    /// <c>subject_references</c> is part of that subject's detail, not the agenda or a line of the budget.
    /// </remarks>
    private static bool PointsToDetail(Query query, ConversationContext previous, Words words) =>
        previous.Terms is { Count: > 0 } && previous.LineKeys is null && previous.EventType is null && previous.Role is null
        && previous.Intent is "Search" or "Definition" && (query.Text.Tokens.Count <= ShortQuestion + 1 || AsksSequel(query, words))
        && query.HasAny(Signals.BackReference | Signals.DetailStart) && !query.HasAny(Signals.Money | Signals.Definition)
        && !query.HasAny(TopicSignals & ~(Signals.Content | (previous.Intent is "Search" ? Signals.Role : Signals.None) | (AboutSubject(query, words) ? SubjectDetailSignals : Signals.None)));

    /// <summary>"Is daar in 2021 nog een vervolg op gekomen?": a question pointing back with a word of <c>sequel_words</c> asks
    /// what followed the subject just answered, however long it is.</summary>
    private static bool AsksSequel(Query query, Words words) =>
        query.Has(Signals.BackReference) && query.Text.Tokens.Any(t => words.Events.SequelWords.Contains(t.Text));

    private static readonly Signals SubjectDetailSignals = Signals.Agenda | Signals.BudgetLine;

    /// <summary>The question points back with a word of <c>subject_references</c> ("daarover") and asks no money.</summary>
    private static bool AboutSubject(Query query, Words words) =>
        !query.Has(Signals.Money) && query.Text.Tokens.Any(t => words.Conversation.SubjectReferences.Contains(t.Text));

    /// <summary>The question's own search words, then the previous answer's that it does not hold (the subject it points to).</summary>
    private static List<Token> WithPreviousTerms(Query query, ConversationContext previous, Analyzer analyzer) =>
        [.. query.Terms, .. previous.Terms!.Select(analyzer.ToToken).Where(t => query.Terms.All(q => q.Text != t.Text))];

    /// <summary>
    /// "wanneer stond het bericht daarover op de site?" after any answer with a subject ("de Mensenhandelmonitor 2024"):
    /// the news item about that subject.
    /// </summary>
    private static bool PointsNewsToSubject(Query query, ConversationContext previous) =>
        previous.Terms is { Count: > 0 } && query.Has(Signals.News) && query.Has(Signals.BackReference) && !query.HasAny(TopicSignals & ~(Signals.News | Signals.Content));

    /// <summary>
    /// "wanneer was het Leerhuis daarover?" after an answer about a subject ("de Cyberoefendriehoek"): the meeting of that
    /// type about the subject just answered, whatever year the answer was about.
    /// </summary>
    private static bool PointsEventToSubject(Query query, ConversationContext previous) =>
        previous.Terms is { Count: > 0 } && previous.EventType is null && previous.LineKeys is null && previous.Role is null
        && previous.Intent is "Search" or "Definition" or "ThemeOverview" && query.EventTypes.Count > 0 && query.Has(Signals.BackReference)
        && !query.HasAny(Signals.EventNamed | Signals.Money) && !query.HasAny(TopicSignals & ~(Signals.EventType | Signals.Content));

    /// <summary>
    /// "wat gebeurt daar dit jaar mee?" after one meeting's answer: the words of the meeting's title that name its subject
    /// ("Cyberoefendriehoek"), not the kind of meeting; empty when the question asks no such thing or the title names none.
    /// </summary>
    private static List<string> EventSubject(Query query, ConversationContext previous, KnowledgeIndex index)
    {
        var words = index.Words;
        if (previous.EventId is not { } id || !query.Has(Signals.BackReference) || query.HasAny(OwnAsks)
            || !query.Text.Tokens.Any(t => words.Conversation.SubjectFateWords.Contains(t.Text))
            || index.Model.Events.FirstOrDefault(e => e.Id == id) is not { } meeting)
        {
            return [];
        }

        return [.. TextNormalizer.Tokens(meeting.Title).Where(t => !index.Analyzer.IsStopword(t) && !words.Events.TypeWords.Contains(t) && !t.Any(char.IsDigit))];
    }

    /// <summary>
    /// The label of the budget line of <paramref name="keys"/> whose own words the previous answer's sentences write (also as
    /// two words: "City Deal" for "Citydeal"); the one with the fewest other words when several do; null when none does.
    /// </summary>
    private static string? NamedLine(IReadOnlyList<string> keys, ConversationContext previous, KnowledgeIndex index)
    {
        if (previous.Sources is not { Count: > 0 } sources)
        {
            return null;
        }

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in index.Passages)
        {
            if (!sources.Contains(entry.Passage.Source))
            {
                continue;
            }

            var tokens = entry.Analysed.Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                written.Add(tokens[i].Text);
                if (i + 1 < tokens.Count)
                {
                    written.Add(tokens[i].Text + tokens[i + 1].Text);
                }
            }
        }

        string? best = null;
        var bestScore = 0.0;
        var common = Math.Max(CommonPassagesMin, index.Passages.Count / CommonShare);
        foreach (var line in index.Budgets.SelectMany(b => b.Lines).Where(l => l.Keys.Overlaps(keys) && l.Line.Kind != Knowledge.Model.BudgetLineKind.Total))
        {
            // The words of the asked key ("subsidie") name every line of it; a word most passages write ("veiligheid") names none.
            var own = TextNormalizer.Tokens(line.Line.Label).Where(t => !index.Analyzer.IsStopword(t) && !(index.LineKeyByWord.TryGetValue(t, out var key) && keys.Contains(key))).ToList();
            var matched = own.Count(t => written.Contains(t) && index.Search.Frequency(Analyzer.Stem(t)) <= common);
            var score = matched - 0.1 * (own.Count - matched);
            if (matched > 0 && score > bestScore)
            {
                (best, bestScore) = (line.Line.Label, score);
            }
        }

        return best;
    }

    /// <summary>The year the previous answer was about: the year asked, else that of the one meeting answered.</summary>
    private static int? AnsweredYear(ConversationContext previous, KnowledgeIndex index) =>
        previous.Years is { Count: > 0 } years ? years[0] : previous.RangeFrom?.Year
            ?? (previous.EventId is { } id ? index.Model.Events.FirstOrDefault(e => e.Id == id)?.Year : null);

    /// <summary>A month range named with a context year ("juli dat jaar") moved into that year.</summary>
    private static DateRange? InYear(DateRange? range, int year) =>
        range is { } r ? new DateRange(r.From.AddYears(year - r.From.Year), r.To.AddYears(year - r.From.Year)) : null;

    /// <summary>
    /// "En wie was toen hoofd?", "wat was het onderwerp van het leerhuis in juli dat jaar?": a new question that points back
    /// to the previous answer's time takes its year (shifted by "het jaar daarna"), a month it names in that year.
    /// </summary>
    /// <param name="joined">
    /// The second part of one question: it takes the first part's year whenever it names no time of its own ("Hoeveel
    /// ging er vorig jaar naar cyberprojecten? En hoeveel subsidie kwam er binnen?").
    /// </param>
    public static Query WithPreviousTime(Query query, ConversationContext? previous, KnowledgeIndex index, bool joined = false)
    {
        var previousYear = previous is null ? null : AnsweredYear(previous, index);
        if (query.YearShift is { } shift && previousYear is { } anchor)
        {
            var year = anchor + shift;
            return query with { Years = [year], Range = InYear(query.Range, year), Signals = query.Signals | Signals.Year };
        }

        if (previous?.Years is not { Count: > 0 } years || !(joined || query.Has(Signals.TimeReference)) || query.Years.Count > 0 || query.Range is not null)
        {
            return query;
        }

        return query with { Years = years, Signals = query.Signals | Signals.Year };
    }

    /// <summary>
    /// "Welke bijeenkomst komt hierna?" with no meeting answered before it: what comes after now is the next meeting.
    /// </summary>
    public static Query AfterNow(Query query) =>
        query.Has(Signals.After) && !query.Has(Signals.Before) && query.EventId is null && query.HasAny(Signals.Agenda | Signals.EventType)
        && query.Years.Count == 0 && query.Range is null
            ? query with { Signals = (query.Signals | Signals.Next) & ~(Signals.After | Signals.BackReference) }
            : query;

    /// <summary>"en hoeveel betalen de gemeenten daar voor?" after a theme's answer: "daar" is that theme.</summary>
    private static bool PointsToTheme(Query query, ConversationContext previous, KnowledgeIndex index) =>
        previous.ThemeId is not null && index.ThemeHasBudgetLine(previous.ThemeId) && query.ThemeId is null && query.Has(Signals.BackReference) && query.Has(Signals.Money)
        && !query.HasAny(TopicSignals & ~(Signals.Content | Signals.BudgetLine | Signals.Role));

    /// <summary>"van welke gemeente is hij burgemeester?" after a person's answer: "hij" is that person.</summary>
    private static bool PointsToPerson(Query query, ConversationContext previous) =>
        previous.Role is not null && query.Role is null && query.Has(Signals.PersonReference)
        && !query.HasAny(TopicSignals & ~(Signals.Content | Signals.PersonDetail));

    /// <param name="joined">The second part of one question: its own content words add to the first part's topic.</param>
    public static Query Merge(Query query, ConversationContext previous, KnowledgeIndex index, bool joined = false)
    {
        if (AsksAttendance(query, previous, index))
        {
            // "hoeveel mensen waren er?" after one meeting's answer: that meeting's attendance, not a search of all texts.
            return query with
            {
                EventId = previous.EventId,
                EventTypes = previous.EventType is { } type ? [type] : [],
                Signals = (query.Signals | Signals.EventType | Signals.EventNamed | Signals.EventDetail) & ~(Signals.Role | Signals.RoleOnly | Signals.Content),
            };
        }

        var analyzer = index.Analyzer;
        var signals = query.Signals & ~(MeetingsAsBudgetLine(query, previous) ? Signals.Agenda : Signals.None)
            & ~(Succeeds(query, previous) || AsksAboutEvent(query, previous, index.Words) ? Signals.Content : Signals.None)
            & ~(AsksAboutEvent(query, previous, index.Words) && AsksPartOfEvent(query, previous, index.Words) ? Signals.Role | Signals.RoleOnly : Signals.None)
            & ~(PointsToSameEvent(query, previous) ? Signals.EventType | Signals.Content : Signals.None);
        var ownAsks = signals & OwnAsks;
        var hasTopic = (signals & (joined ? TopicSignals & ~Signals.Content : TopicSignals)) != Signals.None;
        var merged = query;
        var ownTime = false;
        var asksSubject = false;
        if (hasTopic && PointsIntoBudget(query, previous))
        {
            merged = merged with { Kind = query.Kind ?? previous.Kind, Side = query.Side ?? previous.Side };
            signals = (signals | Signals.Money) & ~(Signals.Monitoring | Signals.Content);
        }
        else if (hasTopic && PointsIntoEvents(query, previous, index.Words))
        {
            merged = merged with { EventTypes = [previous.EventType!.Value] };
            signals |= Signals.EventType | Signals.EventNamed;
        }
        else if (hasTopic && PointsToTheme(query, previous, index))
        {
            merged = merged with { ThemeId = previous.ThemeId };
            signals |= Signals.Theme;
        }
        else if (hasTopic && PointsToPerson(query, previous))
        {
            merged = merged with { Role = previous.Role, Person = previous.Person };
            signals |= Signals.Role | Signals.RoleOnly;
            // "wie heeft hem later opgevolgd?": the holder after (or before) that person, or how long they held it.
            signals |= query.HasAny(Signals.After | Signals.Before | Signals.Duration) ? Signals.PersonName : Signals.None;
        }
        else if (hasTopic && PointsPastEvent(query, previous))
        {
            // "Wat staat er daarna nog op de agenda?": any meeting after it; "en die daarna?": one of the same kind.
            merged = merged with { EventId = previous.EventId, EventTypes = previous.EventType is { } type && !AgendaAfter(query) ? [type] : merged.EventTypes };
            signals |= Signals.EventType;
        }
        else if (hasTopic && PointsEventToSubject(query, previous))
        {
            merged = merged with { Terms = WithPreviousTerms(query, previous, analyzer) };
            signals |= Signals.EventNamed;
            ownTime = true;
        }
        else if (hasTopic && PointsNewsToSubject(query, previous))
        {
            merged = merged with { Terms = WithPreviousTerms(query, previous, analyzer) };
        }
        else if (hasTopic && PointsToDetail(query, previous, index.Words))
        {
            merged = merged with { Terms = WithPreviousTerms(query, previous, analyzer), ThemeId = previous.ThemeId, Role = null };
            if (AboutSubject(query, index.Words))
            {
                merged = merged with { LineKeys = [] };
                signals &= ~SubjectDetailSignals;
            }

            signals |= previous.ThemeId is not null ? Signals.Theme : Signals.None;
            // "met welke partners?" after a search answer: the partners of that subject, not the VAR's own.
            signals = (signals | Signals.Content) & ~(Signals.Role | Signals.RoleOnly);
        }
        else if (PointsToSubject(query, previous, index))
        {
            // "kost dat wat?" after an answer from the report text: the price of that subject, whether or not the question
            // has words of its own. The subject is the previous answer's theme when it had one ("Burgernet"), else its words.
            var words = previous.ThemeId is { } themeId && index.Themes.TryGetValue(themeId, out var theme) ? TextNormalizer.Tokens(theme.Name) : previous.Terms!;
            var subject = words.Select(analyzer.ToToken).Where(t => !t.IsStopword && query.Terms.All(q => q.Text != t.Text)).ToList();
            merged = merged with { Terms = [.. query.Terms, .. subject] };
            // The subject's own words are not money words: the answer is looked up in the report text first.
            signals = (signals | Signals.Content) & ~Signals.MoneyOnly;
        }
        else if (!hasTopic && EventSubject(query, previous, index) is { Count: > 0 } subject)
        {
            // "wat gebeurt daar dit jaar mee?" after the Leerhuis Cyberoefendriehoek: what the reports say about its subject.
            // The asking verb is no word of the answer: the reports write what is planned for it ("Evaluatie ...").
            var own = query.Terms.Where(t => !index.Words.Conversation.SubjectFateWords.Contains(t.Text)).ToList();
            merged = merged with { Terms = [.. own, .. subject.Select(analyzer.ToToken).Where(t => own.TrueForAll(q => q.Text != t.Text))] };
            signals |= Signals.Content;
            asksSubject = true;
        }
        else if (!hasTopic)
        {
            var terms = previous.Terms?.Select(analyzer.ToToken).ToList() ?? [];
            merged = merged with
            {
                ThemeId = previous.ThemeId,
                EventTypes = previous.EventType is { } type && !AgendaAfter(query) ? [type] : [],
                EventId = previous.EventId,
                TitleSeason = AgendaAfter(query) ? null : previous.TitleSeason,
                LineKeys = previous.LineKeys ?? [],
                Kind = query.Kind ?? previous.Kind,
                Side = query.Side ?? previous.Side,
                Role = previous.Role,
                Monitoring = previous.Monitoring,
                LineLabel = previous.LineLabel,
                Person = previous.Person,
                Terms = [.. query.Terms, .. terms.Where(t => query.Terms.All(q => q.Text != t.Text))],
            };
            signals |= previous.ThemeId is not null ? Signals.Theme : Signals.None;
            signals |= previous.EventType is not null && !AgendaAfter(query) ? Signals.EventType : Signals.None;
            signals |= previous.EventId is not null ? Signals.EventNamed : Signals.None;
            signals |= previous.LineKeys is { Count: > 0 } ? Signals.BudgetLine : Signals.None;
            // "Hoe vaak bezocht de VAR alle gemeenten, en hoe vaak was dat in 2025?": the word of a counted role ("gemeenten") in
            // a question the report text answered asked no organisation fact; the follow-up is that search again. A person's
            // role ("wie is sinds kort voorzitter, en ...") stays the subject.
            var roleAsked = previous.Role is { } previousRole && (previous.Intent is not "Search" || index.Words.Organisation.PersonRoles.Contains(previousRole.ToString()));
            signals |= roleAsked ? Signals.Role | Signals.RoleOnly : Signals.None;
            signals |= previous.Monitoring is not null ? Signals.Monitoring : Signals.None;
            // "hoe lang heeft die het gedaan?" after a person's answer: that person.
            signals |= previous.Person is not null && query.HasAny(Signals.Duration | Signals.PersonReference) ? Signals.PersonName : Signals.None;
            // A search answer within a theme ("de regionale projectgroep digitale veiligheid") is continued as that search, not
            // as the theme's overview.
            signals |= terms.Count > 0 && previous.EventType is null && (previous.ThemeId is null || previous.Intent is "Search" or "Definition" && !joined) ? Signals.Content : Signals.None;
            if (previous.ThemeId is not null && (signals & Signals.Content) == Signals.None)
            {
                signals |= Signals.Activity;
            }
        }

        var previousYear = AnsweredYear(previous, index);
        var comparesMoney = query.Has(Signals.Compare) && (previous.AskSignals & Signals.Money) != Signals.None && previous.Years is { Count: > 0 }
            && !query.HasAny(OwnAsks & ~(Signals.Compare | Signals.Count | Signals.Money | Signals.EventDetail)) && query.EventTypes.Count == 0;
        if (comparesMoney)
        {
            // "is dat meer dan in 2023?", "hoeveel is dat gestegen?": the figure just answered against the same line in
            // the year named, or else in the year answered the turn before.
            var other = query.Years.Count > 0 ? query.Years : previous.EarlierYears ?? [];
            var years = previous.Years!.Concat(other).Distinct().ToList();
            merged = merged with { Years = years, Range = null };
            if (query.Years.Count == 0 && query.Kind is null && previous.ShownKind is { } nowKind && previous.EarlierKind is { } earlierKind && nowKind != earlierKind
                && previous.Years!.Count == 1 && other.Count == 1)
            {
                // "hoeveel minder is dat?" after a jaarrekening figure and then a begroting figure: each year on its own table.
                merged = merged with { KindByYear = new Dictionary<int, Knowledge.Model.BudgetKind> { [previous.Years[0]] = nowKind, [other[0]] = earlierKind } };
            }
            signals |= Signals.Year | (years.Count > 1 ? Signals.TwoYears : Signals.None);
        }
        else if (query.Has(Signals.Compare) && query.Years.Count == 0 && query.Range is null && previous.Years is [var answered]
            && previous.EarlierYears is [var earlierYear] && earlierYear != answered && (previous.AskSignals & Signals.Money) == Signals.None)
        {
            // "Uit hoeveel sporen bestond de aanpak in 2017, en in 2021? Welk spoor is erbij gekomen?": after answers about
            // two years, a comparison without a year of its own compares those two.
            merged = merged with { Years = [earlierYear, answered], Range = null };
            signals |= Signals.Year | Signals.TwoYears;
        }
        else if (query.YearShift is { } shift && previousYear is { } anchor)
        {
            // "En het jaar daarna?": the year after the one just answered.
            merged = merged with { Years = [anchor + shift], Range = InYear(query.Range, anchor + shift) };
            signals |= Signals.Year;
        }
        else if (query.RangeYearImplied && query.Years.Count == 0 && previousYear is { } rangeYear && query.Range is { } implied)
        {
            // "en die van september?" after an answer about 2025: September of 2025.
            var shiftYears = rangeYear - implied.From.Year;
            merged = merged with { Range = new DateRange(implied.From.AddYears(shiftYears), implied.To.AddYears(shiftYears)) };
        }
        else if (previous.EventId is not null && query.HasAny(Signals.After | Signals.Before | Signals.Next | Signals.Previous)
            && !(query.HasAny(Signals.First | Signals.Last | Signals.Ordinal) && previous.Years is { Count: > 0 }))
        {
            // "en wanneer is de volgende (daarna)?" after "is er vandaag / was er gisteren een Leerhuis?": after that meeting,
            // not on that day. "en het laatste?" after "het eerste Leerhuis van dit jaar" is the last of that year.
        }
        else if (query.Has(Signals.Now) || ownTime)
        {
            // "en wie is het nu?": the present, not the year of the previous answer.
        }
        else if (query.Years.Count == 0 && query.Range is null)
        {
            merged = merged with
            {
                Years = previous.Years ?? [],
                Range = previous.RangeFrom is { } from && previous.RangeTo is { } to ? new DateRange(from, to) : null,
            };
            signals |= previous.Years is { Count: > 0 } ? Signals.Year : Signals.None;
            signals |= previous.Years is { Count: > 1 } ? Signals.TwoYears : Signals.None;
            signals |= previous.RangeFrom is not null ? Signals.Period : Signals.None;
        }

        if (comparesMoney || query.Has(Signals.Count) && merged.CountNoun.Count == 0 && previous.Counted is not { Count: > 0 } && !hasTopic)
        {
            // "hoeveel was dat samen?" after amounts: "hoeveel" without a counted word asks an amount again.
            signals |= previous.AskSignals & (Signals.Money | Signals.MoneyOnly);
        }

        if (merged.CountNoun.Count == 0 && previous.Counted is { Count: > 0 } counted && (query.Has(Signals.Count) || !query.HasAny(OwnAsks)))
        {
            // "En hoeveel waren er gepland?": counts what the previous question counted.
            merged = merged with { CountNoun = counted };
        }

        if (query.Has(Signals.BackReference) && merged.LineKeys.Count > 0 && merged.LineLabel is null && previous.LineLabel is null
            && NamedLine(merged.LineKeys, previous, index) is { } named)
        {
            // "Hoeveel leverde die subsidie op?" after a sentence about the City Deal: the line of that key whose label the
            // sentence names ("Subsidie Citydeal Cyberweerbaarheid"), not the subtotal of all subsidies.
            merged = merged with { LineLabel = named };
        }

        if (ownAsks == Signals.None && !asksSubject)
        {
            // "en het volgende?" after "wanneer was het vorige ...": a position the question names replaces the inherited one.
            var inherited = previous.AskSignals & AskSignals;
            // "en het Leerhuis van juli?" after "het eerste Leerhuis van dit jaar": a period of its own replaces the position too.
            signals |= query.HasAny(Positions) || query.Range is not null ? inherited & ~Positions : inherited;
        }

        return merged with { Signals = signals };
    }
}
