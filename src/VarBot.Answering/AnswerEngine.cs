using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Answering.Answers;
using VarBot.Answering.Conversation;
using VarBot.Answering.Indexes;
using VarBot.Answering.Realisation;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Answering.Vocabulary;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

/// <summary>
/// Answers Dutch questions from the knowledge model only, as a pipeline of small typed stages: Analyse and Extract
/// (<see cref="QueryExtractor"/>), follow-up merge (<see cref="FollowUp"/>), Route (routes.yaml), Answer (one class per
/// intent over the shared <see cref="KnowledgeIndex"/>), Realise (texts.yaml). Build once per model; thread-safe.
/// </summary>
public sealed class AnswerEngine
{
    private readonly KnowledgeIndex _index;
    private readonly QueryExtractor _extractor;
    private readonly Router _router;
    private readonly QuestionSplitter _splitter;
    private readonly Realiser _realiser;
    private readonly AnswerKit _kit;
    private readonly IReadOnlyDictionary<Intent, IAnswerer> _answerers;
    private readonly NearbyDetail _nearby;
    private readonly NewsAnswerer _news;
    private readonly ILogger _logger;
    private readonly KnowledgeModel _model;
    private readonly ConcurrentDictionary<AsOfKey, Lazy<AnswerEngine>> _earlier = new();

    private AnswerEngine(KnowledgeModel model, ILogger logger)
    {
        _logger = logger;
        _model = model;
        var words = Words.Load();
        var texts = Texts.Load();
        _index = new KnowledgeIndex(model, words);
        _extractor = new QueryExtractor(_index);
        _router = new Router();
        _splitter = new QuestionSplitter(words);
        _realiser = new Realiser(_index, texts);
        _kit = new AnswerKit(_index, texts, logger);
        var search = new SearchAnswerer(_kit);
        var events = new EventFinder(_kit);
        var budgets = new BudgetFinder(_kit);
        var next = new EventNextAnswerer(_kit, events);
        _news = new NewsAnswerer(_kit, search);
        var line = new BudgetLineAnswerer(_kit, budgets, search);
        IAnswerer[] all =
        [
            new FixedTextAnswerer(_kit, Intent.Empty, "empty_question"),
            new FixedTextAnswerer(_kit, Intent.TooLong, "too_long"),
            new FixedTextAnswerer(_kit, Intent.NoWords, "no_words"),
            new FixedTextAnswerer(_kit, Intent.NotUnderstood, "not_understood"),
            new FixedTextAnswerer(_kit, Intent.English, "english"),
            new SmallTalkAnswerer(_kit),
            new FuturePersonAnswerer(_kit),
            new OtherOrganisationAnswerer(_kit),
            new MonitoringAnswerer(_kit, search),
            _news,
            new DefinitionAnswerer(_kit, search, new MonitoringAnswerer(_kit, search)),
            new BudgetCompareAnswerer(_kit, budgets, line),
            new BudgetBreakdownAnswerer(_kit, budgets),
            line,
            new MoneyTextAnswerer(_kit, search, line, budgets),
            new EventDayAnswerer(_kit, events),
            new EventDetailAnswerer(_kit, events, next, search),
            new EventListAnswerer(_kit, events, search),
            next,
            new PersonAnswerer(_kit, search),
            new OrganisationAnswerer(_kit),
            new ThemeListAnswerer(_kit),
            new ThemeOverviewAnswerer(_kit, search),
            search,
        ];
        _answerers = all.ToDictionary(a => a.Intent);
        _nearby = new NearbyDetail(_kit, search, events);
        var missing = Enum.GetValues<Intent>().Where(i => i != Intent.More && !_answerers.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("No answerer for intent(s) " + string.Join(", ", missing));
        }
    }

