using System.Text;
using System.Text.Json.Nodes;

namespace VarBot.Answering;

/// <summary>
/// The text a user reads on the answer's card, flattened: lead, bullets, events, table rows and sources. The card is the
/// one message of an answer, so this is everything the user sees, once.
/// </summary>
public static class AnswerText
{
    public static string Flatten(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var builder = new StringBuilder();
        var data = answer.Card.Data;
        Append(builder, Str(data, "intro"));
        Append(builder, Str(data, "text"));
        foreach (var item in Items(data, "events"))
        {
            var line = $"- {Str(item, "date")} – {Str(item, "title")}";
            var topic = Str(item, "topic");
            if (topic.Length > 0)
            {
                line += $": {topic}";
            }

            var place = Str(item, "place");
            if (place.Length > 0)
            {
                line += $" ({place})";
            }

            var status = Str(item, "status");
            if (status.Length > 0)
            {
                line += $" [{status}]";
            }

            Append(builder, line);
        }

        var columns = (data["columns"] as JsonArray)?.Select(c => c?.GetValue<string>() ?? "").ToList() ?? [];
        foreach (var row in Items(data, "rows"))
        {
            var values = (row["values"] as JsonArray)?.Select(v => v?.GetValue<string>() ?? "").ToList() ?? [];
            var parts = values.Select((v, i) => i + 1 < columns.Count ? $"{columns[i + 1]} {v}" : v);
            Append(builder, $"- {Str(row, "label")}: {string.Join("; ", parts)}");
        }

        foreach (var fact in Items(data, "facts"))
        {
            Append(builder, $"- {Str(fact, "title")}: {Str(fact, "value")}");
        }

        Append(builder, Str(data, "note"));
        if (data["sources"] is JsonArray sources && sources.Count > 0)
        {
            Append(builder, "Bron: " + string.Join("; ", sources.Select(s => s?.GetValue<string>())));
        }

        return builder.Length == 0 ? answer.Text : builder.ToString().Trim();
    }

    private static void Append(StringBuilder builder, string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        builder.Append(line);
    }

    private static IEnumerable<JsonObject> Items(JsonObject data, string key) =>
        data[key] is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string Str(JsonObject data, string key) =>
        data[key] is JsonValue value && value.TryGetValue<string>(out var s) ? s : "";
}
