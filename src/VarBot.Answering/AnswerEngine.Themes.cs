using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VarBot.Answering.Handlers;
using VarBot.Answering.Understanding;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

public sealed partial class AnswerEngine
{
    private const int MaxThemeItems = 12;
    private const double FullCoverage = 0.5;
    private const double PartialCoverage = 0.3;
    private const int ShortPassage = 12;

    private Reply AnswerThemeList(QuestionSlots slots, DateOnly today)
    {
        if (slots.Years.Count > 0 && ThemeListOfYear(slots.Years[0]) is { } ofYear)
        {
            return ofYear;
        }

        var current = model.Themes.Where(t => t.IsCurrent).ToList();
        if (current.Count == 0)
        {
            return NotFound();
        }

        var latest = model.Reports.OrderByDescending(r => r.ReportYear).FirstOrDefault();
        var reply = new Reply("themes", "answer") { Title = phrases["themes_title"] };
        var lines = new List<string> { phrases.Format("themes_intro", latest?.PlanYear ?? today.Year) };
        lines.AddRange(current.Select(t => "- " + t.Name));
        var former = model.Themes.Where(t => !t.IsCurrent).Select(t => t.Name).ToList();
        if (former.Count > 0)
        {
            lines.Add(phrases.Format("themes_former", string.Join(", ", former)));
        }

        reply.Text = string.Join('\n', lines);
        reply.Data["text"] = reply.Text;
        if (latest is not null)
        {
            reply.Sources.Add(SourceFor(latest.Id, "Voorwoord", null));
        }

        var planYear = latest?.PlanYear ?? today.Year;
        foreach (var theme in current.Take(3))
        {
            reply.Suggestions.Add(phrases.Format("suggest_theme_plans", theme.Name.ToLowerInvariant(), planYear));
        }

        return reply;
    }

