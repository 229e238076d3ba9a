using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VarBot.Answering.Answers;
using VarBot.Answering.Indexes;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Realisation;

/// <summary>
/// Realise stage: turns a typed <see cref="Reply"/> into the card data and its plain-text summary. One screen at most:
/// the lead, five bullets (or five events, or five table rows), a "Meer" follow-up for the rest.
/// </summary>
internal sealed partial class Realiser(KnowledgeIndex index, Texts texts)
{
    private const int MaxSuggestions = 3;
    private const int MaxSources = 3;

    /// <summary>Characters a card may show (all its text, buttons included): the longest answer fits one screen.</summary>
    public const int ScreenCharacters = 1000;

    /// <summary>Words of the lead; sentences beyond it go to a line of their own under the lead.</summary>
    public const int LeadWords = Sentences.MaxWords;

    /// <summary>A bullet is never cut shorter than this; a bullet that would have to be is left out.</summary>
    private const int MinBullet = 90;

    /// <summary>
    /// Text of the card templates themselves, which the data does not hold ("Vraag verder", "Nuttig", "Niet nuttig",
    /// "Bronnen: ", "Onderwerp: ", "… en 3 meer"): an allowance per card and per event.
    /// </summary>
    private const int TemplateCharacters = 60;
    private const int EventTemplateCharacters = 30;

    public Answer Realise(Reply reply, Question question)
    {
        var (lead, rest) = SplitLead(reply.Lead);
        var events = reply.Template == "events" ? reply.Events.Take(AnswerKit.MaxItems).ToList() : [];
        var sources = reply.Sources.Where(s => s.ReportId.Length > 0).Select(Source).DistinctBy(s => (s.ReportId, s.Section)).ToList();
        var key = Key(question.Text);
        // A paged list's "Meer" goes first; room for it is kept while the bullets are fitted.
        var suggestions = Suggestions(reply, key, withMore: reply.More is not null);

        var (data, _) = Build(reply, question, lead, rest, [], events, sources, suggestions);
        var asked = index.Analyzer.Question(question.Text).Tokens.Where(t => !t.IsStopword && !t.IsNumber).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        // Bullets and events together are at most five items: the bullets that share the fewest words with the question
        // (the later of equals) give way.
        var ranked = Rank(reply.Items.Select(i => i.Text).ToList(), asked);
        var candidates = ranked.OrderByDescending(b => b.Relevance).ThenBy(b => b.Order).Take(Math.Max(0, AnswerKit.MaxItems - events.Count)).OrderBy(b => b.Order).ToList();
        // The bullets of a paged list give way from its end, so "Meer" goes on right after the last one shown.
        var paged = reply.More is not null && reply.Template != "events";
        var bullets = Fit([.. candidates.Select(c => c.Text)], [.. candidates.Select(c => c.Relevance)], ScreenCharacters - Visible(data), fromEnd: paged);
        // What a paged list showed: its events, or the bullets that fitted (always the first ones); "Meer" continues after.
        var shown = reply.Template == "events" ? events.Count : bullets.Count;
        suggestions = Suggestions(reply, key, withMore: reply.HasMore || shown < (reply.Template == "events" ? reply.Events.Count : reply.Items.Count));
        (data, var summary) = Build(reply, question, lead, rest, bullets, events, sources, suggestions);
        var context = reply.Context with { Intent = reply.Intent.ToString(), Shown = reply.Context.Shown + shown };
        return new Answer(PublicName(reply.Intent), summary, new AnswerCard(reply.Template, data), sources, suggestions, context, reply.Answered);
    }

    /// <summary>
    /// The answer's follow-up buttons (never the question just asked), its list's "Meer" first when asked for: that one
    /// even when it was just clicked, as it goes on from where this answer stops.
    /// </summary>
    private static List<string> Suggestions(Reply reply, string questionKey, bool withMore)
    {
        var more = withMore && reply.More is { } text ? [text] : Array.Empty<string>();
        return [.. more.Concat(reply.Suggestions.Where(s => Key(s) != questionKey)).Distinct().Take(MaxSuggestions)];
    }

