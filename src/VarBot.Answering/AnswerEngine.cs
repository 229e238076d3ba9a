using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VarBot.Answering.Handlers;
using VarBot.Answering.Search;
using VarBot.Answering.Text;
using VarBot.Answering.Understanding;
using VarBot.Answering.Vocabulary;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

/// <summary>
/// Answers Dutch questions from the knowledge model only: intent rules over slots (time, theme, event type,
/// budget line, organisation fact), BM25 passage search for open questions, and plain "not in the reports" otherwise.
/// Build once per model; <see cref="Ask"/> is thread-safe.
/// </summary>
public sealed partial class AnswerEngine
{
    private const int MaxQuestionLength = 1000;
    private const int MinPassageTokens = 3;
    private static readonly Lazy<Lexicon> SharedLexicon = new(Lexicon.Load);
    private static readonly Lazy<Phrases> SharedPhrases = new(Phrases.Load);

    private readonly KnowledgeModel model;
    private readonly Lexicon lexicon;
    private readonly Phrases phrases;
    private readonly QueryAnalyzer analyzer;
    private readonly SlotExtractor extractor;
    private readonly PassageIndex passages;
    private readonly Dictionary<string, Report> reports;
    private readonly Dictionary<string, Theme> themes;
    private readonly Dictionary<string, int> passagePosition;
    private readonly Regex monthWithoutYear;
    private readonly HashSet<string> genericBudgetStems;
    private readonly Dictionary<string, string> lineKeyByWord = [];
    private readonly HashSet<string> budgetVocabulary;
    private readonly List<List<string>> passageTokens;
    private readonly string?[] quoted;
    private readonly int[][] passageYears;
    private readonly bool[] passageHasNumber;
    private readonly Dictionary<string, HashSet<string>> eventStems;
    private readonly Dictionary<BudgetLine, LineInfo> lineInfo = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> fragmentSuffix = [];
    private readonly HashSet<string> timeWords;
    private readonly HashSet<string> countWords;
    private readonly HashSet<string> numberWords;
    private readonly HashSet<string> orgRoleWords;
    private readonly HashSet<string> commonWords;
    private readonly Dictionary<string, List<(int Line, string Section)>> sectionLines = [];

    private AnswerEngine(KnowledgeModel model)
    {
        this.model = model;
        lexicon = SharedLexicon.Value;
        phrases = SharedPhrases.Value;
        reports = model.Reports.ToDictionary(r => r.Id);
        themes = model.Themes.ToDictionary(t => t.Id);
        passageTokens = model.Passages.Select(p => TextNormalizer.Tokens(p.Text + " " + p.Heading + " " + p.Section, joinBrokenWords: true)).ToList();
        for (var i = 1; i < model.Passages.Count; i++)
        {
            // OCR fragments ("(ROR).") belong to the passage before them: search and quote them together.
            if (WordCount(model.Passages[i].Text) < MinPassageTokens && model.Passages[i].ReportId == model.Passages[i - 1].ReportId && passageTokens[i - 1].Count > 0)
            {
                passageTokens[i - 1].AddRange(TextNormalizer.Tokens(model.Passages[i].Text));
                passageTokens[i] = [];
                var previousId = model.Passages[i - 1].Id;
                fragmentSuffix[previousId] = fragmentSuffix.GetValueOrDefault(previousId, "") + " " + model.Passages[i].Text.Trim();
            }
        }

        analyzer = new QueryAnalyzer(lexicon, passageTokens.SelectMany(t => t).Concat(ModelTokens(model)));
        extractor = new SlotExtractor(lexicon, analyzer, model.Themes);
        passages = new PassageIndex(model.Passages, passageTokens, analyzer);
        monthWithoutYear = new Regex(
            $@"\b({string.Join('|', lexicon.Months)})\b(?!\s+\d{{4}})(?!\s*[-/]\s*\w+\s+\d{{4}})",
            RegexOptions.IgnoreCase);
        genericBudgetStems = lexicon.BudgetWords.Concat(lexicon.TotalWords).Concat(lexicon.JaarrekeningWords)
            .Concat(lexicon.BegrotingWords).Concat(lexicon.ExpenseWords).Concat(lexicon.IncomeWords)
            .Concat(lexicon.CompareWords).Select(QueryAnalyzer.Stem).ToHashSet();
        foreach (var line in lexicon.BudgetLines)
        {
            foreach (var word in line.Words)
            {
                lineKeyByWord.TryAdd(word, line.Key);
            }
        }

        budgetVocabulary = BudgetVocabulary(lexicon, model);
        quoted = new string?[model.Passages.Count];
        passageYears = new int[model.Passages.Count][];
        passageHasNumber = new bool[model.Passages.Count];
        for (var i = 0; i < model.Passages.Count; i++)
        {
            var tokens = passageTokens[i];
            passageYears[i] = [.. tokens.Where(IsYear).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).Distinct()];
            passageHasNumber[i] = tokens.Exists(t => lexicon.NumberWords.Contains(t) || t[0] is >= '0' and <= '9' && !IsYear(t));
        }

