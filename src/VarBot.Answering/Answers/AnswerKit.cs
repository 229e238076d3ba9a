using Microsoft.Extensions.Logging;
using VarBot.Answering.Indexes;
using VarBot.Answering.Realisation;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Answering.Vocabulary;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Answers;

/// <summary>One class per intent: answers a routed query from the shared indexes.</summary>
internal interface IAnswerer
{
    Intent Intent { get; }

    Reply Answer(Query query);
}

/// <summary>What every intent class shares: the indexes, the texts, and the pieces every reply needs.</summary>
internal sealed class AnswerKit(KnowledgeIndex index, Texts texts, ILogger logger)
{
    public const int MaxItems = 5;

    public KnowledgeIndex Index { get; } = index;

    /// <summary>The engine's logger, for the Debug lines `varbot ask --trace` shows.</summary>
    public ILogger Logger { get; } = logger;
    public Texts Texts { get; } = texts;
    public Words Words => Index.Words;
    public KnowledgeModel Model => Index.Model;

    /// <summary>The context a reply leaves for the next turn: the query's slots.</summary>
    public ConversationContext ContextOf(Query query, Intent intent, string? eventId = null, IReadOnlyList<int>? years = null) => new()
    {
        Intent = intent.ToString(),
        Question = query.Text.Raw,
        Shown = query.Skip,
        Years = years ?? (query.Years.Count > 0 ? query.Years : null),
        RangeFrom = query.Range?.From,
        RangeTo = query.Range?.To,
        ThemeId = query.ThemeId,
        // One meeting answered from a question that named no kind of meeting ("wat staat er in maart op de agenda?"): the
        // meeting's own kind, so "met welke partners organiseren we hem?" asks a detail of that meeting.
        EventType = query.EventTypes.Count > 0 ? query.EventTypes[0] : eventId is not null ? Model.Events.FirstOrDefault(e => e.Id == eventId)?.Type : null,
        EventId = eventId,
        TitleSeason = query.TitleSeason,
        LineKeys = query.LineKeys.Count > 0 ? query.LineKeys : null,
        Kind = query.Kind,
        Side = query.Side,
        Role = query.Role,
        Monitoring = query.Monitoring,
        Terms = query.Terms.Count > 0 ? query.Terms.Select(t => t.Text).ToList() : null,
        // "hoeveel PmG-subsidie": an amount asked, not a count; "en hoeveel was dat in 2023?" asks the amount again.
        Counted = query.CountNoun.Count > 0 && !query.Has(Signals.Money) ? query.CountNoun : null,
        LineLabel = query.LineLabel,
        Person = query.Person,
        Asks = AsksOf(query.Signals),
    };

    /// <summary>The question-kind signals of <paramref name="signals"/> a follow-up takes over, by name (null when none).</summary>
    public static IReadOnlyList<string>? AsksOf(Signals signals) =>
        (signals & Conversation.FollowUp.AskSignals) is var asks && asks != Signals.None ? [.. asks.Names()] : null;

    /// <summary>The facts without those that say what an earlier one says (two reports often write a meeting alike).</summary>
    public static List<Fact> Distinct(IEnumerable<Fact> facts)
    {
        var distinct = new List<Fact>();
        foreach (var fact in facts)
        {
            if (!distinct.Exists(d => Sentences.SaysTheSame(d.Text, fact.Text)))
            {
                distinct.Add(fact);
            }
        }

        return distinct;
    }

    public FactSource SourceOf(PassageEntry entry) => new(entry.Passage.ReportId, entry.Passage.Section, entry.Passage.Source);

    public FactSource? SourceOf(SourceRef source, string section)
    {
        var report = Index.ReportOf(source);
        return report is null ? null : new FactSource(report.Id, Index.SectionAt(source) ?? section, source);
    }

    public FactSource SourceOf(Budget budget) => new(budget.ReportId, budget.Title, budget.Source);

    public string ReportTitle(string reportId) => Index.Reports.TryGetValue(reportId, out var report) ? report.Title : reportId;

    /// <summary>A reply that says the reports do not hold the answer, with example questions.</summary>
    public Reply NotFound(Query query, Intent intent, string? lead = null, IReadOnlyList<string>? suggestions = null) => new()
    {
        Intent = intent,
        Template = "notFound",
        Title = Texts["not_found_title"],
        Lead = lead ?? Texts["not_found"],
        Answered = false,
        Suggestions = suggestions ?? DefaultSuggestions(),
        Context = ContextOf(query, intent),
    };

    public IReadOnlyList<string> DefaultSuggestions() =>
    [
        Texts["suggest_next_leerhuis"],
        Texts["suggest_themes"],
        Texts.Format("suggest_budget_year", Index.LatestPlanYear),
    ];

    public string ThemeName(string themeId) => Index.Themes.TryGetValue(themeId, out var theme) ? theme.Name : themeId;

    /// <summary>"in 2026", "in maart 2026", "op 23 maart 2026": a date window in words.</summary>
    public string Period(DateRange range)
    {
        if (range.IsDay)
        {
            return Texts.Format("when_day", DutchFormat.Date(range.From));
        }

        if (range.From.Day == 1 && range.To == range.From.AddMonths(1).AddDays(-1))
        {
            return Texts.Format("when_month", DutchFormat.MonthYear(range.From.Year, range.From.Month));
        }

        return Texts.Format("when_range", DutchFormat.Date(range.From), DutchFormat.Date(range.To));
    }

    private HashSet<string>? _commonWords;

    /// <summary>A capitalised word is a name when the reports never write it in lower case.</summary>
    public bool IsName(string word)
    {
        _commonWords ??= BuildCommonWords();
        var tokens = Analysis.TextNormalizer.Tokens(word);
        return tokens.Count > 0 && !tokens.TrueForAll(_commonWords.Contains);
    }

    private HashSet<string> BuildCommonWords()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in Model.Passages)
        {
            foreach (var word in passage.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (char.IsLower(word[0]))
                {
                    set.UnionWith(Analysis.TextNormalizer.Tokens(word));
                }
            }
        }

        return set;
    }

    /// <summary>"vier", "twaalf": a count as the vocabulary writes it, or in digits.</summary>
    public string NumberWord(int n) =>
        Words.Language.Numbers.Where(kv => kv.Value == n && !kv.Key.EndsWith("maal", StringComparison.Ordinal) && kv.Key != "een").Select(kv => kv.Key).FirstOrDefault()
        ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
