using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Answering.Answers;
using VarBot.Answering.Indexes;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Realisation;

/// <summary>
/// Realise stage: turns a typed <see cref="Reply"/> into the card data and its plain-text summary. One screen at most:
/// the lead, five bullets (or five events, or five table rows), a "Meer" follow-up for the rest.
/// </summary>
internal sealed class Realiser(KnowledgeIndex index, Texts texts)
{
    private const int MaxSuggestions = 3;
    private const int MaxSources = 3;

    public Answer Realise(Reply reply, Question question)
    {
        var data = new JsonObject
        {
            ["title"] = reply.Title,
            ["intro"] = "",
            ["text"] = "",
        };
        var items = reply.Items.Take(AnswerKit.MaxItems).Select(i => i.Text).ToList();
        var bullets = string.Join('\n', items.Select(i => "- " + i));
        var summary = new StringBuilder(reply.Lead);
        switch (reply.Template)
        {
            case "events":
                data["intro"] = Join(reply.Lead, bullets);
                var events = new JsonArray();
                foreach (var e in reply.Events.Take(AnswerKit.MaxItems))
                {
                    var item = new JsonObject
                    {
                        ["id"] = e.Id,
                        ["date"] = DutchFormat.When(e),
                        ["type"] = texts["type_" + e.Type],
                        ["title"] = e.Title,
                        ["status"] = new Answers.EventFinder(new AnswerKit(index, texts)).Status(e, question.Today),
                    };
                    if (!string.IsNullOrWhiteSpace(e.Topic) && !e.Title.Contains(e.Topic, StringComparison.OrdinalIgnoreCase))
                    {
                        item["topic"] = e.Topic;
                    }

                    if (!string.IsNullOrWhiteSpace(e.Place))
                    {
                        item["place"] = e.Place;
                    }

                    events.Add(item);
                }

                data["events"] = events;
                AppendLines(summary, bullets);
                AppendLines(summary, string.Join('\n', reply.Events.Take(AnswerKit.MaxItems).Select(e => $"- {DutchFormat.When(e)}: {Answers.EventFinder.Name(e)}")));
                break;
            case "budget":
                data["intro"] = Join(reply.Lead, bullets);
                data["columns"] = new JsonArray([.. reply.Columns.Select(c => (JsonNode?)JsonValue.Create(c))]);
                data["rows"] = new JsonArray([.. reply.Rows.Select(r => (JsonNode?)new JsonObject
                {
                    ["label"] = r.Label,
                    ["values"] = new JsonArray([.. r.Values.Select(v => (JsonNode?)JsonValue.Create(v))]),
                    ["isTotal"] = r.IsTotal,
                })]);
                data["note"] = reply.Note;
                AppendLines(summary, bullets);
                break;
            case "notFound":
                data["text"] = Join(reply.Lead, bullets);
                AppendLines(summary, bullets);
                break;
            default:
                data["intro"] = reply.Lead;
                data["text"] = bullets;
                data["facts"] = new JsonArray();
                AppendLines(summary, bullets);
                break;
        }

        var sources = reply.Sources.Where(s => s.ReportId.Length > 0).Select(Source).DistinctBy(s => (s.ReportId, s.Section)).ToList();
        data["sources"] = new JsonArray([.. sources.Take(MaxSources).Select(s => (JsonNode?)JsonValue.Create(s.Section.Length == 0 ? s.ReportTitle : $"{s.ReportTitle} – {s.Section}"))]);
        var asked = Key(question.Text);
        var suggestions = reply.Suggestions.Where(s => Key(s) != asked).Distinct().Take(MaxSuggestions).ToList();
        data["suggestions"] = new JsonArray([.. suggestions.Select(s => (JsonNode?)JsonValue.Create(s))]);
        data["answerId"] = AnswerId(question, reply);
        var context = reply.Context with { Intent = reply.Intent.ToString() };
        return new Answer(PublicName(reply.Intent), summary.ToString(), new AnswerCard(reply.Template, data), sources, suggestions, context, reply.Answered);
    }

    /// <summary>The stable intent family the bot logs and stores with feedback ("budget", "event", "search", ...).</summary>
    public static string PublicName(Routing.Intent intent) => intent switch
    {
        Routing.Intent.BudgetLine or Routing.Intent.BudgetCompare or Routing.Intent.BudgetBreakdown or Routing.Intent.MoneyText => "budget",
        Routing.Intent.EventDay or Routing.Intent.EventDetail or Routing.Intent.EventList or Routing.Intent.EventNext => "event",
        Routing.Intent.Organisation or Routing.Intent.Person => "org",
        Routing.Intent.ThemeOverview => "theme",
        Routing.Intent.ThemeList => "themes",
        Routing.Intent.Search or Routing.Intent.Definition => "search",
        Routing.Intent.Monitoring => "monitoring",
        Routing.Intent.SmallTalk => "small-talk",
        Routing.Intent.FuturePerson => "future-person",
        Routing.Intent.OtherOrganisation => "other-organisation",
        Routing.Intent.TooLong => "too-long",
        Routing.Intent.NoWords => "no-words",
        Routing.Intent.NotUnderstood => "not-understood",
        _ => intent.ToString().ToLowerInvariant(),
    };

    private AnswerSource Source(FactSource source) =>
        new(source.ReportId, index.Reports.TryGetValue(source.ReportId, out var report) ? report.Title : source.ReportId, source.Section, source.Line);

    private static string Join(string lead, string bullets) => bullets.Length == 0 ? lead : lead + "\n" + bullets;

    private static void AppendLines(StringBuilder builder, string lines)
    {
        if (lines.Length > 0)
        {
            builder.Append('\n').Append(lines);
        }
    }

    private static string Key(string text) => string.Join(' ', Analysis.TextNormalizer.Tokens(text));

    private static string AnswerId(Question question, Reply reply)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{question.Today:yyyy-MM-dd}|{question.Text}|{reply.Intent}"));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
