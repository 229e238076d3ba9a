using System.Globalization;
using VarBot.Answering.Handlers;
using VarBot.Answering.Text;
using VarBot.Answering.Understanding;
using VarBot.Answering.Vocabulary;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

public sealed partial class AnswerEngine
{
    private const int MaxPublications = 6;

    /// <summary>
    /// Monitoring publications (GVB, Veiligheidsmonitor, Mensenhandelmonitor) of the year asked, or the latest ones,
    /// with when they appear, who performs them, and the report passage that says so.
    /// </summary>
    private Reply AnswerMonitoring(QuestionSlots slots, DateOnly today)
    {
        var kind = slots.Monitoring!.Value;
        var all = model.Monitoring.Where(m => m.Kind == kind).ToList();
        var chosen = all;
        if (slots.Years.Count > 0)
        {
            var years = slots.Years;
            var appearing = all.Where(m => years.Contains(m.Year)).ToList();
            var covering = all.Where(m => m.Covers is { } c && years.Any(y => c.Contains(y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))).ToList();
            var asksCover = slots.Tokens.Contains("over") || slots.Tokens.Contains(lexicon.MonitoringKinds[kind.ToString()][0]) && slots.Tokens.Count <= 4;
            chosen = asksCover && covering.Count > 0 ? covering : appearing.Count > 0 ? appearing : covering;
        }

        string? lead = null;
        if (slots.Next && slots.Years.Count == 0)
        {
            var planned = all.Where(m => m.Status == PublicationStatus.Planned && m.Year >= today.Year)
                .OrderBy(m => m.Year).ThenBy(m => m.Month ?? 13).ToList();
            lead = planned.Count > 0 ? phrases["monitoring_next"] : phrases.Format("monitoring_none_next", DutchFormat.Date(today));
            chosen = planned.Count > 0 ? planned.Take(2).ToList() : all.OrderByDescending(m => m.Year).Take(1).ToList();
        }
        else
        {
            chosen = chosen.OrderByDescending(m => m.Year).ThenByDescending(m => m.Month ?? 0).Take(MaxPublications).ToList();
        }

        var kindWords = lexicon.MonitoringKinds[kind.ToString()];
        var search = AnswerSearch(slots, today, restrict: p => passageTokens[passagePosition[p.Id]].Exists(t => kindWords.Contains(t) || t == "monitor"));
        if (chosen.Count == 0)
        {
            return search;
        }

        var name = chosen[0].Kind switch
        {
            MonitoringKind.GezamenlijkVeiligheidsbeeld => "het Gezamenlijk Veiligheidsbeeld (GVB)",
            MonitoringKind.Veiligheidsmonitor => "de Veiligheidsmonitor",
            _ => "de Mensenhandelmonitor",
        };
        var reply = new Reply("monitoring", "answer") { Title = phrases["monitoring_title"] };
        reply.Text = phrases.Format("monitoring_intro", name);
        var lines = new List<string>();
        foreach (var publication in chosen)
        {
            var when = publication.When is { } w && w.Contains(publication.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                ? w
                : publication.When is { } w2 ? $"{w2} {publication.Year}" : publication.Year.ToString(CultureInfo.InvariantCulture);
            var status = publication.Status == PublicationStatus.Published ? phrases["monitoring_published"] : phrases["monitoring_planned"];
            var line = $"- {publication.Title}: {status} {when}";
            if (publication.Performer is { } performer)
            {
                line += ", " + phrases.Format("monitoring_by", performer);
            }

            lines.Add(line);
            reply.Sources.Add(SourceFor(ReportIdOf(publication.Source) ?? "", SectionAt(publication.Source) ?? phrases["monitoring_title"], publication.Source));
        }

        var text = (lead is null ? "" : lead + "\n") + string.Join('\n', lines);
        if (search.Answered && search.Data["text"] is { } passages)
        {
            text += "\n\n" + passages.GetValue<string>();
            reply.Sources.AddRange(search.Sources);
        }

        reply.Data["text"] = text;
        reply.Slots["monitoring"] = kind.ToString();
        if (slots.Years.Count > 0)
        {
            reply.Slots["years"] = string.Join(',', slots.Years);
        }

        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }

    private string? ReportIdOf(SourceRef source) =>
        model.Reports.FirstOrDefault(r => source.File.EndsWith(r.SourceFile, StringComparison.Ordinal) || r.SourceFile.EndsWith(source.File, StringComparison.Ordinal))?.Id;

    /// <summary>Budget questions that name something besides budget vocabulary: a passage with a figure first, then the tables.</summary>
    private Reply AnswerBudgetText(QuestionSlots slots, DateOnly today)
    {
        var search = AnswerSearch(slots, today, requireNumber: true);
        if (search.Answered)
        {
            return search;
        }

        if (UnexplainedBudgetWords(slots).Any(t => !analyzer.IsKnown(t)))
        {
            return NotFound();
        }

        return AnswerBudget(slots, today);
    }

    private int UnexplainedForBudget(QuestionSlots slots) => UnexplainedBudgetWords(slots).Count();

    /// <summary>Content words that are neither budget vocabulary nor words of any budget line label.</summary>
    private IEnumerable<string> UnexplainedBudgetWords(QuestionSlots slots) =>
        slots.Content.Where(t => !t.StartsWith('@') && !t.All(char.IsDigit) && !analyzer.IsStopword(t) && !extractor.IsSlotWord(t)
            && !budgetVocabulary.Contains(t) && !budgetVocabulary.Contains(QueryAnalyzer.Stem(t)));

    private static HashSet<string> BudgetVocabulary(Lexicon lexicon, KnowledgeModel model)
    {
        var words = lexicon.BudgetWords.Concat(lexicon.WeakBudgetWords).Concat(lexicon.MoneyQuestionWords)
            .Concat(lexicon.JaarrekeningWords).Concat(lexicon.BegrotingWords).Concat(lexicon.BothKindsWords)
            .Concat(lexicon.ExpenseWords).Concat(lexicon.IncomeWords).Concat(lexicon.TotalWords).Concat(lexicon.BreakdownWords)
            .Concat(lexicon.CompareWords).Concat(lexicon.NegationWords).Concat(lexicon.BudgetLines.SelectMany(l => l.Words))
            .Concat(lexicon.OrgCountWords)
            .Concat(model.Budgets.SelectMany(b => b.Lines.SelectMany(l => TextNormalizer.Tokens(l.Label + " " + l.Group))));
        var set = new HashSet<string>();
        foreach (var word in words)
        {
            set.Add(word);
            set.Add(QueryAnalyzer.Stem(word));
        }

        return set;
    }

    /// <summary>An event answer to a question about its content gets the report passages about that event.</summary>
    private Reply? WithEventDetail(Reply? reply, QuestionSlots slots, DateOnly today)
    {
        if (reply is null || !reply.Answered || !slots.EventDetail || reply.Data["events"] is not System.Text.Json.Nodes.JsonArray { Count: 1 } events)
        {
            return reply;
        }

        var first = model.Events.FirstOrDefault(e => e.Id == events[0]?["id"]?.GetValue<string>());
        if (first is null)
        {
            return reply;
        }

        var search = AnswerSearch(slots, today);
        if (!search.Answered || search.Data["text"] is not { } text)
        {
            if (CountNoun(slots) is { } counted)
            {
                // "Hoeveel mensen waren er bij het leerhuis": the date is known, the count is not; say so.
                reply.Text += "\n" + phrases.Format("event_count_unknown", string.Join(' ', counted));
            }

            return reply;
        }

        reply.Text += "\n" + phrases["event_detail_intro"] + "\n" + text.GetValue<string>();
        reply.Sources.AddRange(search.Sources);
        return reply;
    }
}