        eventStems = model.Events.ToDictionary(e => e.Id, e => TextNormalizer.Tokens(e.Title + " " + e.Topic + " " + e.Place + " " + e.ThemeId?.Replace('-', ' '))
            .Where(t => !analyzer.IsStopword(t)).Select(QueryAnalyzer.Stem).ToHashSet());
        foreach (var line in model.Budgets.SelectMany(b => b.Lines))
        {
            var tokens = TextNormalizer.Tokens(line.Label);
            lineInfo[line] = new LineInfo(
                tokens.Select(t => lineKeyByWord.GetValueOrDefault(t)).OfType<string>().ToHashSet(),
                tokens.Where(t => !analyzer.IsStopword(t)).Select(QueryAnalyzer.Stem).ToList());
        }
        timeWords = [.. lexicon.NextWords, .. lexicon.TodayWords, .. lexicon.TomorrowWords, .. lexicon.DayAfterTomorrowWords,
            .. lexicon.RelativeYears.Keys.SelectMany(k => k.Split(' ')), .. lexicon.RelativeMonths.Keys.SelectMany(k => k.Split(' '))];
        countWords = [.. lexicon.CountQuestionWords];
        numberWords = [.. lexicon.NumberWords];
        orgRoleWords = [.. lexicon.OrgPersonRoleWords];
        commonWords = CommonWords(model);

        passagePosition = [];
        for (var i = 0; i < model.Passages.Count; i++)
        {
            var passage = model.Passages[i];
            passagePosition[passage.Id] = i;
            if (!sectionLines.TryGetValue(passage.Source.File, out var lines))
            {
                sectionLines[passage.Source.File] = lines = [];
            }

            lines.Add((passage.Source.Line, passage.Section));
        }

