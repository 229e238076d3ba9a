using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VarBot.Cards;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Tests;

/// <summary>
/// Issue 8's "done when" rules, checked on every answer the engine gives to every question of every question set (with
/// the conversation turns before it) and to every generated question:
/// (a) no invented figure: every amount is a model line or total, a number written in the model, or the difference of
/// two lines with the same label (or of two totals);
/// (b) at most five bullet lines in the text and at most five items (bullets, events, facts) on the card;
/// (c) the longest answer fits one screen: all text the rendered Adaptive Card shows is at most 1,000 characters;
/// (d) the lead sentence is at most 40 words;
/// (e) never the same content twice: no sentence of the text is repeated.
/// </summary>
public sealed partial class AnswerInvariantTests
{
    public const int MaxItems = 5;
    public const int MaxCardCharacters = 1000;
    public const int MaxLeadWords = 40;

    private static readonly DateOnly DefaultToday = new(2026, 11, 22);

    private static readonly string[] SetFiles = QuestionSetTests.SetFiles;

    private static readonly IReadOnlyList<GeneratedQuestion> Generated = QuestionGenerator.All(RealModel.Model);

    private static readonly Lazy<CardCatalog> Catalog = new(() => new CardCatalog(new CardCatalogOptions()));

    private static readonly Lazy<ModelFigures> Figures = new(() => new ModelFigures(RealModel.Model));

    // Every set file answered once, in order (a conversation's turns each with the context of the turn before).
    private static readonly Lazy<IReadOnlyDictionary<string, (EvalItem Item, Answer Answer)>> SetAnswers = new(AnswerSets);

