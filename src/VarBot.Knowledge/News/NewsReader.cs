using System.Globalization;
using VarBot.Knowledge.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VarBot.Knowledge.News;

public sealed record NewsImport(IReadOnlyList<NewsItem> Items, IReadOnlyList<ValidationIssue> Issues);

/// <summary>
/// Reads seeds/nieuws/*.md: Markdown with YAML front matter (title, date, themes, summary, link, event).
/// A broken file yields a Dutch <see cref="ValidationIssue"/> with file and line, never an exception.
/// </summary>
public static class NewsReader
{
    public const string Folder = "nieuws";

    /// <summary>The current theme ids; the model validator checks news themes against the model's own catalogue as well.</summary>
    public static IReadOnlySet<string> CurrentThemeIds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "digitale-veiligheid",
        "mensenhandel",
        "zorg-en-veiligheid",
        "jeugd-en-veiligheid",
        "maatschappelijk-ongenoegen",
    };

    /// <summary>Reads every news item under <paramref name="seedsDirectory"/>/nieuws; a missing folder means no news.</summary>
    /// <param name="knownThemeIds">Theme ids a news item may name; defaults to <see cref="CurrentThemeIds"/>.</param>
    public static NewsImport ReadAll(string seedsDirectory, IReadOnlySet<string>? knownThemeIds = null)
    {
        var folder = Path.Combine(seedsDirectory, Folder);
        var items = new List<NewsItem>();
        var issues = new List<ValidationIssue>();
        if (!Directory.Exists(folder))
        {
            return new NewsImport(items, issues);
        }

        var files = Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var item = ReadFile(path, Folder + "/" + Path.GetFileName(path), knownThemeIds ?? CurrentThemeIds, issues);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return new NewsImport(items, issues);
    }

    /// <summary>Parses one news file's text; <paramref name="relativeFile"/> is how issues name it (e.g. "nieuws/x.md").</summary>
    public static NewsItem? Parse(string text, string relativeFile, IReadOnlySet<string> knownThemeIds, ICollection<ValidationIssue> issues)
    {
        var id = Path.GetFileNameWithoutExtension(relativeFile);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            issues.Add(Error("nieuws-geen-frontmatter", relativeFile, 1,
                "Het bericht begint niet met YAML-front matter. Zet op de eerste regel '---', daarna title, date, themes, summary en link, en sluit af met '---'."));
            return null;
        }

        var closing = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (closing < 0)
        {
            issues.Add(Error("nieuws-frontmatter-niet-afgesloten", relativeFile, 1,
                "De front matter wordt niet afgesloten. Zet na de laatste YAML-regel een regel met alleen '---'."));
            return null;
        }

        // File line of YAML line 1: the line after the opening '---'.
        const int yamlOffset = 1;
        YamlMappingNode mapping;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join('\n', lines[1..closing])));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                issues.Add(Error("nieuws-frontmatter-leeg", relativeFile, 2,
                    "De front matter bevat geen velden. Vul minstens title, date en summary in."));
                return null;
            }

            mapping = root;
        }
        catch (YamlException ex)
        {
            issues.Add(Error("nieuws-frontmatter-ongeldig", relativeFile, (int)ex.Start.Line + yamlOffset,
                "De front matter is geen geldige YAML. Controleer op deze regel de inspringing, de dubbele punt na de veldnaam en de aanhalingstekens."));
            return null;
        }

        int LineOf(YamlNode node) => (int)node.Start.Line + yamlOffset;

        string? Scalar(string key, out int line)
        {
            line = 1;
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return null;
            }

            line = LineOf(node);
            if (node is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            }

            issues.Add(Error("nieuws-veld-geen-tekst", relativeFile, line,
                $"Het veld '{key}' moet een tekst zijn, geen lijst of blok."));
            return null;
        }

        var ok = true;
        var title = Scalar("title", out var titleLine);
        if (title is null)
        {
            issues.Add(Error("nieuws-titel-ontbreekt", relativeFile, titleLine,
                "Het bericht heeft geen titel. Voeg 'title: ...' toe aan de front matter."));
            ok = false;
        }

        var dateText = Scalar("date", out var dateLine);
        DateOnly date = default;
        if (dateText is null)
        {
            issues.Add(Error("nieuws-datum-ontbreekt", relativeFile, dateLine,
                "Het bericht heeft geen datum. Voeg 'date: jjjj-mm-dd' toe, bijvoorbeeld 'date: 2026-03-24'."));
            ok = false;
        }
        else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            issues.Add(Error("nieuws-datum-ongeldig", relativeFile, dateLine,
                $"De datum '{dateText}' is ongeldig. Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-03-24."));
            ok = false;
        }

        var summary = Scalar("summary", out var summaryLine);
        if (summary is null)
        {
            issues.Add(Warning("nieuws-samenvatting-ontbreekt", relativeFile, summaryLine,
                "Het bericht heeft geen samenvatting. Voeg 'summary: ...' toe; de nieuwsbrief en de bot tonen die."));
        }

        var link = Scalar("link", out var linkLine);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            issues.Add(Warning("nieuws-link-ongeldig", relativeFile, linkLine,
                $"De link '{link}' is geen volledig webadres. Gebruik een adres dat begint met https://."));
            link = null;
        }

        var eventRef = Scalar("event", out _);
        var themes = ReadThemes(mapping, relativeFile, knownThemeIds, issues, LineOf);

        if (!ok)
        {
            return null;
        }

        var body = string.Join('\n', lines[(closing + 1)..]).Trim();
        return new NewsItem(id, title!, date, themes, summary ?? "", link, eventRef, body, new SourceRef(relativeFile, 1));
    }

    private static NewsItem? ReadFile(string path, string relativeFile, IReadOnlySet<string> knownThemeIds, List<ValidationIssue> issues)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            issues.Add(Error("nieuws-onleesbaar", relativeFile, 1, $"Het bestand kan niet worden gelezen ({ex.Message})."));
            return null;
        }

        return Parse(text, relativeFile, knownThemeIds, issues);
    }

    private static List<string> ReadThemes(
        YamlMappingNode mapping,
        string relativeFile,
        IReadOnlySet<string> knownThemeIds,
        ICollection<ValidationIssue> issues,
        Func<YamlNode, int> lineOf)
    {
        var themes = new List<string>();
        if (!mapping.Children.TryGetValue(new YamlScalarNode("themes"), out var node))
        {
            return themes;
        }

        IEnumerable<YamlNode> entries = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode { Value: { Length: > 0 } } scalar => [scalar],
            YamlScalarNode => [],
            _ => [],
        };
        if (node is YamlMappingNode)
        {
            issues.Add(Error("nieuws-themas-ongeldig", relativeFile, lineOf(node),
                "'themes' moet een lijst van thema-id's zijn, bijvoorbeeld [mensenhandel, jeugd-en-veiligheid]."));
        }

        foreach (var entry in entries)
        {
            var value = (entry as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!knownThemeIds.Contains(value))
            {
                // Reported and dropped, so the model never carries a theme id nobody can route on.
                issues.Add(Error("nieuws-onbekend-thema", relativeFile, lineOf(entry),
                    $"Onbekend thema '{value}'. Kies uit: {string.Join(", ", knownThemeIds.Order(StringComparer.Ordinal))}."));
                continue;
            }

            if (!themes.Contains(value, StringComparer.Ordinal))
            {
                themes.Add(value);
            }
        }

        return themes;
    }

    private static ValidationIssue Error(string code, string file, int line, string message) =>
        new(IssueSeverity.Error, code, message, new SourceRef(file, line));

    private static ValidationIssue Warning(string code, string file, int line, string message) =>
        new(IssueSeverity.Warning, code, message, new SourceRef(file, line));
}