    public static AnswerEngine Build(KnowledgeModel model, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var started = Stopwatch.GetTimestamp();
        var engine = new AnswerEngine(model, logger ?? NullLogger.Instance);
        engine._logger.EngineBuilt((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, model.Passages.Count, model.Events.Count, model.Budgets.Count);
        return engine;
    }

    /// <summary>
    /// Answers from what was known on the question's day (<see cref="ModelAsOf"/>): a question asked on an earlier day
    /// goes to an engine over that day's part of the model, built once per part.
    /// </summary>
    public Answer Ask(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var key = ModelAsOf.KeyOn(_model, question.Today);
        if (ModelAsOf.IsComplete(_model, key))
        {
            return AskHere(question);
        }

        var day = question.Today;
        AnswerEngine earlier;
        try
        {
            earlier = _earlier.GetOrAdd(key, _ => new Lazy<AnswerEngine>(() => new AnswerEngine(ModelAsOf.On(_model, day), _logger))).Value;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // That day's part of the model could not be indexed: answer from the whole model rather than not at all.
            _logger.AnswerFailed(ex, "as-of");
            return AskHere(question);
        }

        return earlier.AskHere(question);
    }

    private Answer AskHere(Question question)
    {
        var intent = "none";
        try
        {
            var asked = question.Text is { Length: > 0 } full ? AskerPreamble.Strip(full, _index.Words) : question.Text ?? "";
            var previous = question.Previous;
            if (AskerPreamble.StripTopicShift(asked, _index.Words.Conversation) is { } shifted)
            {
                // "Iets heel anders: ...": a new topic, never a follow-up of the previous answer.
                asked = shifted;
                previous = null;
            }

            var anchored = Signals.None;
            if (EventAnchor.Split(asked, _index.Words) is { } split
                && Reply(split.Anchor, question.Today, null, joined: false, bothSides: false) is { Events.Count: 1 } anchor)
            {
                // "Welke bijeenkomst komt er na het Leerhuis van 6 juli?": what comes after that meeting, as a follow-up of it.
                asked = split.Remainder;
                previous = anchor.Context;
                anchored = Signals.After;
            }

            var parts = asked.Length > 0 ? _splitter.Split(asked) : [asked];
            var bothSides = false;
            var whole = parts.Count > 1 ? _extractor.Extract(asked, question.Today) : null;
            if (whole is not null && ComparesWhole(whole))
            {
                // "Wat was het totaal van de begroting 2024, welk totaal staat in de jaarrekening 2024, en hoe groot is het
                // verschil?": one comparison gives both figures and the difference.
                parts = [asked];
            }
            else if (whole is not null && !AsksTwoThings(whole, parts[1], question.Today))
            {
                // "Wat was begroot en wat werd het?": one line, begroting and jaarrekening.
                parts = [asked];
                bothSides = true;
            }

            var reply = Reply(parts[0], question.Today, previous, joined: false, bothSides, anchored);
            intent = reply.Intent.ToString();
            var context = reply.Context;
            foreach (var part in parts.Skip(1))
            {
                if (!AskedDatesGiven(reply, part, question.Today))
                {
                    // A later part is a follow-up of the one before: it inherits what it does not name itself.
                    var next = Reply(part, question.Today, context, joined: true, bothSides: false);
                    context = next.Context;
                    reply = Combine(reply, next);
                }
            }

            return _realiser.Realise(reply, question);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.AnswerFailed(ex, intent);
            return _realiser.Realise(_kit.NotFound(new Query { Text = new Analysis.AnalysedText(question.Text ?? "", []), Today = question.Today }, Intent.Search), question);
        }
    }

    private Reply Reply(string text, DateOnly today, ConversationContext? previous, bool joined, bool bothSides, Signals anchored = default)
    {
        var query = _extractor.Extract(text, today);
        query = query with { Signals = query.Signals | anchored };
        if (bothSides)
        {
            query = query with { Kind = null, KindNamed = false, BothKinds = true };
        }

        var followUp = false;
        var own = query;
        if (query.Has(Signals.More))
        {
            query = More(query, previous, today);
        }
        else if (joined ? previous is not null && (!query.HasAny(FollowUp.TopicSignals & ~Signals.Content) || FollowUp.Continues(query, previous, _index))
            : anchored != Signals.None && previous is not null || FollowUp.Continues(query, previous, _index))
        {
            query = FollowUp.Merge(query, previous!, _index, joined);
            followUp = true;
        }
        else
        {
            query = FollowUp.AfterNow(FollowUp.WithPreviousTime(query, previous, _index, joined));
        }

        var rule = _router.Route(query);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.Routed(rule.Name, rule.Intent.ToString(), followUp, query.Signals.ToString(), string.Join(',', query.Years), string.Join(',', query.LineKeys));
        }

        var reply = _answerers[rule.Intent].Answer(query);
        if (rule.Intent == Intent.Search && !reply.Answered && _news.Text(query) is { } news)
        {
            // The reports do not answer it, a news item of the website does.
            _logger.Routed("news-text", nameof(Intent.Search), followUp, "", "", "");
            reply = news;
        }

        if (previous is not null && !joined && _nearby.Sequel(own, previous) is { } sequel)
        {
            _logger.Routed("event-sequel", nameof(Intent.Search), followUp, "", "", "");
            return KeepYear(sequel, own, previous, followUp);
        }

        if (previous is not null && !joined && _nearby.Answer(own, previous, followUp, reply) is { } nearby)
        {
            _logger.Routed("nearby-detail", nameof(Intent.Search), followUp, "", "", "");
            return KeepYear(nearby, own, previous, followUp);
        }

        if (anchored == Signals.None && _nearby.AboutEvent(own, reply) is { } aboutEvent)
        {
            _logger.Routed("event-text", nameof(Intent.Search), followUp, "", "", "");
            return KeepYear(aboutEvent, own, previous, followUp);
        }

        reply = reply with { Context = reply.Context with { Sources = reply.Context.Sources ?? NearbyDetail.LinesOf(reply) } };
        if ((followUp || SameLines(previous, reply.Context)) && previous?.Years is { Count: > 0 } earlier && reply.Context.Years is { Count: > 0 } now && !earlier.SequenceEqual(now))
        {
            // "en in 2024?" after 2026: "hoeveel is dat gestegen?" then compares the two years. So does the same budget line
            // asked again for another year ("En hoeveel bedroegen de loonkosten volgens de jaarrekening 2024?").
            reply = reply with { Context = reply.Context with { EarlierYears = earlier, EarlierKind = previous.ShownKind } };
        }

        return KeepYear(reply, own, previous, followUp);
    }

