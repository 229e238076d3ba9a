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
    private readonly Realiser _realiser;
    private readonly AnswerKit _kit;
    private readonly IReadOnlyDictionary<Intent, IAnswerer> _answerers;
    private readonly ILogger _logger;

    private AnswerEngine(KnowledgeModel model, ILogger logger)
    {
        _logger = logger;
        var words = Words.Load();
        var texts = Texts.Load();
        _index = new KnowledgeIndex(model, words);
        _extractor = new QueryExtractor(_index);
        _router = new Router();
        _realiser = new Realiser(_index, texts);
        _kit = new AnswerKit(_index, texts);
        var search = new SearchAnswerer(_kit);
        var events = new EventFinder(_kit);
        var budgets = new BudgetFinder(_kit);
        var next = new EventNextAnswerer(_kit, events);
        var line = new BudgetLineAnswerer(_kit, budgets);
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
            new BudgetCompareAnswerer(_kit, budgets, line),
            new BudgetBreakdownAnswerer(_kit, budgets),
            line,
            new MoneyTextAnswerer(_kit, search, line, budgets),
            new EventDayAnswerer(_kit, events),
            new EventDetailAnswerer(_kit, events, next, search),
            new EventListAnswerer(_kit, events),
            next,
            new PersonAnswerer(_kit, search),
            new OrganisationAnswerer(_kit),
            new ThemeListAnswerer(_kit),
            new ThemeOverviewAnswerer(_kit, search),
            search,
        ];
        _answerers = all.ToDictionary(a => a.Intent);
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

    public Answer Ask(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var intent = "none";
        try
        {
            var query = _extractor.Extract(question.Text, question.Today);
            var previous = question.Previous;
            var followUp = false;
            if (query.Has(Signals.More))
            {
                query = More(query, previous, question.Today);
            }
            else if (FollowUp.Continues(query, previous))
            {
                query = FollowUp.Merge(query, previous!, _index.Analyzer);
                followUp = true;
            }

            var rule = _router.Route(query);
            intent = rule.Intent.ToString();
            _logger.Routed(rule.Name, intent, followUp);
            var reply = _answerers[rule.Intent].Answer(query);
            return _realiser.Realise(reply, question);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.AnswerFailed(ex, intent);
            return _realiser.Realise(_kit.NotFound(new Query { Text = new Analysis.AnalysedText(question.Text ?? "", []), Today = question.Today }, Intent.Search), question);
        }
    }

    /// <summary>"Meer": the previous question again, one page further; without a previous answer, the rest of the text.</summary>
    private Query More(Query query, ConversationContext? previous, DateOnly today)
    {
        if (previous?.Question is { Length: > 0 } asked)
        {
            var again = _extractor.Extract(asked, today);
            var merged = FollowUp.Merge(again, previous, _index.Analyzer);
            return merged with { Page = Math.Max(1, previous.Page) + 1, Signals = merged.Signals & ~Signals.More };
        }

        var rest = string.Join(' ', query.Text.Tokens.SkipWhile(t => _index.Words.Conversation.MoreWords.Contains(t.Text) || t.Text == "over").Select(t => t.Text));
        var fresh = _extractor.Extract(rest, today);
        return fresh with { Page = rest.Length > 0 ? 2 : 1, Signals = fresh.Signals & ~Signals.More };
    }
}
