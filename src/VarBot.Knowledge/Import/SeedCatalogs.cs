using YamlDotNet.Core;
using VarBot.Knowledge.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VarBot.Knowledge.Import;

/// <summary>One theme of seeds/themes.yaml with the keywords used to classify headless text.</summary>
internal sealed record ThemeEntry(Theme Theme, IReadOnlyList<string> Keywords);

/// <summary>The section headings the importer recognises: themes and general sections, from seeds/themes.yaml.</summary>
internal sealed class ThemeCatalog
{
    private readonly Dictionary<string, SectionRef> _byHeading = new(StringComparer.Ordinal);

    private readonly List<(SectionRef Section, IReadOnlyList<string> Keywords)> _keywordSections = [];

    public ThemeCatalog(IReadOnlyList<ThemeEntry> themes, IReadOnlyList<(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Keywords)> sections)
    {
        Themes = themes;
        foreach (var (name, aliases, keywords) in sections)
        {
            var section = new SectionRef(name, null);
            _keywordSections.Add((section, keywords));
            Add(name, section);
            foreach (var alias in aliases)
            {
                Add(alias, section);
            }
        }

        foreach (var entry in themes)
        {
            var section = new SectionRef(entry.Theme.Name, entry.Theme.Id);
            _keywordSections.Add((section, entry.Keywords));
            Add(entry.Theme.Name, section);
            foreach (var alias in entry.Theme.Aliases.Concat(entry.Theme.FormerNames))
            {
                Add(alias, section);
            }
        }
    }

    public IReadOnlyList<ThemeEntry> Themes { get; }

    public IEnumerable<string> Headings => _byHeading.Keys;

    public SectionRef? FindHeading(string text) => _byHeading.GetValueOrDefault(TextTools.NormaliseHeading(text));

    public SectionRef? FindSection(string name) => _byHeading.GetValueOrDefault(TextTools.NormaliseHeading(name));

    /// <summary>The theme whose keywords occur most often in the text, with its hit count.</summary>
    public (ThemeEntry? Theme, int Score) BestKeywordMatch(string text)
    {
        var lower = text.ToLowerInvariant();
        ThemeEntry? best = null;
        var bestScore = 0;
        foreach (var entry in Themes)
        {
            var score = Score(entry, lower);
            if (score > bestScore)
            {
                best = entry;
                bestScore = score;
            }
        }

        return (best, bestScore);
    }

    /// <summary>The theme or general section whose keywords occur most often in the text.</summary>
    public (SectionRef? Section, int Score) BestSection(string text)
    {
        var lower = text.ToLowerInvariant();
        SectionRef? best = null;
        var bestScore = 0;
        foreach (var (section, keywords) in _keywordSections)
        {
            var score = Score(keywords, lower);
            if (score > bestScore)
            {
                best = section;
                bestScore = score;
            }
        }

        return (best, bestScore);
    }

    public int KeywordScore(SectionRef section, string text)
    {
        var entry = _keywordSections.FirstOrDefault(k => k.Section == section);
        return entry.Keywords is null ? 0 : Score(entry.Keywords, text.ToLowerInvariant());
    }

    private static int Score(ThemeEntry entry, string lower) => Score(entry.Keywords, lower);

    private static int Score(IReadOnlyList<string> keywords, string lower)
    {
        var score = 0;
        foreach (var keyword in keywords)
        {
            for (var i = lower.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = lower.IndexOf(keyword, i + keyword.Length, StringComparison.Ordinal))
            {
                score++;
            }
        }

        return score;
    }

    private void Add(string heading, SectionRef section) => _byHeading.TryAdd(TextTools.NormaliseHeading(heading), section);

