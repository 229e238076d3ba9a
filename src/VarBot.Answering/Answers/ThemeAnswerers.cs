using VarBot.Answering.Indexes;
using VarBot.Answering.Routing;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Answers;

/// <summary>
/// "Wat deed de VAR in 2025 aan digitale veiligheid?": the theme's passages of one report year and kind (done or planned),
/// five at a time, one per sub-heading first so the answer covers the whole section.
/// </summary>
internal sealed class ThemeOverviewAnswerer(AnswerKit kit, SearchAnswerer search) : IAnswerer
{
    public Intent Intent => Intent.ThemeOverview;

    public Reply Answer(Query query)
    {
        var themeId = query.ThemeId!;
        var ownId = query.FormerThemeId is { } former && kit.Index.Passages.Any(p => p.Passage.ThemeId == former) ? former : themeId;
        var own = kit.Index.Passages.Where(p => p.Passage.ThemeId == ownId && p.Text.Length > 0 && !Sentences.IsDebris(p.Text)).ToList();
        if (own.Count == 0)
        {
            return search.Answer(query, Intent, requireNumber: false) ?? kit.NotFound(query, Intent);
        }

        if (query.Has(Signals.YesNo) && query.Has(Signals.ThemeList) && query.Years.Count == 0 && query.Range is null
            && kit.Index.Themes.TryGetValue(themeId, out var asked) && !asked.IsCurrent && Ended(own, query) is { } ended)
        {
            // "Is woonoverlast nog een thema van de VAR?": a theme the newest report no longer has, which a report says ended.
            return ended;
        }

        var kind = KindOf(query);
        var year = query.Year;
        var section = Section(own, kind, year);
        if (section.Count == 0 && year is not null)
        {
            var otherKind = kind == PassageKind.Done ? PassageKind.Planned : PassageKind.Done;
            section = Section(own, otherKind, year);
            kind = otherKind;
        }

        var name = kit.ThemeName(themeId);
        if (section.Count == 0)
        {
            return kit.NotFound(query, Intent, kit.Texts.Format("theme_none_year", name, year));
        }

        var focus = Focus(section, query);
        var shownYear = section[0].Passage.Year;
        // A sub-heading the question names is answered by each of its sentences; a whole section by one telling sentence per passage.
        var ordered = focus is null ? Summarise(section)
            : focus.SelectMany(p => Sentences.Split(p.Text).Where(x => !Sentences.IsDebris(x)).Select(x => new Fact(Sentences.Shorten(x, 30), kit.SourceOf(p)))).ToList();
        var items = ordered.Skip(query.Skip).Take(AnswerKit.MaxItems).ToList();
        if (items.Count == 0)
        {
            return kit.NotFound(query, Intent, kit.Texts["more_none"]);
        }

        var report = kit.ReportTitle(section[0].Passage.ReportId);
        var lead = kit.Texts.Format(kind == PassageKind.Done ? "theme_done_lead" : "theme_planned_lead", focus is null ? name.ToLowerInvariant() : $"{name.ToLowerInvariant()} ({focus[0].Passage.Heading})", shownYear, report);
        if (query.FormerThemeId is { } formerId && kit.Index.Themes.TryGetValue(formerId, out var formerTheme))
        {
            lead = kit.Texts.Format("theme_renamed", formerTheme.Name, name) + " " + lead;
        }

        var suggestions = new List<string>();
        suggestions.Add(kind == PassageKind.Done
            ? kit.Texts.Format("suggest_theme_plans", name.ToLowerInvariant(), shownYear + 1)
            : kit.Texts.Format("suggest_theme_done", name.ToLowerInvariant(), shownYear - 1));
        suggestions.Add(kit.Texts["suggest_themes"]);
        return new Reply
        {
            Intent = Intent,
            Template = "answer",
            Title = name,
            Lead = lead,
            Items = items,
            HasMore = ordered.Count > query.Skip + items.Count,
            More = kit.Texts.Format("suggest_more_theme", name.ToLowerInvariant(), shownYear),
            Sources = items.Select(i => i.Source).Distinct().ToList(),
            Suggestions = suggestions,
            Context = kit.ContextOf(query, Intent, years: [shownYear]) with { Asks = AnswerKit.AsksOf(query.Signals | (kind == PassageKind.Done ? Signals.Done : Signals.Planned)) },
        };
    }