    /// <summary>
    /// "Wie sprak er op de Voorjaarscarrousel van 2017? - Over welk boek van hem ging het? - Hoeveel mensen waren er dat jaar
    /// op de conferentie?": a question that points back to the previous answer ("hem", "die") and names no time of its own is
    /// still about that answer's year, so a later "dat jaar" means it, not this year.
    /// </summary>
    private static Reply KeepYear(Reply reply, Query own, ConversationContext? previous, bool followUp) =>
        !followUp && previous?.Years is { Count: > 0 } years && reply.Context.Years is null or { Count: 0 } && reply.Context.RangeFrom is null
        && own.Years.Count == 0 && own.Range is null && own.YearShift is null
        && own.HasAny(Signals.PersonReference | Signals.BackReference | Signals.EventReference)
            ? reply with { Context = reply.Context with { Years = years } }
            : reply;

    /// <summary>Both answers are about the same budget lines.</summary>
    private static bool SameLines(ConversationContext? previous, ConversationContext now) =>
        previous?.LineKeys is { Count: > 0 } before && now.LineKeys is { Count: > 0 } after && before.SequenceEqual(after);

    /// <summary>"Welke bijeenkomst komt er daarna, en op welke datum?": the meetings (or news items) answered carry their dates already.</summary>
    private bool AskedDatesGiven(Reply first, string second, DateOnly today)
    {
        var part = _extractor.Extract(second, today);
        return (first.Events.Count > 0 || first.Intent == Intent.News) && part.Has(Signals.When) && part.Years.Count == 0 && part.Range is null
            && !part.HasAny(FollowUp.TopicSignals | Signals.Where | Signals.Who | Signals.Count | Signals.Money | Signals.TimeOfDay
                | Signals.Next | Signals.Previous | Signals.First | Signals.Last | Signals.After | Signals.Before);
    }

    /// <summary>
    /// "Hoeveel was begroot en hoeveel is er echt binnengekomen?" asks one budget line on both sides, which the budget
    /// answer gives as one; a second money part asks something of its own only when it names its own year or topic, or
    /// compares ("Minder dan vorig jaar?"), counts something else ("en voor hoeveel fte is dat?") or asks who ("en wie betaalde dat?").
    /// </summary>
    private bool AsksTwoThings(Query all, string second, DateOnly today)
    {
        var part = _extractor.Extract(second, today);
        return !all.Has(Signals.Money) || part.Years.Count > 0 || part.Range is not null || part.YearShift is not null || part.Has(Signals.Compare)
            || part.CountNoun.Count > 0 && !part.Has(Signals.Money) || part.HasAny(FollowUp.TopicSignals & ~Signals.Content) || part.Has(Signals.Who);
    }