    private (JsonObject Data, string Summary) Build(Reply reply, Question question, string lead, string rest, IReadOnlyList<string> items, IReadOnlyList<Event> events, IReadOnlyList<AnswerSource> sources, IReadOnlyList<string> suggestions)
    {
        var data = new JsonObject
        {
            ["title"] = reply.Title,
            ["intro"] = "",
            ["text"] = "",
        };
        var bullets = string.Join('\n', items.Select(i => "- " + i));
        var body = Join(rest, bullets);
        var summary = new StringBuilder(lead);
        switch (reply.Template)
        {
            case "events":
                data["intro"] = Join(lead, body);
                var shown = new JsonArray();
                var finder = new Answers.EventFinder(new AnswerKit(index, texts, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
                foreach (var e in events)
                {
                    var item = new JsonObject
                    {
                        ["id"] = e.Id,
                        ["date"] = DutchFormat.When(e),
                        ["type"] = texts["type_" + e.Type],
                        ["title"] = e.Title,
                        ["status"] = finder.Status(e, question.Today),
                    };
                    if (!string.IsNullOrWhiteSpace(e.Topic) && !e.Title.Contains(e.Topic, StringComparison.OrdinalIgnoreCase))
                    {
                        item["topic"] = e.Topic;
                    }

                    if (!string.IsNullOrWhiteSpace(e.Place))
                    {
                        item["place"] = e.Place;
                    }

                    shown.Add(item);
                }

                data["events"] = shown;
                AppendLines(summary, body);
                AppendLines(summary, string.Join('\n', events.Select(e => $"- {DutchFormat.When(e)}: {Answers.EventFinder.Name(e)}")));
                break;
            case "budget":
                data["intro"] = Join(lead, body);
                data["columns"] = new JsonArray([.. reply.Columns.Select(c => (JsonNode?)JsonValue.Create(c))]);
                data["rows"] = new JsonArray([.. reply.Rows.Select(r => (JsonNode?)new JsonObject
                {
                    ["label"] = r.Label,
                    ["values"] = new JsonArray([.. r.Values.Select(v => (JsonNode?)JsonValue.Create(v))]),
                    ["isTotal"] = r.IsTotal,
                })]);
                data["note"] = reply.Note;
                AppendLines(summary, body);
                break;
            case "notFound":
                data["text"] = Join(lead, body);
                AppendLines(summary, body);
                break;
            default:
                data["intro"] = lead;
                data["text"] = body;
                data["facts"] = new JsonArray();
                AppendLines(summary, body);
                break;
        }

        data["sources"] = new JsonArray([.. sources.Take(MaxSources).Select(s => (JsonNode?)JsonValue.Create(s.Section.Length == 0 ? s.ReportTitle : $"{s.ReportTitle} – {s.Section}"))]);
        data["suggestions"] = new JsonArray([.. suggestions.Select(s => (JsonNode?)JsonValue.Create(s))]);
        data["answerId"] = AnswerId(question, reply);
        return (data, summary.ToString());
    }

    /// <summary>
    /// The lead: its sentences up to <see cref="LeadWords"/> words (the first one shortened at a clause if it alone is
    /// longer); the sentences after that, if any, as the second part.
    /// </summary>
    internal static (string Lead, string Tail) SplitLead(string lead)
    {
        if (Sentences.WordCount(lead) <= LeadWords)
        {
            return (lead, "");
        }

        var sentences = Sentences.Split(lead);
        var taken = 1;
        var words = Sentences.WordCount(sentences[0]);
        while (taken < sentences.Count && words + Sentences.WordCount(sentences[taken]) <= LeadWords)
        {
            words += Sentences.WordCount(sentences[taken]);
            taken++;
        }

        var first = string.Join(' ', sentences.Take(taken));
        return (taken == 1 ? Sentences.Shorten(first, LeadWords) : first, string.Join(' ', sentences.Skip(taken)));
    }

    /// <summary>
    /// The bullets that fit in <paramref name="room"/> characters, in their order. When they do not all fit, the bullets
    /// that share the fewest words with the question give way first: per level of relevance, from the lowest, they are
    /// cut to the same largest length that fits (at a sentence end, else after a word with "…"), or, when that would be
    /// shorter than <see cref="MinBullet"/>, the last of them is left out and the next level is tried; with
    /// <paramref name="fromEnd"/> (a paged list) the last bullet of all is left out instead, and the level tried again.
    /// </summary>
    internal static IReadOnlyList<string> Fit(IReadOnlyList<string> bullets, IReadOnlyList<int> relevance, int room, bool fromEnd)
    {
        var kept = bullets.Select((text, i) => (Text: text, Relevance: relevance[i])).ToList();
        foreach (var level in relevance.Distinct().Order())
        {
            while (Cost(kept) > room)
            {
                var members = kept.Select((b, i) => (b, i)).Where(x => x.b.Relevance == level).Select(x => x.i).ToList();
                if (members.Count == 0)
                {
                    break;
                }

                var space = room - Cost(kept.Where(b => b.Relevance != level)) - (members.Count * BulletCost);
                var cap = Level([.. members.Select(i => kept[i].Text.Length)], space);
                if (cap >= MinBullet)
                {
                    foreach (var i in members)
                    {
                        kept[i] = kept[i] with { Text = Cut(kept[i].Text, cap) };
                    }

                    break;
                }

                kept.RemoveAt(fromEnd ? kept.Count - 1 : members[^1]);
            }
        }

        return [.. kept.Select(b => b.Text)];
    }

    /// <summary>Characters of a bullet line besides its text: "- " on the card and a line break.</summary>
    private const int BulletCost = 3;

    private static int Cost(IEnumerable<(string Text, int Relevance)> bullets) => bullets.Sum(b => b.Text.Length + BulletCost);

    /// <summary>
    /// Each bullet with its relevance: the question's words it holds; a list item (after a bullet that ends with ":",
    /// numbered or one short sentence) adds the words of its introduction.
    /// </summary>
    private List<(string Text, int Relevance, int Order)> Rank(IReadOnlyList<string> bullets, HashSet<string> asked)
    {
        var ranked = new List<(string, int, int)>();
        int? intro = null;
        for (var i = 0; i < bullets.Count; i++)
        {
            var text = bullets[i];
            var own = Relevance(asked, text);
            intro = intro is not null && IsListItem(text) ? intro : null;
            ranked.Add((text, own + (intro ?? 0), i));
            if (text.TrimEnd().EndsWith(':'))
            {
                intro = own;
            }
        }

        return ranked;
    }

    private const int ListItemCharacters = 80;

    private static bool IsListItem(string text) =>
        ListNumber().IsMatch(text) || (text.Length <= ListItemCharacters && Sentences.Split(text).Count <= 1);

    [GeneratedRegex(@"^\(?\d{1,2}[.)]\s")]
    private static partial Regex ListNumber();

    /// <summary>
    /// How many of the question's words (stems, no stop words or numbers) a bullet holds, also as the first part of a
    /// compound ("zorg" in "zorgcriminaliteit").
    /// </summary>
    private int Relevance(HashSet<string> asked, string bullet)
    {
        var tokens = index.Analyzer.Passage(bullet).Tokens;
        return asked.Count(stem => tokens.Any(t => t.Stem == stem || (stem.Length >= 4 && t.Text.StartsWith(stem, StringComparison.Ordinal))));
    }

    /// <summary>The largest length cap such that the lengths, each capped, add up to at most <paramref name="space"/>.</summary>
    private static int Level(List<int> lengths, int space)
    {
        if (lengths.Sum() <= space)
        {
            return int.MaxValue;
        }

        var sorted = lengths.Order().ToList();
        var used = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            var left = sorted.Count - i;
            var cap = (space - used) / left;
            if (cap < sorted[i])
            {
                return Math.Max(0, cap);
            }

            used += sorted[i];
        }

        return int.MaxValue;
    }

    /// <summary>
    /// At most <paramref name="max"/> characters: whole sentences when the first sentences fit in at least half of it,
    /// else cut after a word, with "…".
    /// </summary>
    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var sentences = Sentences.Split(text);
        var kept = "";
        foreach (var sentence in sentences)
        {
            var longer = kept.Length == 0 ? sentence : kept + " " + sentence;
            if (longer.Length > max)
            {
                break;
            }

            kept = longer;
        }

        if (kept.Length >= max / 2)
        {
            return kept;
        }

        var end = text.LastIndexOf(' ', Math.Max(0, max - 2));
        var head = end > 0 ? text[..end] : text[..Math.Max(0, max - 2)];
        return head.TrimEnd(' ', ',', ';', ':', '(', '€', '–', '-') + " …";
    }

