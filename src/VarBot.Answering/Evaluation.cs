using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VarBot.Answering;

/// <summary>One graded question of a question set (format of shared/eval/README.md).</summary>
public sealed record EvalItem(
    string Id,
    string Question,
    string Category,
    DateOnly? AsOf,
    IReadOnlyList<IReadOnlyList<string>> MustContain,
    IReadOnlyList<string> MustNotContain,
    string? Conversation);

/// <summary>The outcome of one question: the flattened answer and what was missing or wrongly present.</summary>
public sealed record EvalResult(EvalItem Item, string Answer, string Intent, bool Passed, IReadOnlyList<string> Problems);

/// <summary>Reads question sets and grades answers: every must_contain group needs one hit, no must_not_contain may occur.</summary>
public static class Evaluation
{
    public static IReadOnlyList<EvalItem> Parse(IEnumerable<string> jsonLines)
    {
        var items = new List<EvalItem>();
        foreach (var line in jsonLines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var node = JsonNode.Parse(line)!.AsObject();
            if (node["turns"] is JsonArray turns)
            {
                // A conversation line ({"id", "as_of", "turns": [...]}): each turn is one item "<id>-t<n>" of that conversation.
                var conversationId = node["id"]?.ToString() ?? "";
                for (var n = 0; n < turns.Count; n++)
                {
                    var turn = turns[n]!.AsObject();
                    items.Add(Item(turn, conversationId + "-t" + (n + 1).ToString(CultureInfo.InvariantCulture), "turn" + (n + 1).ToString(CultureInfo.InvariantCulture), node["as_of"], conversationId));
                }

                continue;
            }

            items.Add(Item(node, node["id"]?.ToString() ?? "", node["category"]?.GetValue<string>() ?? "", node["as_of"], node["conversation"]?.ToString()));
        }

        return items;
    }

    private static EvalItem Item(JsonObject node, string id, string category, JsonNode? asOfNode, string? conversation)
    {
        var mustContain = (node["must_contain"] as JsonArray ?? [])
            .Select(g => (IReadOnlyList<string>)(g as JsonArray ?? []).Select(s => s!.GetValue<string>()).ToList())
            .ToList();
        var mustNot = (node["must_not_contain"] as JsonArray ?? []).Select(s => s!.GetValue<string>()).ToList();
        DateOnly? asOf = (node["as_of"] ?? asOfNode) is JsonValue v && DateOnly.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, out var d) ? d : null;
        return new EvalItem(id, node["question"]?.GetValue<string>() ?? "", category, asOf, mustContain, mustNot, conversation);
    }

    /// <summary>Answers every item (items with the same conversation in order, as one conversation) and grades it.</summary>
    public static IReadOnlyList<EvalResult> Run(AnswerEngine engine, IReadOnlyList<EvalItem> items, DateOnly defaultToday)
    {
        var contexts = new Dictionary<string, ConversationContext>();
        var results = new List<EvalResult>();
        foreach (var item in items)
        {
            ConversationContext? previous = null;
            if (item.Conversation is { } conversation)
            {
                contexts.TryGetValue(conversation, out previous);
            }

            var answer = engine.Ask(new Question(item.Question, item.AsOf ?? defaultToday, previous));
            if (item.Conversation is { } c)
            {
                contexts[c] = answer.Context;
            }

            var text = AnswerText.Flatten(answer);
            results.Add(Grade(item, text, answer.Intent));
        }

        return results;
    }

    public static EvalResult Grade(EvalItem item, string answer, string intent)
    {
        var problems = new List<string>();
        foreach (var group in item.MustContain)
        {
            if (!group.Any(s => answer.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add("ontbreekt: " + string.Join(" | ", group.Take(4)));
            }
        }

        foreach (var bad in item.MustNotContain)
        {
            if (answer.Contains(bad, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("mag niet: " + bad);
            }
        }

        return new EvalResult(item, answer, intent, problems.Count == 0, problems);
    }

    public static string ToJsonLine(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