        foreach (var lines in sectionLines.Values)
        {
            lines.Sort((a, b) => a.Line.CompareTo(b.Line));
        }
    }

    public static AnswerEngine Build(KnowledgeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AnswerEngine(model);
    }

    public Answer Ask(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        try
        {
            var reply = Route(question);
            return Finish(reply, question);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var reply = new Reply("error", "error") { Text = phrases["not_found"], Answered = false, Title = phrases["not_found_title"] };
            reply.Data["text"] = reply.Text;
            return Finish(reply, question);
        }
    }

    private Reply Route(Question question)
    {
        var text = question.Text ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return Simple("empty", phrases["empty_question"]);
        }

        if (text.Length > MaxQuestionLength)
        {
            return Simple("too-long", phrases["too_long"]);
        }

        text = HtmlTag().Replace(text, " ");
        var tokens = TextNormalizer.Tokens(text);
        if (!tokens.Any(t => t.Any(char.IsLetter)) && !tokens.Any(t => t.Length == 4 && t.All(char.IsDigit)))
        {
            return Simple("no-words", phrases["no_words"]);
        }

        if (tokens.Count(lexicon.SqlWords.Contains) >= 2 && text.IndexOfAny([';', '*', '=']) >= 0)
        {
            return Simple("not-understood", phrases["not_understood"]);
        }

        if (LooksEnglish(tokens))
        {
            return Simple("english", phrases["english"]);
        }

        var slots = extractor.Extract(text, question.Today);
        var intent = DetectIntent(slots);
        if (question.Previous is { } previous && previous.Intent != "none" && IsFollowUp(slots, intent))
        {
            intent = MergeFollowUp(slots, previous, intent);
        }

        return intent switch
        {
            "budget" => AnswerBudget(slots, question.Today),
            "budget-text" => AnswerBudgetText(slots, question.Today),
            "monitoring" => AnswerMonitoring(slots, question.Today),
            "future-person" => NotFound(phrases["future_person"]),
            "event" => AnswerEventsPerType(text, question.Today, slots)
                ?? WithEventDetail(AnswerEvents(slots, question.Today), slots, question.Today) ?? AnswerSearch(slots, question.Today),
            "org" => AnswerOrganisation(slots) ?? AnswerSearch(slots, question.Today),
            "themes" => AnswerThemeList(slots, question.Today),
            "theme" => AnswerThemeOverview(slots, question.Today),
            _ => (slots.PersonQuestion ? AnswerPersonByDetail(slots) : null) ?? (slots.Org is null ? AnswerPersonByName(slots) : null)
                ?? AnswerSearch(slots, question.Today),
        };
    }

    /// <summary>
    /// "Wanneer is het volgende Leerhuis en wanneer de Najaarscarrousel?": a question naming two event types gets one
    /// event answer per type, in the order asked. Null when it names fewer types or a type has no answer.
    /// </summary>
    private Reply? AnswerEventsPerType(string text, DateOnly today, QuestionSlots slots)
    {
        var tokens = slots.Tokens;
        var types = lexicon.EventTypes
            .Select(kv => (Index: tokens.FindIndex(kv.Value.Contains), Type: kv.Key))
            .Where(t => t.Index >= 0)
            .OrderBy(t => t.Index)
            .Select(t => Enum.TryParse<EventType>(t.Type, ignoreCase: true, out var type) ? type : (EventType?)null)
            .OfType<EventType>()
            .Distinct()
            .ToList();
        if (types.Count < 2 || !tokens.Contains("en"))
        {
            return null;
        }

        Reply? combined = null;
        foreach (var type in types)
        {
            var own = extractor.Extract(text, today);
            own.EventType = type;
            var reply = AnswerEvents(own, today);
            if (reply is null || !reply.Answered)
            {
                return null;
            }

            if (combined is null)
            {
                combined = reply;
                continue;
            }

            combined.Text += "\n" + reply.Text;
            combined.Data["text"] = combined.Text;
            combined.Sources.AddRange(reply.Sources);
        }

        return combined;
    }

    /// <summary>Words the reports also write in lower case: capitalised, they start a sentence or a title, they are no name.</summary>
    private static HashSet<string> CommonWords(KnowledgeModel model)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in model.Passages)
        {
            foreach (var word in passage.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (char.IsLower(word[0]))
                {
                    set.UnionWith(TextNormalizer.Tokens(word));
                }
            }
        }

        return set;
    }

    private string DetectIntent(QuestionSlots slots)
    {
        // "Wat betalen gemeenten aan de VAR": the municipalities' payment is the inwonersbijdrage line.
        if (slots.Tokens.Exists(PayerWords.Contains) && slots.Tokens.Exists(PayVerbs.Contains))
        {
            slots.LineKeys.Add("inwonersbijdrage");
        }

        // "Wat gaat de VAR dit jaar doen aan mensenhandel" asks for activities, not the mensenhandel budget line.
        var asksActivity = !slots.BudgetWord && !slots.MoneyQuestion && slots.Kinds.Count == 0 && slots.Tokens.Exists(ActivityVerbs.Contains);
        if (!asksActivity && (slots.BudgetWord || slots.WeakBudgetWord || (slots.LineKeys.Count > 0 && (slots.Kinds.Count > 0 || slots.MoneyQuestion))))
        {
            var unexplained = UnexplainedForBudget(slots);
            if (unexplained == 0 && (slots.BudgetWord || slots.LineKeys.Count > 0 || slots.Kinds.Count > 0
                || (slots.WeakBudgetWord && slots.MoneyQuestion && slots.EventType is null)))
            {
                return "budget";
            }

            // A question full of money words ("het verschil tussen wat begroot was en de jaarrekening, welke bedragen")
            // is about the tables even with words the budget vocabulary does not know.
            if (slots.Tokens.Where(lexicon.BudgetWords.Contains).Distinct().Count() >= 3 && slots.EventType is null)
            {
                return "budget";
            }

            if (slots.BudgetWord)
            {
                return "budget-text";
            }
        }

        if (slots.Monitoring is not null)
        {
            return "monitoring";
        }

        if (slots.PersonQuestion && (slots.Next || slots.Tokens.Exists(lexicon.FuturePersonWords.Contains)) && slots.EventType is null)
        {
            return "future-person";
        }

        if (slots.EventType is not null || slots.Tokens.Contains("agenda") || (slots.AgendaWord && slots.Next)
            || ((slots.RelativeMonth || (slots.RelativeDay && (slots.YesNo || slots.AgendaWord))) && slots.Theme is null && slots.Org is null))
        {
            return "event";
        }

        if (slots.Org is not null && slots.OrgRemainder == 0)
        {
            return "org";
        }

        if (slots.Theme is null && slots.ThemeListWord && slots.ActivityOnly)
        {
            return "themes";
        }

        if (slots.Theme is not null && slots.ActivityOnly)
        {
            return "theme";
        }

        return "search";
    }

    private static readonly HashSet<string> PayerWords = ["gemeenten", "gemeente"];
    private static readonly HashSet<string> PayVerbs = ["betalen", "betaalt", "betaald", "betaalden", "bijdragen", "bijgedragen", "dragen"];
    private static readonly HashSet<string> ActivityVerbs = ["doen", "doet", "deed", "deden", "gedaan", "ondernemen", "ondernomen", "gebeurt", "gebeurd"];

    private bool IsFollowUp(QuestionSlots slots, string intent)
    {
        if (slots.Tokens.Count > 7)
        {
            return false;
        }

        var ownWords = slots.Content.Count(t => !extractor.IsSlotWord(t) && !lexicon.ActivityWords.Contains(t));
        return slots.StartsAsFollowUp || intent == "search" && ownWords == 0 || slots.Tokens.Count <= 3 && ownWords == 0;
    }

    private string MergeFollowUp(QuestionSlots slots, ConversationContext previous, string intent)
    {
        var p = previous.Slots;
        var newIntent = intent;
        var ownWords = slots.Content.Count(t => !extractor.IsSlotWord(t) && !lexicon.ActivityWords.Contains(t));
        if (intent is "search" or "theme" && (ownWords == 0 || slots.Theme is not null))
        {
            newIntent = previous.Intent;
        }

        if (intent == "budget" && previous.Intent == "budget")
        {
            newIntent = "budget";
        }

        if (slots.Years.Count == 0 && p.TryGetValue("years", out var years))
        {
            slots.Years.AddRange(years.Split(',').Select(y => int.Parse(y, CultureInfo.InvariantCulture)));
        }

        if (slots.Theme is null && p.TryGetValue("theme", out var themeId) && themes.TryGetValue(themeId, out var theme))
        {
            slots.Theme = theme;
        }

        if (slots.EventType is null && p.TryGetValue("eventType", out var type) && Enum.TryParse<EventType>(type, out var eventType))
        {
            slots.EventType = eventType;
        }

        if (slots.Season is null && p.TryGetValue("season", out var season))
        {
            slots.Season = season;
        }

        if (newIntent == "budget" && previous.Intent == "budget")
        {
            if (slots.LineKeys.Count == 0 && p.TryGetValue("lines", out var lines) && !slots.TotalWord)
            {
                slots.LineKeys.UnionWith(lines.Split(',', StringSplitOptions.RemoveEmptyEntries));
            }

            if (slots.NegatedKeys.Count == 0 && p.TryGetValue("negated", out var negated))
            {
                slots.NegatedKeys.UnionWith(negated.Split(',', StringSplitOptions.RemoveEmptyEntries));
            }

            if (slots.Side is null && p.TryGetValue("side", out var side) && Enum.TryParse<BudgetSide>(side, out var budgetSide))
            {
                slots.Side = budgetSide;
            }
        }

        if (newIntent is "search" && p.TryGetValue("query", out var query))
        {
            slots.Content.AddRange(query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(q => !slots.Content.Contains(q)));
        }

        if (newIntent == "event" && p.TryGetValue("eventId", out var eventId) && slots.Years.Count <= 1)
        {
            slots.Content.Add("@event:" + eventId);
        }

        if (newIntent == "org" && slots.Org is null && p.TryGetValue("org", out var org) && Enum.TryParse<OrganisationFactKind>(org, out var orgKind))
        {
            slots.Org = orgKind;
        }

        return newIntent;
    }

    private Reply Simple(string intent, string text)
    {
        var reply = new Reply(intent, "notFound") { Text = text, Answered = false, Title = phrases["welcome_title"] };
        reply.Data["text"] = text;
        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }

    private Reply NotFound(string? text = null)
    {
        var reply = new Reply("unknown", "notFound") { Answered = false, Title = phrases["not_found_title"] };
        reply.Text = text ?? phrases["not_found"];
        reply.Data["text"] = reply.Text;
        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }

    private IEnumerable<string> DefaultSuggestions()
    {
        var planYear = model.Reports.Count > 0 ? model.Reports.Max(r => r.PlanYear) : 0;
        yield return phrases["suggest_next_leerhuis"];
        yield return phrases["suggest_themes"];
        if (planYear > 0)
        {
            yield return phrases.Format("suggest_budget_year", planYear);
        }
    }

    private Answer Finish(Reply reply, Question question)
    {
        var data = reply.Data;
        data["title"] = reply.Title;
        data["intro"] = reply.Intro;
        var sourceTexts = reply.Sources
            .Select(s => string.IsNullOrEmpty(s.Section) ? s.ReportTitle : $"{s.ReportTitle} – {s.Section}")
            .Distinct()
            .Take(6)
            .ToList();
        data["sources"] = new JsonArray([.. sourceTexts.Select(s => (JsonNode?)JsonValue.Create(s))]);
        // A follow-up never repeats the question just answered.
        var asked = SuggestionKey(question.Text ?? "");
        var suggestions = reply.Suggestions.Distinct().Where(s => SuggestionKey(s) != asked).Take(4).ToList();
        if (suggestions.Count < 2)
        {
            suggestions = [.. suggestions.Concat(DefaultSuggestions().Where(s => SuggestionKey(s) != asked)).Distinct().Take(Math.Max(2, suggestions.Count))];
        }

        data["suggestions"] = new JsonArray([.. suggestions.Select(s => (JsonNode?)JsonValue.Create(s))]);
        data["answerId"] = AnswerId(question, reply);
        if (reply.Template is "answer" && data["facts"] is null)
        {
            data["facts"] = new JsonArray();
        }

        var context = new ConversationContext(reply.Intent, reply.Slots);
        return new Answer(reply.Intent, reply.Text, new AnswerCard(reply.Template, data), reply.Sources, suggestions, context, reply.Answered);
    }

    private static string SuggestionKey(string text) => string.Join(' ', TextNormalizer.Tokens(text).Select(QueryAnalyzer.Stem));

    private static string AnswerId(Question question, Reply reply)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{question.Today:yyyy-MM-dd}|{question.Text}|{reply.Intent}"));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private AnswerSource SourceFor(string reportId, string section, SourceRef? source) =>
        new(reportId, reports.TryGetValue(reportId, out var report) ? report.Title : reportId, section, source);

    /// <summary>The report section a source line lies in: the section of the nearest passage at or above that line.</summary>
    private string? SectionAt(SourceRef source)
    {
        if (!sectionLines.TryGetValue(source.File, out var lines))
        {
            return null;
        }

        string? section = null;
        foreach (var (line, name) in lines)
        {
            if (line > source.Line)
            {
                break;
            }

            section = name;
        }

        return section;
    }

    private AnswerSource? SourceForFile(SourceRef source, string section)
    {
        var report = model.Reports.FirstOrDefault(r => r.SourceFile == source.File || source.File.EndsWith(r.SourceFile, StringComparison.Ordinal) || r.SourceFile.EndsWith(source.File, StringComparison.Ordinal));
        return report is null ? null : new AnswerSource(report.Id, report.Title, section, source);
    }

    private bool LooksEnglish(List<string> tokens)
    {
        if (tokens.Count < 2)
        {
            return false;
        }

        var english = tokens.Count(t => lexicon.EnglishWords.Contains(t));
        var dutch = tokens.Count(t => analyzer.IsStopword(t) && !lexicon.EnglishWords.Contains(t));
        return english >= 2 && english > dutch * 2 && english * 2 >= tokens.Count;
    }

    private static IEnumerable<string> ModelTokens(KnowledgeModel model)
    {
        var texts = model.Events.Select(e => e.Title + " " + e.Topic + " " + e.Place)
            .Concat(model.Budgets.SelectMany(b => b.Lines.Select(l => l.Label + " " + l.Group)))
            .Concat(model.Themes.SelectMany(t => t.Aliases.Append(t.Name).Concat(t.FormerNames)))
            .Concat(model.Monitoring.Select(m => m.Title + " " + m.Performer))
            .Concat(model.Organisation.Select(o => o.Value + " " + o.Detail));
        foreach (var text in texts)
        {
            foreach (var token in TextNormalizer.Tokens(text))
            {
                yield return token;
            }
        }
    }

    private static bool IsYear(string token) => token.Length == 4 && token[0] is '1' or '2' && token.All(char.IsDigit);

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>A budget line's label read once at build: the lexicon keys it names and its stems.</summary>
    private sealed record LineInfo(HashSet<string> Keys, List<string> Stems);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}
