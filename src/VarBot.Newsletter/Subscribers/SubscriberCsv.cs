namespace VarBot.Newsletter.Subscribers;

public sealed record SubscriberRow(int Line, string Email, string? Name, IReadOnlyList<string> Themes);

/// <summary>CSV of subscribers: a header row, then email, name, themes (separated by ';'); fields may be double-quoted.</summary>
public static class SubscriberCsv
{
    public static IEnumerable<SubscriberRow> Read(IEnumerable<string> lines)
    {
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (number == 1 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line);
            var themes = fields.Count > 2 ? fields[2].Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            yield return new SubscriberRow(number, fields[0].Trim(), fields.Count > 1 && fields[1].Trim().Length > 0 ? fields[1].Trim() : null, themes);
        }
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