    /// <summary>The themes a year's report writes about: those its passages are attributed to, in report order.</summary>
    private Reply? ThemeListOfYear(int year)
    {
        var report = model.Reports.FirstOrDefault(r => r.ReportYear == year) ?? model.Reports.FirstOrDefault(r => r.PlanYear == year);
        if (report is null)
        {
            return null;
        }

        var ids = model.Passages.Where(p => p.ReportId == report.Id && p.ThemeId is not null).Select(p => p.ThemeId!).Distinct().ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var reply = new Reply("themes", "answer") { Title = phrases["themes_title"] };
        var names = ids.Select(id => themes.TryGetValue(id, out var t) ? t.Name : id);
        reply.Text = phrases.Format("themes_intro_year", year) + "\n" + string.Join('\n', names.Select(n => "- " + n));
        reply.Data["text"] = reply.Text;
        reply.Sources.Add(SourceFor(report.Id, phrases["themes_title"], null));
        reply.Slots["years"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        reply.Suggestions.Add(phrases["suggest_themes"]);
        return reply;
    }

    private Reply AnswerThemeOverview(QuestionSlots slots, DateOnly today)
    {
        var theme = slots.Theme!;
        var own = slots.FormerTheme is { } formerTheme && model.Passages.Any(p => p.ThemeId == formerTheme.Id)
            ? model.Passages.Where(p => p.ThemeId == formerTheme.Id).ToList()
            : model.Passages.Where(p => p.ThemeId == theme.Id).ToList();
        own = own.Where(p => passageTokens[passagePosition[p.Id]].Count > 0).ToList();
        if (own.Count == 0)
        {
            return AnswerSearch(slots, today);
        }

        List<Passage> done;
        List<Passage> planned;
        if (slots.Years.Count > 0)
        {
            var year = slots.Years[0];
            done = own.Where(p => p.Kind == PassageKind.Done && p.Year == year).ToList();
            planned = own.Where(p => p.Kind == PassageKind.Planned && p.Year == year).ToList();
        }
        else
        {
            var lastDone = own.Where(p => p.Kind == PassageKind.Done).Select(p => p.Year).DefaultIfEmpty(0).Max();
            var lastPlanned = own.Where(p => p.Kind == PassageKind.Planned).Select(p => p.Year).DefaultIfEmpty(0).Max();
            done = own.Where(p => p.Kind == PassageKind.Done && p.Year == lastDone).ToList();
            planned = own.Where(p => p.Kind == PassageKind.Planned && p.Year == lastPlanned).ToList();
        }

        if (slots.DoneWord && !slots.PlannedWord && done.Count > 0)
        {
            planned = [];
        }
        else if (slots.PlannedWord && !slots.DoneWord && planned.Count > 0)
        {
            done = [];
        }

        if (done.Count == 0 && planned.Count == 0)
        {
            var none = NotFound(phrases.Format("theme_none_year", theme.Name, string.Join(", ", slots.Years)));
            none.Intent = "theme";
            none.Slots["theme"] = theme.Id;
            return none;
        }

        var reply = new Reply("theme", "theme") { Title = theme.Name };
        var intro = phrases.Format("theme_intro", theme.Name);
        if (slots.FormerTheme is { } former)
        {
            intro = phrases.Format("theme_renamed", former.Name, theme.Name) + " " + intro;
        }

        reply.Text = intro;
        reply.Data["done"] = new JsonArray([.. done.Take(MaxThemeItems).Select(p => (JsonNode?)JsonValue.Create(Quote(p)))]);
        reply.Data["doneLabel"] = done.Count > 0 ? phrases.Format("theme_done_label", done[0].Year) : "";
        reply.Data["planned"] = new JsonArray([.. planned.Take(MaxThemeItems).Select(p => (JsonNode?)JsonValue.Create(Quote(p)))]);
        reply.Data["plannedLabel"] = planned.Count > 0 ? phrases.Format("theme_planned_label", planned[0].Year) : "";
        foreach (var p in done.Take(MaxThemeItems).Concat(planned.Take(MaxThemeItems)))
        {
            reply.Sources.Add(SourceFor(p.ReportId, p.Section, p.Source));
        }

        reply.Slots["theme"] = theme.Id;
        if (slots.Years.Count > 0)
        {
            reply.Slots["years"] = string.Join(',', slots.Years);
        }

        var y = slots.Years.Count > 0 ? slots.Years[0] : (planned.Count > 0 ? planned[0].Year : done[0].Year);
        reply.Suggestions.Add(phrases.Format("suggest_theme_done", theme.Name.ToLowerInvariant(), y - 1));
        reply.Suggestions.Add(phrases.Format("suggest_theme_plans", theme.Name.ToLowerInvariant(), y + (planned.Count > 0 ? 0 : 1)));
        reply.Suggestions.Add(phrases["suggest_themes"]);
        return reply;
    }

    private Reply AnswerSearch(QuestionSlots slots, DateOnly today, bool requireNumber = false, Func<Passage, bool>? restrict = null)
    {
        var terms = slots.Content
            .Where(t => !t.StartsWith('@') && !lexicon.WhenWords.Contains(t) && !lexicon.FollowupStarts.Contains(t) && !analyzer.IsStopword(t) && !timeWords.Contains(t))
            .ToList();
        requireNumber |= slots.Tokens.Exists(countWords.Contains);
        if (slots.Theme is { } themeForTerms)
        {
            // The theme's own words help ranking inside the theme filter too.
            terms.AddRange(Text.TextNormalizer.Tokens(themeForTerms.Name).Concat(slots.ThemePhrase).Where(t => !analyzer.IsStopword(t) && !terms.Contains(t)));
        }

        var themeId = slots.Theme?.Id;
        var years = slots.Years;
        var filters = new List<Func<Passage, bool>?>();
        Func<Passage, bool>? yearFilter = null;
        if (themeId is not null && years.Count > 0)
        {
            filters.Add(p => p.ThemeId == themeId && (years.Contains(p.Year) || MentionsYear(p, years)));
        }

        if (years.Count > 0)
        {
            filters.Add(yearFilter = p => years.Contains(p.Year));
            filters.Add(p => MentionsYear(p, years));
        }

        if (themeId is not null)
        {
            filters.Add(p => p.ThemeId == themeId);
        }

        filters.Add(null);
        List<(Passage Passage, double Score)> hits = [];
        double coverage = 0;
        foreach (var filter in filters)
        {
            var (h, c) = passages.Search(terms, requireNumber || restrict is not null
                ? p => (!requireNumber || HasNumber(p)) && (restrict is null || restrict(p)) && (filter is null || filter(p))
                : filter, 8);

            if (h.Count > 0 && c > coverage + 0.05)
            {
                (hits, coverage) = (h, c);
            }

            // A year the user named is a firm constraint: a good hit there ends the search. The theme is only inferred
            // (and reports attribute passages imperfectly), so a theme-only hit must be complete to stop the search.
            var themeOnly = years.Count == 0 && filter is not null;
            if (h.Count > 0 && c < 0.999 && filter is not null && ReferenceEquals(filter, yearFilter))
            {
                // A passage of another report that names the year may cover the question better ("de vijftien gemeenten
                // die in 2020 niet deelnamen" stands in the plan for 2021): it wins only with clearly more of the words.
                var (mh, mc) = passages.Search(terms, p => MentionsYear(p, years) && (!requireNumber || HasNumber(p)) && (restrict is null || restrict(p)), 8);
                if (mh.Count > 0 && mc > c + 0.05)
                {
                    (h, c) = (mh, mc);
                    (hits, coverage) = (h, c);
                }
            }

            if (h.Count > 0 && c >= (themeOnly ? 0.999 : FullCoverage))
            {
                (hits, coverage) = c > coverage + 0.05 || hits.Count == 0 ? (h, c) : (hits, coverage);
                break;
            }
        }

        if (requireNumber && hits.Count > 1)
        {
            // "Hoeveel bezoekers": a passage with a number next to an asked word ("250 mensen") goes first.
            var stems = terms.Select(Text.QueryAnalyzer.Stem).ToHashSet();
            foreach (var stem in stems.ToList())
            {
                stems.UnionWith(analyzer.Synonyms(stem));
            }

            hits = [.. hits.OrderByDescending(h => NumberNear(h.Passage, stems))];
        }

        var countNoun = CountNoun(slots);
        var countAnswered = true;
        if (requireNumber && countNoun is not null && hits.Count > 0)
        {
            // "Hoeveel aangiftes": only a number next to the counted word answers it; otherwise the passages are only near.
            var nounStems = countNoun.Select(Text.QueryAnalyzer.Stem).SelectMany(stem => analyzer.Synonyms(stem).Append(stem)).ToHashSet();
            hits = [.. hits.OrderByDescending(h => NumberNear(h.Passage, nounStems))];
            countAnswered = NumberNear(hits[0].Passage, nounStems);
        }

        if (hits.Count == 0 || coverage < PartialCoverage)
        {
            var notFound = NotFound();
            if (slots.Theme is { } t)
            {
                notFound.Suggestions.Insert(0, phrases.Format("suggest_theme_plans", t.Name.ToLowerInvariant(), today.Year));
            }

            return notFound;
        }

        var chosen = Expand(hits.Take(3).Select(h => h.Passage).ToList());
        var reply = new Reply("search", "answer") { Title = phrases["search_title"] };
        reply.Answered = coverage >= FullCoverage && countAnswered && (!slots.PersonQuestion || chosen.Exists(p => NameNear(p.Text, terms)));
        reply.Text = reply.Answered ? phrases["search_intro"] : phrases["partial_found"];
        reply.Data["text"] = string.Join("\n\n", chosen.Select(Quote));
        foreach (var p in chosen)
        {
            reply.Sources.Add(SourceFor(p.ReportId, p.Section, p.Source));
        }

        reply.Slots["query"] = string.Join(' ', terms);
        if (years.Count > 0)
        {
            reply.Slots["years"] = string.Join(',', years);
        }

        if (themeId is not null)
        {
            reply.Slots["theme"] = themeId;
            reply.Suggestions.Add(phrases.Format("suggest_theme_plans", slots.Theme!.Name.ToLowerInvariant(), chosen[0].Year));
        }

        reply.Suggestions.AddRange(DefaultSuggestions());
        return reply;
    }

    [GeneratedRegex(@"\s*(►►|►|▶|>>>|>>)\s*")]
    private static partial Regex LinkMarks();

    /// <summary>The words a count question counts: the content words right after "hoeveel" ("hoeveel GVB rapportages werden", "hoeveel aangiftes van").</summary>
    private List<string>? CountNoun(QuestionSlots slots)
    {
        var start = slots.Tokens.FindIndex(countWords.Contains);
        if (start < 0)
        {
            return null;
        }

        var words = slots.Tokens.Skip(start + 1).TakeWhile(t => !analyzer.IsStopword(t) && !t.Any(char.IsDigit) && !numberWords.Contains(t)
            && !lexicon.WeakBudgetWords.Contains(t) && !extractor.IsSlotWord(t)).ToList();
        return words.Count == 0 ? null : words;
    }

    /// <summary>
    /// A "wie" question is answered only by a passage with a name next to an asked word ("burgemeester Van Hemmen"):
    /// a capitalised word within two words of it, in the same sentence, that does not start the sentence and that the
    /// reports never write in lower case ("het Regionaal Overzicht" is a title, not a person).
    /// </summary>
    private bool NameNear(string text, List<string> terms)
    {
        var stems = terms.Select(Text.QueryAnalyzer.Stem).ToHashSet();
        var words = WordSplit().Split(text).Where(w => w.Length > 0).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var normalized = Text.TextNormalizer.Tokens(words[i]);
            if (normalized.Count == 0 || !stems.Contains(Text.QueryAnalyzer.Stem(normalized[0])))
            {
                continue;
            }

            for (var j = Math.Max(0, i - 2); j <= Math.Min(words.Count - 1, i + 2); j++)
            {
                var between = words.Skip(Math.Min(i, j)).Take(Math.Abs(i - j)).Any(w => w.EndsWith('.') || w.EndsWith(':') || w.EndsWith(';'));
                var w = words[j];
                var sentenceStart = j == 0 || words[j - 1].EndsWith('.') || words[j - 1].EndsWith(':');
                if (j != i && !between && !sentenceStart && w.Length > 1 && char.IsUpper(w[0]) && char.IsLower(w[1]) && IsNameWord(w))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsNameWord(string word)
    {
        var tokens = Text.TextNormalizer.Tokens(word);
        return tokens.Count > 0 && !tokens.TrueForAll(commonWords.Contains);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n")]
    private static partial Regex SentenceSplit();

    /// <summary>
    /// A count attached to an asked word: a number (not a year) or a number word within three words of it in the same
    /// sentence ("ruim 100 deelnemers", "vier CISO-bijeenkomsten"); a compound counts by its last part. A list number
    /// ("5. Preventie") stands alone and counts nothing.
    /// </summary>
    private bool NumberNear(Passage passage, HashSet<string> stems)
    {
        foreach (var sentence in SentenceSplit().Split(passage.Text + fragmentSuffix.GetValueOrDefault(passage.Id, "")))
        {
            var tokens = Text.TextNormalizer.Tokens(sentence, joinBrokenWords: true);
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (!(numberWords.Contains(t) || t[0] is >= '0' and <= '9' && !IsYear(t)))
                {
                    continue;
                }

                for (var j = Math.Max(0, i - 3); j <= Math.Min(tokens.Count - 1, i + 3); j++)
                {
                    if (j != i && CountedWord(tokens[j], stems))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool CountedWord(string token, HashSet<string> stems)
    {
        var stem = Text.QueryAnalyzer.Stem(token);
        if (stems.Contains(stem))
        {
            return true;
        }

        foreach (var asked in stems)
        {
            if (asked.Length >= 5 && stem.Length > asked.Length + 2 && stem.EndsWith(asked, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd(" ►▶>".AsSpan());
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ':' or ';' or ')' or '"' or '\'' or '”';
    }

    /// <summary>A count in the passage: a number that is not a year, or a number word (precomputed at build).</summary>
    private bool HasNumber(Passage passage) => passageHasNumber[passagePosition[passage.Id]];

    private bool MentionsYear(Passage passage, List<int> years)
    {
        foreach (var year in passageYears[passagePosition[passage.Id]])
        {
            if (years.Contains(year))
            {
                return true;
            }
        }

        return false;
    }


    /// <summary>A passage that introduces a list (ends with a colon) brings its bullets along; a short one brings the next paragraph.</summary>
    private List<Passage> Expand(List<Passage> chosen)
    {
        var result = new List<Passage>();
        foreach (var passage in chosen)
        {
            if (result.Contains(passage))
            {
                continue;
            }

            result.Add(passage);
            if (!passagePosition.TryGetValue(passage.Id, out var position))
            {
                continue;
            }

            if (!passage.Text.TrimEnd().EndsWith(':'))
            {
                // A short paragraph brings the next one; a passage cut off mid-sentence (OCR line breaks) brings its continuation.
                if (position + 1 < model.Passages.Count && model.Passages[position + 1] is { } following
                    && (!passage.IsBullet && passageTokens[position].Count < ShortPassage || !EndsSentence(passage.Text) && !following.IsBullet)
                    && following.ReportId == passage.ReportId
                    && following.Section == passage.Section && passageTokens[position + 1].Count > 0 && !result.Contains(following))
                {
                    result.Add(following);
                }

                continue;
            }

            for (var i = position + 1; i < model.Passages.Count && i <= position + 8; i++)
            {
                var next = model.Passages[i];
                if (next.ReportId != passage.ReportId || !next.IsBullet)
                {
                    break;
                }

                if (!result.Contains(next))
                {
                    result.Add(next);
                }
            }
        }

        return result;
    }

    /// <summary>The passage text; a month named without a year gets the passage's year, so "in mei" reads "in mei 2024".</summary>
    private string Quote(Passage passage)
    {
        var position = passagePosition[passage.Id];
        if (quoted[position] is { } cached)
        {
            return cached;
        }

        var text = LinkMarks().Replace(passage.Text + fragmentSuffix.GetValueOrDefault(passage.Id, ""), " ").Trim();
        text = monthWithoutYear.Replace(text, m => $"{m.Value} {passage.Year}");
        quoted[position] = text; // a reference write is atomic; two threads at most compute the same text
        return text;
    }
}