    public static ThemeCatalog Load(string path)
    {
        var file = Deserialize<ThemesFile>(path);
        var themes = file.Themes.Select(t => new ThemeEntry(
            new Theme(t.Id, t.Name, t.Current, t.Aliases, t.FormerNames, t.SucceededBy),
            t.Keywords.Select(k => k.ToLowerInvariant()).ToList())).ToList();
        var sections = file.Sections
            .Select(s => (s.Name, (IReadOnlyList<string>)s.Aliases, (IReadOnlyList<string>)s.Keywords.Select(k => k.ToLowerInvariant()).ToList()))
            .ToList();
        return new ThemeCatalog(themes, sections);
    }

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    internal static T Deserialize<T>(string path)
    {
        using var reader = File.OpenText(path);
        try
        {
            return Yaml.Deserialize<T>(reader);
        }
        catch (YamlException ex)
        {
            // A typo in a hand-edited seed file must name the file and line, not surface as a parser stack trace.
            throw new InvalidSeedFileException(path, (int)ex.Start.Line, ex.InnerException?.Message ?? ex.Message, ex);
        }
    }

    internal sealed class ThemesFile
    {
        public List<ThemeYaml> Themes { get; set; } = [];
        public List<SectionYaml> Sections { get; set; } = [];
    }

    internal sealed class ThemeYaml
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public bool Current { get; set; }
        public List<string> Aliases { get; set; } = [];
        public List<string> FormerNames { get; set; } = [];
        public List<string> Keywords { get; set; } = [];
        public string? SucceededBy { get; set; }
    }

    internal sealed class SectionYaml
    {
        public string Name { get; set; } = "";
        public List<string> Aliases { get; set; } = [];
        public List<string> Keywords { get; set; } = [];
    }
}

/// <summary>A report section: a theme (ThemeId set) or a general section.</summary>
internal sealed record SectionRef(string Name, string? ThemeId);

/// <summary>One reviewed fix of the report text, applied to one source line before parsing.</summary>
/// <param name="To">When set, the correction blanks the whole block Line..To (a photo caption or screenshot the OCR
/// read as text); Find must still match on Line, so a shifted text is reported.</param>
internal sealed record Correction(string File, int Line, string Find, string Replace, string Reason, int? To = null);

/// <summary>seeds/corrections.yaml: line-level replacements for text the reports garble (OCR slips, split headings).</summary>
internal static class CorrectionSet
{
    public static IReadOnlyList<Correction> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var file = ThemeCatalog.Deserialize<CorrectionsFile>(path);
        return file.Corrections.Select(c => new Correction(c.File, c.Line, c.Find, c.Replace ?? "", c.Reason, c.To)).ToList();
    }

    /// <summary>Applies the corrections for one file in place; reports any that no longer match the text.</summary>
    public static void Apply(string fileName, string sourceFile, string[] lines, IReadOnlyList<Correction> corrections, List<ValidationIssue> issues)
    {
        foreach (var c in corrections.Where(c => c.File == fileName))
        {
            var matches = c.Line >= 1 && c.Line <= lines.Length
                && (c.Find.Length == 0 ? lines[c.Line - 1].Trim().Length == 0 : lines[c.Line - 1].Contains(c.Find, StringComparison.Ordinal));
            if (!matches)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, "correction-stale",
                    $"Correctie niet toegepast: '{c.Find}' staat niet op regel {c.Line}.", new SourceRef(sourceFile, c.Line)));
                continue;
            }

            if (c.To is { } to)
            {
                for (var i = c.Line; i <= Math.Min(to, lines.Length); i++)
                {
                    lines[i - 1] = "";
                }

                continue;
            }

            // An empty Find fills a blank line, e.g. a section heading the PDF export lost.
            lines[c.Line - 1] = c.Find.Length == 0 ? c.Replace : lines[c.Line - 1].Replace(c.Find, c.Replace, StringComparison.Ordinal);
        }
    }

    internal sealed class CorrectionsFile
    {
        public List<CorrectionYaml> Corrections { get; set; } = [];
    }

    internal sealed class CorrectionYaml
    {
        public string File { get; set; } = "";
        public int Line { get; set; }
        public string Find { get; set; } = "";
        public string? Replace { get; set; }
        public string Reason { get; set; } = "";
        public int? To { get; set; }
    }
}
