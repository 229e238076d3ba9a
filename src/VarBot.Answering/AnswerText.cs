using System.Text;
using System.Text.Json.Nodes;

namespace VarBot.Answering;

/// <summary>Flattens an answer to the text a user reads: the reply text plus the text content of its card.</summary>
public static class AnswerText
{
    public static string Flatten(Answer answer)
    {
        var builder = new StringBuilder(answer.Text);
        var data = answer.Card.Data;
        AppendLine(builder, Str(data, "intro"), answer.Text);
        switch (answer.Card.Template)
        {
            case "events":
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

                    AppendLine(builder, line, "");
                }

                break;
            case "budget":
                var columns = (data["columns"] as JsonArray)?.Select(c => c?.GetValue<string>() ?? "").ToList() ?? [];
                foreach (var row in Items(data, "rows"))
                {
                    var values = (row["values"] as JsonArray)?.Select(v => v?.GetValue<string>() ?? "").ToList() ?? [];
                    var parts = values.Select((v, i) => i + 1 < columns.Count ? $"{columns[i + 1]} {v}" : v);
                    AppendLine(builder, $"- {Str(row, "label")}: {string.Join("; ", parts)}", "");
                }

                AppendLine(builder, Str(data, "note"), "");
                break;
            case "theme":
                AppendList(builder, data, "doneLabel", "done");
                AppendList(builder, data, "plannedLabel", "planned");
                break;
            default:
                AppendLine(builder, Str(data, "text"), answer.Text);
                foreach (var fact in Items(data, "facts"))
                {
                    AppendLine(builder, $"- {Str(fact, "title")}: {Str(fact, "value")}", "");
                }

                break;
        }

        if (data["sources"] is JsonArray sources && sources.Count > 0)
        {
            AppendLine(builder, "Bron: " + string.Join("; ", sources.Select(s => s?.GetValue<string>())), "");
        }

        return builder.ToString().Trim();
    }

    private static void AppendList(StringBuilder builder, JsonObject data, string labelKey, string listKey)
    {
        if (data[listKey] is not JsonArray list || list.Count == 0)
        {
            return;
        }

        AppendLine(builder, Str(data, labelKey) + ":", "");
        foreach (var item in list)
        {
            AppendLine(builder, "- " + item?.GetValue<string>(), "");
        }
    }

    private static void AppendLine(StringBuilder builder, string line, string skipIfEqual)
    {
        if (line.Length == 0 || line == skipIfEqual)
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