    /// <summary>
    /// True when the parts of a money question together name both tables of a comparison (two years, or the begroting and
    /// the jaarrekening) and one of them asks the difference: the question is one comparison of two tables.
    /// </summary>
    private bool ComparesWhole(Query all) =>
        all.Has(Signals.Money | Signals.MoneyOnly | Signals.Compare) && (all.Has(Signals.TwoYears) || all.BothKinds)
            && _router.Route(all).Intent == Intent.BudgetCompare;

    /// <summary>Room a joined second part keeps among the answer's items for its own facts.</summary>
    private const int SecondPartItems = 1;

    /// <summary>Two parts of one question in one reply: the first part's card, both leads, the facts of both.</summary>
    private static Reply Combine(Reply first, Reply second)
    {
        if (second.Lead == first.Lead || first.Lead.Contains(second.Lead, StringComparison.Ordinal))
        {
            // "Wanneer was die en hoeveel activiteiten zaten erin?": the second part repeats the event's date as its lead,
            // but its facts (the sentence with the count) answer the second question.
            var added = second.Items.Where(i => first.Items.All(f => f.Text != i.Text) && !first.Lead.Contains(i.Text, StringComparison.Ordinal)).ToList();
            return added.Count == 0 ? first : first with
            {
                Items = Shared(first.Items, added).ToList(),
                HasMore = first.HasMore || first.Items.Count + added.Count > AnswerKit.MaxItems,
                Sources = first.Sources.Concat(second.Sources).Distinct().ToList(),
            };
        }

        var items = Shared(first.Items, second.Items).DistinctBy(i => i.Text).Where(i => !first.Lead.Contains(i.Text, StringComparison.Ordinal) && !second.Lead.Contains(i.Text, StringComparison.Ordinal)).ToList();
        var firstCard = first.Template != "notFound" || second.Template == "notFound";
        var card = firstCard ? first : second;
        // "Wanneer is het laatste Leerhuis en wie werden uitgenodigd?": the second lead restates the meeting before (or
        // after) its own answer; "was er in juli een Leerhuis? waar ging dat over?": the first lead says it after its "Ja.".
        // The meeting is said once.
        var secondLead = second.Lead.Contains(first.Lead, StringComparison.Ordinal) ? second.Lead.Replace(first.Lead, "", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim() : second.Lead;
        secondLead = Indexes.Sentences.Unsaid(secondLead, first.Lead);
        return card with
        {
            Lead = secondLead.Length == 0 ? first.Lead : first.Lead + " " + secondLead,
            Items = items.Take(AnswerKit.MaxItems).ToList(),
            HasMore = first.HasMore || second.HasMore || items.Count > AnswerKit.MaxItems,
            Events = first.Events.Concat(second.Events).DistinctBy(e => e.Id).ToList(),
            Sources = first.Sources.Concat(second.Sources).Distinct().ToList(),
            Answered = first.Answered || second.Answered,
            Context = first.Context,
        };
    }

    /// <summary>
    /// The items of two parts within the answer's limit: the first part's, leaving room for the second part's first
    /// <see cref="SecondPartItems"/> ("Voor wie was het Leerhuis en waar lag de focus op?" answers both).
    /// </summary>
    private static IEnumerable<Fact> Shared(IReadOnlyList<Fact> first, IReadOnlyList<Fact> second)
    {
        var own = AnswerKit.Distinct(first);
        var added = AnswerKit.Distinct(second).Where(f => !own.Exists(x => Indexes.Sentences.SaysTheSame(x.Text, f.Text))).ToList();
        return own.Take(AnswerKit.MaxItems - Math.Min(added.Count, SecondPartItems)).Concat(added).Take(AnswerKit.MaxItems);
    }

    /// <summary>"Meer": the previous question again, after the items already shown; without a previous answer, the rest of the text.</summary>
    private Query More(Query query, ConversationContext? previous, DateOnly today)
    {
        if (previous?.Question is { Length: > 0 } asked)
        {
            var again = _extractor.Extract(asked, today);
            var merged = FollowUp.Merge(again, previous, _index);
            return merged with { Skip = previous.Shown, Signals = merged.Signals & ~Signals.More };
        }

        var rest = string.Join(' ', query.Text.Tokens.SkipWhile(t => _index.Words.Conversation.MoreWords.Contains(t.Text) || t.Text == "over").Select(t => t.Text));
        var fresh = _extractor.Extract(rest, today);
        return fresh with { Skip = rest.Length > 0 ? AnswerKit.MaxItems : 0, Signals = fresh.Signals & ~Signals.More };
    }
}