    public static TheoryData<string, string> SetQuestions()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in SetFiles)
        {
            foreach (var item in Evaluation.Parse(File.ReadLines(RealModel.DataFile(file))))
            {
                data.Add(file, item.Id);
            }
        }

        return data;
    }

    public static TheoryData<string> GeneratedIds()
    {
        var data = new TheoryData<string>();
        foreach (var q in Generated)
        {
            data.Add(q.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SetQuestions))]
    public void Ask_SetQuestion_AnswerKeepsTheInvariants(string file, string id)
    {
        var (item, answer) = SetAnswers.Value[file + ":" + id];
        AssertInvariants($"{file}:{id} '{item.Question}' (asked {item.AsOf ?? DefaultToday:yyyy-MM-dd})", answer);
    }

    [Theory]
    [MemberData(nameof(GeneratedIds))]
    public void Ask_GeneratedQuestion_AnswerKeepsTheInvariants(string id)
    {
        var q = Generated.First(g => g.Id == id);
        var answer = RealModel.Engine.Ask(new Question(q.Question, q.Today));
        AssertInvariants($"{id} '{q.Question}' (asked {q.Today:yyyy-MM-dd})", answer);
    }

    [Theory]
    [InlineData("Het totaal is € 484.000.", true)]
    [InlineData("Het totaal is € 484.001.", false)]
    [InlineData("Loonkosten: 330.000 tegenover 420.000: 90.000 hoger.", true)]
    [InlineData("Op 16 november 2026 om 19.30 uur.", true)]
    [InlineData("Er zijn 98.765 bezoekers geweest.", false)]
    [InlineData("Subsidies in 2024: samen € 211.000 volgens de begroting.", true)]
    [InlineData("Subsidies in 2024: samen € 211.001 volgens de begroting.", false)]
    public void InventedFigures_Text_FindsOnlyFiguresNotInTheModel(string text, bool clean)
    {
        Assert.Equal(clean, Figures.Value.Invented(text).Count == 0);
    }

    [Fact]
    public void CardText_RenderedCard_HoldsTitleLeadAndButtons()
    {
        var answer = RealModel.Engine.Ask(new Question("Wat is de begroting voor 2026?", DefaultToday));
        var text = CardText(answer);

        Assert.Contains((string)answer.Card.Data["title"]!, text, StringComparison.Ordinal);
        Assert.Contains("484.000", text, StringComparison.Ordinal);
        Assert.Contains("Nuttig", text, StringComparison.Ordinal);
    }

    private static void AssertInvariants(string what, Answer answer)
    {
        var problems = Problems(answer);
        Assert.True(problems.Count == 0, $"{what}\n{string.Join("\n", problems)}\n--- card ({CardText(answer).Length} characters):\n{CardText(answer)}");
    }

    /// <summary>Every rule the answer breaks, one line each.</summary>
    internal static IReadOnlyList<string> Problems(Answer answer)
    {
        var problems = new List<string>();
        var card = CardText(answer);
        var invented = Figures.Value.Invented(answer.Text + "\n" + card);
        if (invented.Count > 0)
        {
            problems.Add("(a) figures not in the model: " + string.Join(", ", invented));
        }

        var bullets = answer.Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));
        if (bullets > MaxItems)
        {
            problems.Add($"(b) {bullets} bullet lines in the text (at most {MaxItems})");
        }

        var items = ItemsShown(answer.Card.Data);
        if (items > MaxItems)
        {
            problems.Add($"(b) {items} items on the card (at most {MaxItems})");
        }

        if (card.Length > MaxCardCharacters)
        {
            problems.Add($"(c) the card shows {card.Length} characters (at most {MaxCardCharacters})");
        }

        var lead = Lead(answer.Text);
        var words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > MaxLeadWords)
        {
            problems.Add($"(d) the lead has {words} words (at most {MaxLeadWords}): {lead}");
        }

        var repeated = Sentences(answer.Text).GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            problems.Add("(e) said twice: " + string.Join(" | ", repeated));
        }

        return problems;
    }

    /// <summary>The text's sentences of some length (bullets and source line included), without their bullet marks.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        text.Split('\n').Select(l => l.TrimStart('-', ' ')).SelectMany(l => SentenceEnd().Split(l)).Select(x => x.Trim().TrimEnd('.'))
            .Where(x => x.Length >= 30);

    [GeneratedRegex(@"(?<=[.?!])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    /// <summary>The lead: the text's first line, the sentence that answers (what follows it is a paragraph or bullets).</summary>
    internal static string Lead(string text) => text.Split('\n')[0].Trim();

    /// <summary>Items the card lists: bullet lines of its intro and text, events, facts, and theme bullets.</summary>
    internal static int ItemsShown(JsonObject data)
    {
        var bullets = new[] { "intro", "text" }
            .Select(k => data[k] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")
            .Sum(s => s.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        var lists = new[] { "events", "facts", "done", "planned" }.Sum(k => data[k] is JsonArray a ? a.Count : 0);
        return bullets + lists;
    }

    /// <summary>All text the rendered Adaptive Card shows: text blocks, text runs, facts, table cells and button titles.</summary>
    internal static string CardText(Answer answer)
    {
        var card = Catalog.Value.Render(answer.Card.Template, answer.Card.Data);
        var parts = new List<string>();
        Collect(card["body"], parts);
        Collect(card["actions"], parts);
        return string.Join("\n", parts);
    }

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject o:
                var type = o["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
                if (type is "TextBlock" or "TextRun" && Str(o, "text") is { Length: > 0 } text)
                {
                    parts.Add(text);
                }
                else if (type is not null && type.StartsWith("Action.", StringComparison.Ordinal) && Str(o, "title") is { Length: > 0 } title)
                {
                    parts.Add(title);
                }
                else if (type is null && Str(o, "title") is { Length: > 0 } factTitle && o.ContainsKey("value"))
                {
                    // A FactSet's fact.
                    parts.Add(factTitle + " " + Str(o, "value"));
                }

                foreach (var (key, child) in o)
                {
                    if (key is not ("data" or "refresh"))
                    {
                        Collect(child, parts);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, parts);
                }

                break;
        }
    }

    private static string Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static IReadOnlyDictionary<string, (EvalItem, Answer)> AnswerSets()
    {
        var answers = new Dictionary<string, (EvalItem, Answer)>(StringComparer.Ordinal);
        foreach (var file in SetFiles)
        {
            var contexts = new Dictionary<string, ConversationContext>(StringComparer.Ordinal);
            foreach (var item in Evaluation.Parse(File.ReadLines(RealModel.DataFile(file))))
            {
                ConversationContext? previous = null;
                if (item.Conversation is { } conversation)
                {
                    contexts.TryGetValue(conversation, out previous);
                }

                var answer = RealModel.Engine.Ask(new Question(item.Question, item.AsOf ?? DefaultToday, previous));
                if (item.Conversation is { } c)
                {
                    contexts[c] = answer.Context;
                }

                answers[file + ":" + item.Id] = (item, answer);
            }
        }

        return answers;
    }

    /// <summary>
    /// The figures the model holds: every budget line amount and total, every number written in the model's JSON, and
    /// the difference of two lines with the same label or of two totals, and the sum of the lines under one group heading
    /// or of the lines of one side that share a label word, of one table (shown line by line with it).
    /// </summary>
    private sealed partial class ModelFigures
    {
        private readonly HashSet<decimal> _values = [];
        private readonly string _json;

        public ModelFigures(KnowledgeModel model)
        {
            // The model's text: every string of its JSON (not its numbers, which are mostly source line numbers).
            var strings = new List<string>();
            Strings(JsonNode.Parse(ModelJson.Serialize(model)), strings);
            _json = string.Join("\n", strings);
            foreach (Match m in Number().Matches(_json))
            {
                _values.Add(Value(m));
            }

            var amounts = model.Budgets.SelectMany(b => b.Lines).Where(l => l.Amount is not null)
                .Select(l => (Label: l.Label.Trim().ToLowerInvariant(), Amount: (decimal)l.Amount!.Value)).ToList();
            var totals = model.Budgets.Where(b => b.Total is not null).Select(b => (decimal)b.Total!.Value).ToList();
            _values.UnionWith(amounts.Select(a => a.Amount));
            _values.UnionWith(totals);
            foreach (var a in amounts)
            {
                foreach (var b in amounts.Where(b => SameLabel(a.Label, b.Label)))
                {
                    _values.Add(Math.Abs(a.Amount - b.Amount));
                }
            }

            foreach (var table in model.Budgets)
            {
                foreach (var group in table.Lines.Where(l => l.Group is not null && l.Kind == BudgetLineKind.Line && l.Amount is not null).GroupBy(l => l.Group))
                {
                    _values.Add(group.Sum(l => (decimal)l.Amount!.Value));
                }

                // The lines of one side that share a label word ("Inwonersbijdrage gemeenten ..." twice), added up.
                var lines = table.Lines.Where(l => l.Kind == BudgetLineKind.Line && l.Amount is not null).ToList();
                foreach (var side in lines.GroupBy(l => l.Side))
                {
                    foreach (var word in side.SelectMany(l => Words(l.Label)).Distinct())
                    {
                        var sharing = side.Where(l => Words(l.Label).Contains(word)).ToList();
                        if (sharing.Count >= 2)
                        {
                            _values.Add(sharing.Sum(l => (decimal)l.Amount!.Value));
                        }
                    }
                }
            }

            foreach (var a in totals)
            {
                foreach (var b in totals)
                {
                    _values.Add(Math.Abs(a - b));
                }
            }
        }

        private static IEnumerable<string> Words(string label) =>
            label.ToLowerInvariant().Split([' ', '/', '-', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4);

        /// <summary>The amounts in <paramref name="text"/> that are not model figures.</summary>
        public IReadOnlyList<string> Invented(string text)
        {
            var invented = new List<string>();
            foreach (Match m in Number().Matches(text))
            {
                var digits = m.Groups["num"].Value;
                var looksLikeAmount = m.Groups["euro"].Success || m.Groups["pct"].Success || digits.Contains('.', StringComparison.Ordinal)
                    || (digits.Length >= 3 && !IsYear(digits));
                if (!looksLikeAmount)
                {
                    continue;
                }

                var literal = digits + (m.Groups["dec"].Success ? "," + m.Groups["dec"].Value : "");
                if (!_values.Contains(Value(m)) && !_json.Contains(literal, StringComparison.Ordinal))
                {
                    invented.Add(m.Value.Trim());
                }
            }

            return invented.Distinct().ToList();
        }

        private static void Strings(JsonNode? node, List<string> strings)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, child) in o)
                    {
                        Strings(child, strings);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Strings(child, strings);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    strings.Add(s);
                    break;
            }
        }

        /// <summary>
        /// The same label, or the same label spelled one letter differently by another report ("Inwonerbijdrage" and
        /// "Inwonersbijdrage"); a label with digits only when equal.
        /// </summary>
        internal static bool SameLabel(string a, string b)
        {
            if (a == b)
            {
                return true;
            }

            if (a.Any(char.IsDigit) || b.Any(char.IsDigit) || Math.Min(a.Length, b.Length) < 8 || Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            // At most one letter inserted, removed or changed.
            var i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i])
            {
                i++;
            }

            var (x, y) = (a[i..], b[i..]);
            return x.Length == y.Length ? x[1..] == y[1..] : x.Length > y.Length ? x[1..] == y : x == y[1..];
        }

        private static bool IsYear(string digits) => digits.Length == 4 && int.Parse(digits, CultureInfo.InvariantCulture) is >= 1900 and <= 2100;

        private static decimal Value(Match m)
        {
            var value = decimal.Parse(m.Groups["num"].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            if (m.Groups["dec"].Success)
            {
                value += decimal.Parse("0." + m.Groups["dec"].Value, CultureInfo.InvariantCulture);
            }

            return value;
        }

        // A number as Dutch text writes it: € 30.000, 30.000, 1,5, 12%; not a number inside a word or an id.
        [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<euro>€\s?)?(?<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<dec>\d+))?(?<pct>\s?%)?(?![\p{L}\p{N}])")]
        private static partial Regex Number();
    }
}