    /// <summary>
    /// The newest sentence of the theme's passages that says a theme ended ("de portefeuille Woonoverlast te laten
    /// vervallen": an ending word and a theme word) and the sentence after it; null when no report says so.
    /// </summary>
    private Reply? Ended(List<PassageEntry> own, Query query)
    {
        var endedWords = kit.Words.Themes.ThemeEndedWords;
        var passage = own.Where(p => p.Analysed.Tokens.Any(t => endedWords.Contains(t.Text))).MaxBy(p => p.Passage.Year);
        if (passage is null)
        {
            return null;
        }

        var sentences = Sentences.Split(passage.Text);
        var at = -1;
        for (var i = 0; i < sentences.Count && at < 0; i++)
        {
            // "de portefeuille Woonoverlast te laten vervallen": the sentence says that a theme ended, not an activity of it.
            var tokens = Analysis.TextNormalizer.Tokens(sentences[i]);
            at = tokens.Exists(endedWords.Contains) && tokens.Exists(kit.Words.Themes.ThemeListWords.Contains) ? i : -1;
        }

        if (at < 0)
        {
            return null;
        }

        var items = sentences.Skip(at).Take(2).Select(x => new Fact(Sentences.Shorten(x, 40), kit.SourceOf(passage))).ToList();
        var name = kit.ThemeName(query.ThemeId!);
        return new Reply
        {
            Intent = Intent,
            Template = "answer",
            Title = name,
            Lead = kit.Texts.Format("theme_ended", name.ToLowerInvariant(), kit.ReportTitle(passage.Passage.ReportId)),
            Items = items,
            Sources = [kit.SourceOf(passage)],
            Suggestions = [kit.Texts["suggest_themes"]],
            Context = kit.ContextOf(query, Intent, years: [passage.Passage.Year]),
        };
    }

    /// <summary>
    /// "Wat gaat de VAR doen aan statelijke dreigingen?": when the question names a sub-heading of the section with two
    /// or more of its words, only that sub-heading's passages answer it, each in full; null when none is named.
    /// </summary>
    private List<PassageEntry>? Focus(List<PassageEntry> section, Query query)
    {
        // The question's own words, the theme's name apart ("lachgas" in "wat gaat de VAR doen aan lachgas?" names the
        // sub-heading "Lachgas" of Jeugd, alcohol en drugs, although it also finds the theme).
        var themeStems = query.ThemeId is { } themeId ? kit.Index.Analyzer.Passage(kit.ThemeName(themeId)).Tokens.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal) : [];
        var asked = query.Text.Tokens.Where(t => !t.IsStopword && !themeStems.Contains(t.Stem)).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var best = section.Where(p => p.Passage.Heading is not null).Select(p => p.Passage.Heading!).Distinct()
            .Select(h => (Heading: h, Stems: kit.Index.Analyzer.Passage(h).Tokens.Where(t => !t.IsStopword).Select(t => t.Stem).Distinct().ToList()))
            .Select(h => (h.Heading, Hits: h.Stems.Count(asked.Contains), Words: h.Stems.Count))
            .Where(h => h.Hits >= 2 || h.Hits == 1 && h.Words == 1).OrderByDescending(h => h.Hits).ToList();
        return best.Count == 1 || best.Count > 1 && best[0].Hits > best[1].Hits
            ? section.Where(p => p.Passage.Heading == best[0].Heading).ToList()
            : null;
    }

    private PassageKind KindOf(Query query)
    {
        var done = query.Has(Signals.Done) || query.Has(Signals.Past);
        var planned = query.Has(Signals.Planned);
        if (done && !planned)
        {
            return PassageKind.Done;
        }

        if (planned && !done)
        {
            return PassageKind.Planned;
        }

        // A year before the newest plan year is about what was done; otherwise about what is planned.
        return query.Year is { } year && year < kit.Index.LatestPlanYear ? PassageKind.Done : PassageKind.Planned;
    }

    private static List<PassageEntry> Section(List<PassageEntry> own, PassageKind kind, int? year)
    {
        var ofKind = own.Where(p => p.Passage.Kind == kind).ToList();
        if (ofKind.Count == 0)
        {
            return [];
        }

        var shown = year ?? ofKind.Max(p => p.Passage.Year);
        return ofKind.Where(p => p.Passage.Year == shown).ToList();
    }

    private const int ItemWords = 6;
    private const int GroupWords = 60;

    /// <summary>
    /// One bullet per paragraph (its most telling sentence), and one per list: the list's intro or sub-heading with the
    /// first words of each item, so five bullets cover a whole section.
    /// </summary>
    private List<Fact> Summarise(List<PassageEntry> section)
    {
        var facts = new List<Fact>();
        var i = 0;
        while (i < section.Count)
        {
            var p = section[i];
            var heading = p.Passage.Heading;
            var intro = !p.Passage.IsBullet && p.Text.TrimEnd().EndsWith(':') ? p : null;
            var start = intro is null ? i : i + 1;
            var end = start;
            // A list runs while its bullets keep one sub-heading: the next sub-heading starts a group of its own.
            while (end < section.Count && section[end].Passage.IsBullet && (end == start || section[end].Passage.Heading == section[start].Passage.Heading)
                && (intro is not null || section[end].Passage.Heading == heading && heading is not null || p.Passage.IsBullet && end == start))
            {
                end++;
                if (intro is null && heading is null)
                {
                    break;
                }
            }

            if (end > start && (intro is not null || heading is not null))
            {
                var head = intro is not null ? Sentences.Shorten(Sentences.Split(intro.Text).LastOrDefault() ?? intro.Text, 14).TrimEnd(':', ' ', '…') : heading!;
                var parts = section.Skip(start).Take(end - start).Select(b => Sentences.Shorten(Sentences.Split(b.Text).FirstOrDefault() ?? b.Text, ItemWords).TrimEnd('.', ';', ' '));
                facts.Add(new Fact(Sentences.Shorten(head + ": " + string.Join("; ", parts), GroupWords), kit.SourceOf(intro ?? section[start])));
                i = end;
                continue;
            }

            facts.Add(new Fact(Sentences.Shorten(Telling(p.Text), 30), kit.SourceOf(p)));
            i = Math.Max(i + 1, end);
        }

        return facts;
    }

    /// <summary>The first sentence, unless a later one names more (figures, names, titles).</summary>
    private static string Telling(string text)
    {
        var sentences = Sentences.Split(text);
        if (sentences.Count <= 1)
        {
            return sentences.Count == 0 ? text : sentences[0];
        }

        var scored = sentences.Select((s, index) => (Sentence: s, Score: Salience(s) - index * 0.1)).ToList();
        return Salience(sentences[0]) >= 1 ? sentences[0] : scored.OrderByDescending(s => s.Score).First().Sentence;
    }

    private static double Salience(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Skip(1).Count(w => w.Any(char.IsDigit) || w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower));
    }
}

