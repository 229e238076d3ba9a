using VarBot.Answering.Handlers;
using VarBot.Answering.Understanding;

namespace VarBot.Answering;

public sealed partial class AnswerEngine
{
    private Reply? AnswerOrganisation(QuestionSlots slots)
    {
        var kind = slots.Org!.Value;
        var facts = model.Organisation.Where(f => f.Kind == kind).ToList();
        if (slots.Years.Count > 0 && facts.Any(f => slots.Years.Contains(f.Year)))
        {
            facts = facts.Where(f => slots.Years.Contains(f.Year)).ToList();
        }

        if (facts.Count == 0)
        {
            return null;
        }

        var year = facts.Max(f => f.Year);
        var latest = facts.Where(f => f.Year == year).ToList();
        var fact = latest[0];
        var reply = new Reply("org", "answer") { Title = phrases["org_title"] };
        var textKey = $"org_{kind}_text";
        if (phrases.Has(textKey))
        {
            reply.Text = phrases.Format("org_count", year, phrases.Format(textKey, fact.Value));
        }
        else
        {
            var value = string.Join(", ", latest.Select(f => f.Detail is null ? f.Value : $"{f.Value} ({f.Detail})"));
            reply.Text = phrases.Format("org_fact", phrases[$"org_{kind}"], year, value);
        }

        reply.Data["text"] = reply.Text;
        reply.Sources.Add(SourceFor(fact.ReportId, "Voorwoord", fact.Source));
        reply.Slots["org"] = kind.ToString();
        reply.Suggestions.Add(phrases["suggest_chair"]);
        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }
}
