using System.Globalization;
using VarBot.Answering.Handlers;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

public sealed partial class AnswerEngine
{
    /// <summary>
    /// An organisation fact from the latest report that states it, or from the report of the year asked about;
    /// the answer always names the report year. For a year without a report, the nearest earlier report is used and named.
    /// </summary>
    private static readonly OrganisationFactKind[] OrgSuggestionKinds =
        [OrganisationFactKind.Chair, OrganisationFactKind.Municipalities, OrganisationFactKind.NewsletterSubscribers];

    private Reply? AnswerOrganisation(QuestionSlots slots)
    {
        var kind = slots.Org!.Value;
        var facts = model.Organisation.Where(f => f.Kind == kind).ToList();
        if (facts.Count == 0)
        {
            return null;
        }

        string? note = null;
        if (slots.Years.Count > 0)
        {
            var asked = slots.Years[0];
            if (facts.Any(f => f.Year == asked))
            {
                facts = facts.Where(f => f.Year == asked).ToList();
            }
            else
            {
                var earlier = facts.Where(f => f.Year < asked).ToList();
                var isPerson = kind is OrganisationFactKind.Chair or OrganisationFactKind.ViceChair or OrganisationFactKind.Head;
                if (earlier.Count == 0 && (isPerson || asked < model.Reports.Min(r => r.ReportYear)))
                {
                    var none = NotFound(phrases.Format("org_before_reports", asked, model.Reports.Min(r => r.ReportYear)));
                    none.Intent = "org";
                    none.Slots["org"] = kind.ToString();
                    return none;
                }

                // A count (subscribers, followers) the reports give only for a later year: say so and give that year's.
                var nearest = earlier.Count > 0 ? earlier.Max(f => f.Year) : facts.Min(f => f.Year);
                facts = facts.Where(f => f.Year == nearest).ToList();
                note = phrases.Format(earlier.Count > 0 ? "org_other_year" : "org_later_year", asked, nearest);
            }
        }

        var year = facts.Max(f => f.Year);
        var latest = facts.Where(f => f.Year == year).ToList();
        var fact = latest[0];
        var reply = new Reply("org", "answer") { Title = phrases["org_title"] };
        var textKey = $"org_{kind}_text";
        if (phrases.Has(textKey))
        {
            reply.Text = phrases.Format("org_count", year, phrases.Format(textKey, NumberOrValue(fact.Value)));
        }
        else
        {
            var value = string.Join(", ", latest.Select(f => f.Detail is null ? f.Value : $"{f.Value} ({f.Detail})"));
            var latestReport = model.Organisation.Max(f => f.Year);
            reply.Text = phrases.Format(year < latestReport ? "org_fact_past" : "org_fact", phrases[$"org_{kind}"], year, value);
        }

        if (note is not null)
        {
            reply.Text = note + " " + reply.Text;
        }

        reply.Data["text"] = reply.Text;
        reply.Sources.Add(SourceFor(fact.ReportId, SectionAt(fact.Source) ?? phrases["org_title"], fact.Source));
        reply.Slots["org"] = kind.ToString();
        if (slots.Years.Count > 0)
        {
            reply.Slots["years"] = slots.Years[0].ToString(CultureInfo.InvariantCulture);
        }

        foreach (var other in OrgSuggestionKinds.Where(k => k != kind).Take(2))
        {
            reply.Suggestions.Add(phrases["suggest_org_" + other]);
        }

        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }

    /// <summary>
    /// "Wie is de burgemeester van Maassluis?": an organisation fact about a person whose detail names an asked word
    /// ("Burgemeester Maassluis"), from the latest report that states it.
    /// </summary>
    private Reply? AnswerPersonByDetail(QuestionSlots slots)
    {
        var words = slots.Content.Where(t => !analyzer.IsStopword(t) && !t.All(char.IsDigit) && t.Length > 3).ToHashSet();
        if (!words.Overlaps(orgRoleWords))
        {
            return null;
        }

        words.ExceptWith(orgRoleWords);
        if (words.Count == 0)
        {
            return null;
        }

        var fact = model.Organisation
            .Where(f => f.Kind is OrganisationFactKind.Chair or OrganisationFactKind.ViceChair or OrganisationFactKind.Head && f.Detail is not null)
            .Where(f => words.IsSubsetOf(Text.TextNormalizer.Tokens(f.Detail!)))
            .OrderByDescending(f => f.Year)
            .FirstOrDefault();
        if (fact is null)
        {
            return null;
        }

        var reply = new Reply("org", "answer") { Title = phrases["org_title"] };
        reply.Text = phrases.Format("org_person", fact.Value, fact.Detail, fact.Year, phrases["org_role_" + fact.Kind]);
        reply.Data["text"] = reply.Text;
        reply.Sources.Add(SourceFor(fact.ReportId, SectionAt(fact.Source) ?? phrases["org_title"], fact.Source));
        reply.Slots["org"] = fact.Kind.ToString();
        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }

    /// <summary>
    /// "Jack de Vries is burgemeester van welke gemeente?": a question naming a chair, vice-chair or head by first and
    /// last name gets that person's role and description from the latest report that names them.
    /// </summary>
    private Reply? AnswerPersonByName(QuestionSlots slots)
    {
        var asked = slots.Tokens.ToHashSet();
        var fact = model.Organisation
            .Where(f => f.Kind is OrganisationFactKind.Chair or OrganisationFactKind.ViceChair or OrganisationFactKind.Head)
            .Where(f =>
            {
                var name = Text.TextNormalizer.Tokens(f.Value).Where(t => t.Length > 1 && !analyzer.IsStopword(t)).ToList();
                return name.Count >= 2 && name.TrueForAll(asked.Contains);
            })
            .OrderByDescending(f => f.Year)
            .FirstOrDefault();
        if (fact is null)
        {
            return null;
        }

        var reply = new Reply("org", "answer") { Title = phrases["org_title"] };
        reply.Text = fact.Detail is null
            ? phrases.Format("org_fact_past", phrases[$"org_{fact.Kind}"], fact.Year, fact.Value)
            : phrases.Format("org_person", fact.Value, fact.Detail, fact.Year, phrases["org_role_" + fact.Kind]);
        reply.Data["text"] = reply.Text;
        reply.Sources.Add(SourceFor(fact.ReportId, SectionAt(fact.Source) ?? phrases["org_title"], fact.Source));
        reply.Slots["org"] = fact.Kind.ToString();
        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }

    /// <summary>A count written in digits gets Dutch thousands separators ("1400" reads "1.400"); names stay as they are.</summary>
    private static string NumberOrValue(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1000
            ? DutchFormat.Amount(number)[2..]
            : value;
}