/// <summary>"Welke thema's heeft de VAR?": the current themes, or the themes a year's report writes about.</summary>
internal sealed class ThemeListAnswerer(AnswerKit kit) : IAnswerer
{
    public Intent Intent => Intent.ThemeList;

    public Reply Answer(Query query)
    {
        var themes = kit.Model.Themes.Where(t => t.IsCurrent).ToList();
        var report = kit.Model.Reports.OrderByDescending(r => r.ReportYear).FirstOrDefault();
        var lead = kit.Texts.Format("themes_lead", kit.Index.LatestPlanYear, kit.NumberWord(themes.Count));
        var ofYear = query.Year is { } y ? kit.Model.Reports.FirstOrDefault(r => r.ReportYear == y) ?? kit.Model.Reports.FirstOrDefault(r => r.PlanYear == y) : null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (query.Year is { } year && ofYear is not null)
        {
            var ofReport = kit.Model.Passages.Where(p => p.ReportId == ofYear.Id && p.ThemeId is not null).ToList();
            var ids = ofReport.Select(p => p.ThemeId!).Distinct().ToList();
            if (ids.Count > 0)
            {
                themes = ids.Select(id => kit.Index.Themes[id]).ToList();
                report = ofYear;
                lead = kit.Texts.Format("themes_lead_year", year);
                // "Heette digitale veiligheid toen anders?": a theme the year's report headed with a former name is shown by it.
                foreach (var theme in themes)
                {
                    var headings = ofReport.Where(p => p.ThemeId == theme.Id).SelectMany(p => new[] { p.Heading, p.Section }).OfType<string>().Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    if (theme.FormerNames.FirstOrDefault(headings.Contains) is { } then)
                    {
                        names[theme.Id] = kit.Texts.Format("theme_then_named", then, theme.Name);
                    }
                }
            }
        }

        if (themes.Count == 0 || report is null)
        {
            return kit.NotFound(query, Intent);
        }

        var source = new FactSource(report.Id, kit.Texts["themes_title"], null);
        // Former portfolios are those an earlier report wrote about, not those a later report will add.
        var written = kit.Model.Passages.Select(p => p.ThemeId).ToHashSet();
        var former = kit.Model.Themes.Where(t => !t.IsCurrent && written.Contains(t.Id)).Select(t => t.Name).ToList();
        var items = themes.Take(AnswerKit.MaxItems).Select(t => new Fact(names.GetValueOrDefault(t.Id, t.Name), source)).ToList();
        if (former.Count > 0 && query.Year is null)
        {
            lead += " " + kit.Texts.Format("themes_former", string.Join(", ", former.Take(4)));
        }

        return new Reply
        {
            Intent = Intent,
            Title = kit.Texts["themes_title"],
            Lead = lead,
            Items = items,
            Sources = [source],
            Suggestions = themes.Where(t => t.IsCurrent).Take(3).Select(t => kit.Texts.Format("suggest_theme_plans", t.Name.ToLowerInvariant(), kit.Index.LatestPlanYear)).ToList(),
            Context = kit.ContextOf(query, Intent),
        };
    }
}
