using System.Globalization;
using VarBot.Answering.Analysis;
using VarBot.Answering.Vocabulary;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Indexes;

/// <summary>A passage with its analysed text; OCR fragments of a few words are merged into the passage before them.</summary>
internal sealed record PassageEntry(int Index, Passage Passage, string Text, AnalysedText Analysed, IReadOnlyList<int> Years, bool HasNumber);

internal sealed record EventEntry(Event Event, HashSet<string> NameStems, DateOnly SortDate);

internal sealed record LineEntry(BudgetLine Line, IReadOnlySet<string> Keys, IReadOnlySet<string> LabelStems, string LabelKey);

internal sealed record BudgetEntry(Budget Budget, Report? Report, IReadOnlyList<LineEntry> Lines);

/// <summary>An acronym's definition and the passage that gives it.</summary>
internal sealed record AcronymEntry(Analysis.AcronymDefinition Definition, PassageEntry Entry);

internal sealed record ThemePhrase(string[] Tokens, Theme Theme, Theme? Former);

/// <summary>The shared indexes every intent answers from, built once per model.</summary>
internal sealed class KnowledgeIndex
{
    private const int MinPassageWords = 3;
    private readonly Dictionary<string, List<(int Line, string Section)>> _sectionLines = [];

    public KnowledgeIndex(KnowledgeModel model, Words words)
    {
        Model = model;
        Words = words;
        Reports = model.Reports.ToDictionary(r => r.Id);
        Themes = model.Themes.ToDictionary(t => t.Id);
        var modelTokens = new List<string>();
        foreach (var text in ModelTexts(model))
        {
            modelTokens.AddRange(TextNormalizer.Tokens(text, joinBrokenWords: true));
        }

        Analyzer = new Analyzer(words, modelTokens);
        // "Echt niet vandaag": a day word the reports write right after a word is, with that word, part of a name.
        var dayWords = words.Time.RelativeDays.Keys.Where(k => !k.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var dayWordsInNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < modelTokens.Count; i++)
        {
            if (dayWords.Contains(modelTokens[i]))
            {
                dayWordsInNames.Add(modelTokens[i - 1] + " " + modelTokens[i]);
            }
        }

        DayWordsInNames = dayWordsInNames;
        Passages = BuildPassages(model, Analyzer, words.Language.Numbers, words.Language.FrequencyWords);
        Sentences.Remember(Passages.Select(p => p.Text));
        Search = new PassageSearch(Passages, Analyzer);
        // Synonyms are read at question time, so the acronyms can use the index's passage counts.
        Analyzer.AddAcronyms(model.Passages.Select(p => p.Text).Concat(model.Passages.Select(p => p.Heading ?? "").Distinct()).ToList(), Search.Frequency);
        Acronyms = BuildAcronyms(Passages);
        ThemePhrases = BuildThemePhrases(model, words);
        // A title word that only says the kind of event ("Webinar", "Leerhuis") names no particular event.
        var generic = words.Events.EventTypes.Values.SelectMany(v => v).Concat(words.Themes.ActivityWords).Concat(words.Events.AgendaWords)
            .Concat(Enum.GetNames<EventType>().SelectMany(n => new[] { n.ToLowerInvariant(), n.ToLowerInvariant() + "s" })).ToHashSet();
        Events = model.Events
            .Select(e => new EventEntry(
                e,
                TextNormalizer.Tokens(e.Title + " " + e.Topic + " " + e.Place)
                    .Where(t => !Analyzer.IsStopword(t) && !generic.Contains(t) && !t.Any(char.IsDigit))
                    .Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal),
                SortDate(e)))
            .OrderBy(e => e.SortDate)
            .ToList();
        // Only words that say which event is meant: "samen" or "meer" in a title names none.
        var common = Math.Max(10, Passages.Count / 40);
        EventNameStems = Events.SelectMany(e => e.NameStems).Where(s => Search.Frequency(s) <= common).ToHashSet(StringComparer.Ordinal);
        var keyByWord = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in words.Budget.Lines)
        {
            foreach (var word in line.Words)
            {
                keyByWord.TryAdd(word, line.Key);
            }
        }

        LineKeyByWord = keyByWord;
        _budgetedThemes = ThemePhrases.Where(p => p.Tokens.Any(keyByWord.ContainsKey)).Select(p => p.Theme.Id).ToHashSet(StringComparer.Ordinal);
        Budgets = model.Budgets
            .Select(b => new BudgetEntry(
                b,
                Reports.GetValueOrDefault(b.ReportId),
                b.Lines.Select(l =>
                {
                    var tokens = TextNormalizer.Tokens(l.Label);
                    // A line without an amount is also named by what stands in its place ("de PM-post": pro memorie).
                    var named = l.Amount is null && l.AmountText is { } placeholder ? [.. tokens, .. TextNormalizer.Tokens(placeholder)] : tokens;
                    return new LineEntry(
                        l,
                        tokens.Select(t => keyByWord.GetValueOrDefault(t)).OfType<string>().ToHashSet(StringComparer.Ordinal),
                        named.Where(t => !Analyzer.IsStopword(t)).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal),
                        LabelKey(l.Label));
                }).ToList()))
            .ToList();
        BudgetLabelWords = model.Budgets.SelectMany(b => b.Lines).SelectMany(l => TextNormalizer.Tokens(l.Label + " " + l.Group))
            .ToHashSet(StringComparer.Ordinal);
        People = model.Organisation
            .Where(f => f.Kind is OrganisationFactKind.Chair or OrganisationFactKind.ViceChair or OrganisationFactKind.Head)
            .Select(f => (Fact: f, Name: TextNormalizer.Tokens(f.Value).Where(t => t.Length > 1 && !Analyzer.IsStopword(t)).ToArray()))
            .Where(p => p.Name.Length > 0)
            .ToList();
        foreach (var passage in model.Passages)
        {
            if (!_sectionLines.TryGetValue(passage.Source.File, out var lines))
            {
                _sectionLines[passage.Source.File] = lines = [];
            }

            lines.Add((passage.Source.Line, passage.Section));
        }

        foreach (var lines in _sectionLines.Values)
        {
            lines.Sort((a, b) => a.Line.CompareTo(b.Line));
        }
    }

    public KnowledgeModel Model { get; }
    public Words Words { get; }
    public Analyzer Analyzer { get; }
    public IReadOnlyDictionary<string, Report> Reports { get; }
    public IReadOnlyDictionary<string, Theme> Themes { get; }
    public IReadOnlyList<PassageEntry> Passages { get; }

    /// <summary>A day word with the word before it as the reports write them ("niet vandaag" of "Echt niet vandaag"): a name, no day.</summary>
    public IReadOnlySet<string> DayWordsInNames { get; }
    public PassageSearch Search { get; }
    public IReadOnlyList<ThemePhrase> ThemePhrases { get; }
    public IReadOnlyList<EventEntry> Events { get; }
    public IReadOnlySet<string> EventNameStems { get; }
    public IReadOnlyList<BudgetEntry> Budgets { get; }
    public IReadOnlyDictionary<string, string> LineKeyByWord { get; }

    /// <summary>Each acronym a report spells out ("(ESSM)"), with the newest passage that does.</summary>
    public IReadOnlyDictionary<string, AcronymEntry> Acronyms { get; }

    private readonly HashSet<string> _budgetedThemes;

    /// <summary>True when a word of the theme's name or aliases names a budget line ("mensenhandel"); false for "Burgernet".</summary>
    public bool ThemeHasBudgetLine(string themeId) => _budgetedThemes.Contains(themeId);
    public IReadOnlySet<string> BudgetLabelWords { get; }
    public IReadOnlyList<(OrganisationFact Fact, string[] Name)> People { get; }

    /// <summary>The shortest surname that names a person on its own ("Heijkoop", not "Jong").</summary>
    private const int MinOwnSurname = 5;

    /// <summary>
    /// True when the words name the person: all of the name's words, or its surname alone when that is long enough to be no
    /// common word ("hoe lang was Heijkoop aan de VAR verbonden?").
    /// </summary>
    public static bool Names(string[] name, IReadOnlySet<string> words) =>
        name.Length >= 2 && (Array.TrueForAll(name, words.Contains) || name[^1].Length >= MinOwnSurname && words.Contains(name[^1]));

    /// <summary>The latest plan year of the reports (the year the newest jaarplan is about).</summary>
    public int LatestPlanYear => Model.Reports.Count == 0 ? 0 : Model.Reports.Max(r => r.PlanYear);

    public int LatestReportYear => Model.Reports.Count == 0 ? 0 : Model.Reports.Max(r => r.ReportYear);

    /// <summary>Budget lines are the same line when their labels read the same (case, spaces, punctuation and one-letter typos aside).</summary>
    public static string LabelKey(string label) => string.Join(' ', TextNormalizer.Tokens(label));

    public static bool SameLabel(LineEntry a, LineEntry b)
    {
        if (a.Line.Side != b.Line.Side || a.Line.Kind != b.Line.Kind)
        {
            return false;
        }

        if (a.LabelKey == b.LabelKey)
        {
            return true;
        }

        var x = a.LabelKey.Split(' ');
        var y = b.LabelKey.Split(' ');
        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == y[i])
            {
                continue;
            }

            if (x[i].Any(char.IsDigit) || y[i].Any(char.IsDigit) || Math.Min(x[i].Length, y[i].Length) < 6 || EditDistance.Distance(x[i], y[i], 1) > 1)
            {
                return false;
            }
        }

        return true;
    }

    public Report? ReportOf(SourceRef source) =>
        Model.Reports.FirstOrDefault(r => source.File.EndsWith(r.SourceFile, StringComparison.Ordinal) || r.SourceFile.EndsWith(source.File, StringComparison.Ordinal));

    /// <summary>The report section a source line lies in: the section of the nearest passage at or above that line.</summary>
    public string? SectionAt(SourceRef source)
    {
        if (!_sectionLines.TryGetValue(source.File, out var lines))
        {
            return null;
        }

        string? section = null;
        foreach (var (line, name) in lines)
        {
            if (line > source.Line)
            {
                break;
            }

            section = name;
        }

        return section;
    }

    /// <summary>The current theme for a theme id: a former theme points to its successor.</summary>
    public Theme Current(Theme theme)
    {
        var target = theme;
        for (var guard = 0; guard < 5 && !target.IsCurrent && target.SucceededBy is { } next && Themes.TryGetValue(next, out var successor); guard++)
        {
            target = successor;
        }

        return target;
    }

    public static DateOnly SortDate(Event e) => e.Date ?? new DateOnly(e.Year, e.Month ?? 12, e.Month is null ? 31 : 28);

    /// <remarks>A passage "has a number" with a figure, a number word or a frequency ("tweejaarlijks"): it can answer "hoeveel" or "hoe vaak".</remarks>
    private static Dictionary<string, AcronymEntry> BuildAcronyms(IReadOnlyList<PassageEntry> passages)
    {
        var found = new Dictionary<string, AcronymEntry>(StringComparer.Ordinal);
        foreach (var entry in passages.Where(p => p.Text.Length > 0).OrderByDescending(p => p.Passage.Year))
        {
            // A sub-heading defines one too ("Online aangejaagde ordeverstoringen (OAOV) en Statelijke dreigingen").
            foreach (var definition in Analysis.Acronyms.Find([entry.Text, entry.Passage.Heading ?? ""]))
            {
                found.TryAdd(definition.Acronym, new AcronymEntry(definition, entry));
            }
        }

        return found;
    }

    private static IReadOnlyList<PassageEntry> BuildPassages(KnowledgeModel model, Analyzer analyzer, IReadOnlyDictionary<string, int> numberWords, IReadOnlySet<string> frequencyWords)
    {
        var texts = model.Passages.Select(p => p.Text.Trim()).ToArray();
        var merged = new bool[texts.Length];
        for (var i = 1; i < texts.Length; i++)
        {
            // OCR fragments ("(ROR).") belong to the passage before them: search and quote them together.
            var previousText = texts[i - 1].TrimEnd();
            var continues = previousText.Length > 0 && char.IsLetter(previousText[^1]) && !model.Passages[i].IsBullet && !merged[i - 1]
                && model.Passages[i].Section == model.Passages[i - 1].Section && model.Passages[i].Kind == model.Passages[i - 1].Kind
                // A passage under another sub-heading starts anew ("16 november 2026 Leerhuis" is not continued by the next heading's text).
                && model.Passages[i].Heading == model.Passages[i - 1].Heading;
            if ((WordCount(texts[i]) < MinPassageWords || continues) && model.Passages[i].ReportId == model.Passages[i - 1].ReportId)
            {
                var target = i - 1;
                while (target > 0 && merged[target])
                {
                    target--;
                }

                texts[target] += " " + texts[i];
                merged[i] = true;
            }
        }

        var entries = new List<PassageEntry>(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            var p = model.Passages[i];
            var text = merged[i] ? "" : texts[i];
            var analysed = analyzer.Passage(text.Length == 0 ? "" : text + " " + p.Heading + " " + p.Section);
            var years = analysed.Tokens.Where(t => t.IsYear).Select(t => int.Parse(t.Text, CultureInfo.InvariantCulture)).Distinct().ToList();
            entries.Add(new PassageEntry(i, p, text, analysed, years, analysed.Tokens.Any(t => t.IsNumber && !t.IsYear || numberWords.ContainsKey(t.Text) || frequencyWords.Contains(t.Text))));
        }

        return entries;
    }

    private static List<ThemePhrase> BuildThemePhrases(KnowledgeModel model, Words words)
    {
        var byId = model.Themes.ToDictionary(t => t.Id);
        var phrases = new List<ThemePhrase>();
        foreach (var theme in model.Themes)
        {
            var target = theme;
            for (var guard = 0; guard < 5 && !target.IsCurrent && target.SucceededBy is { } next && byId.TryGetValue(next, out var successor); guard++)
            {
                target = successor;
            }

            var former = ReferenceEquals(target, theme) ? null : theme;
            foreach (var name in theme.Aliases.Append(theme.Name).Concat(theme.FormerNames))
            {
                Add(name, target, former);
            }
        }

        foreach (var (id, aliases) in words.Themes.ThemeAliases)
        {
            if (byId.TryGetValue(id, out var theme))
            {
                foreach (var alias in aliases)
                {
                    Add(alias, theme, null);
                }
            }
        }

        return [.. phrases.OrderByDescending(p => p.Tokens.Length)];

        void Add(string text, Theme theme, Theme? former)
        {
            var tokens = TextNormalizer.Tokens(text).ToArray();
            if (tokens.Length > 0)
            {
                phrases.Add(new ThemePhrase(tokens, theme, former));
            }
        }
    }

    private static IEnumerable<string> ModelTexts(KnowledgeModel model) =>
        model.Passages.Select(p => p.Text + " " + p.Heading + " " + p.Section)
            .Concat(model.Events.Select(e => e.Title + " " + e.Topic + " " + e.Place))
            .Concat(model.Budgets.SelectMany(b => b.Lines.Select(l => l.Label + " " + l.Group)))
            .Concat(model.Themes.SelectMany(t => t.Aliases.Append(t.Name).Concat(t.FormerNames)))
            .Concat(model.Monitoring.Select(m => m.Title + " " + m.Performer))
            .Concat(model.Organisation.Select(o => o.Value + " " + o.Detail));

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