    /// <summary>
    /// An estimate of the characters the rendered card shows for <paramref name="data"/>: every text the data gives the
    /// template (title, lead, bullets, events, table, sources, buttons), one line break each, and the template's own words.
    /// </summary>
    internal static int Visible(JsonObject data)
    {
        var size = TemplateCharacters;
        foreach (var key in new[] { "title", "intro", "text", "note" })
        {
            size += Line(Str(data, key));
        }

        foreach (var e in Objects(data, "events"))
        {
            size += EventTemplateCharacters + Line(Str(e, "title")) + Line(Str(e, "date")) + Line(Str(e, "type")) + Line(Str(e, "status"))
                + Line(Str(e, "topic")) + Line(Str(e, "place"));
        }

        size += Strings(data, "columns").Sum(Line);
        foreach (var row in Objects(data, "rows"))
        {
            size += Line(Str(row, "label")) + Strings(row, "values").Sum(Line);
        }

        foreach (var fact in Objects(data, "facts"))
        {
            size += Line(Str(fact, "title")) + Line(Str(fact, "value"));
        }

        size += Line(string.Join("; ", Strings(data, "sources")));
        size += Strings(data, "suggestions").Sum(Line);
        return size;
    }

    private static int Line(string text) => text.Length == 0 ? 0 : text.Length + 1;

    private static string Str(JsonObject data, string key) => data[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static IEnumerable<JsonObject> Objects(JsonObject data, string key) => data[key] is JsonArray a ? a.OfType<JsonObject>() : [];

    private static IEnumerable<string> Strings(JsonObject data, string key) =>
        data[key] is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "") : [];

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

    private static string Join(string first, string second) => second.Length == 0 ? first : first.Length == 0 ? second : first + "\n" + second;

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
