using System.Text.RegularExpressions;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>
/// Turns a report's paragraphs into passages attributed to a section (theme or general) and a year.
/// Rules, per layout:
/// <list type="bullet">
/// <item>Headings: a single non-bullet line that is a theme name, alias or former name, or a general section
/// name (themes.yaml), numbering like "2.1" ignored. 2017 numbered headings may carry text on the same line.</item>
/// <item>Newer reports (2024-2025, 2025-2026) drop most section headings: a block (after two or more blank
/// lines) that opens with the report-year line and no heading takes the next unused entry of the table of
/// contents (the themes in TOC order after the general sections; Jaarrekening/Begroting have headings of
/// their own). The choice is checked against the keywords of themes.yaml; a mismatch is an import issue.</item>
/// <item>Year lines ("2025", "2026") set Done (report year) or Planned (plan year).</item>
/// <item>2023 (no year lines): each theme heading occurs twice; of the two parts the one mentioning the plan
/// year more (net of the report year) is Planned, the other Done; a paragraph naming only one of the years
/// follows that year.</item>
/// <item>2017 (OCR, columns slipped): a paragraph whose keywords clearly name another theme or section than
/// its heading (two or more hits against none) moves there, and the move sticks until the next heading.</item>
/// </list>
/// </summary>
internal sealed partial class SectionParser(ReportContext report, ThemeCatalog catalog)
{
    private static readonly HashSet<string> GeneralKindSections = ["Voorwoord", "Organisatie", "Financiën"];

    private sealed record Slot(Paragraph Paragraph, string Text, SectionRef Section, string? Heading, int Part, PassageKind? YearKind);

    public List<Passage> Parse(List<Paragraph> paragraphs, IReadOnlyList<int> budgetStarts)
    {
        var hasYearLines = paragraphs.Any(p => IsYearLine(p) == report.PlanYear);
        var ocr = paragraphs.Any(p => NumberedHeading().IsMatch(p.Text) && p.Line < 80);
        var start = 0;
        var tocOrder = ReadTableOfContents(paragraphs, ref start);

        var slots = new List<Slot>();
        var section = catalog.FindSection("Voorwoord")!;
        string? heading = null;
        var part = 0;
        PassageKind? yearKind = null;
        var tocIndex = 0;
        var pendingOrder = false;
        var budgetIndex = 0;
        var orderedBlocks = new List<(int SlotIndex, SectionRef Section, int Line)>();

        for (var i = start; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            while (budgetIndex < budgetStarts.Count && p.Line > budgetStarts[budgetIndex])
            {
                budgetIndex++;
                section = catalog.FindSection("Financiën")!;
                heading = null;
                part++;
            }

            var text = p.Text;
            var year = IsYearLine(p);
            if (year is not null)
            {
                yearKind = year == report.PlanYear ? PassageKind.Planned : PassageKind.Done;
                heading = null;
                pendingOrder = p.BlockStart && tocOrder.Count > 0;
                continue;
            }

            if (!p.IsBullet && (p.SingleLine || (ocr && NumberedHeading().IsMatch(text))))
            {
                var found = MatchHeading(text, ocr && !p.SingleLine || ocr, out var remainder);
                if (found is not null)
                {
                    heading = found == section ? text : null;
                    section = found;
                    part++;
                    pendingOrder = false;
                    var idx = tocOrder.IndexOf(found);
                    if (idx >= 0)
                    {
                        tocIndex = Math.Max(tocIndex, idx + 1);
                    }

                    if (remainder.Length == 0)
                    {
                        continue;
                    }

                    text = remainder;
                }
            }

            if (pendingOrder)
            {
                pendingOrder = false;
                if (tocIndex < tocOrder.Count)
                {
                    section = tocOrder[tocIndex++];
                    heading = null;
                    part++;
                    orderedBlocks.Add((slots.Count, section, p.Line));
                }
                else
                {
                    report.Warn("section-unknown", $"Blok zonder kop na het laatste onderdeel van de inhoudsopgave.", p.Line);
                }
            }

            if (IsSubHeading(p, text, i + 1 < paragraphs.Count ? paragraphs[i + 1] : null))
            {
                heading = text.TrimEnd(':');
                continue;
            }

            if (ocr && section.Name is not ("Voorwoord" or "Financiën"))
            {
                var (best, score) = catalog.BestSection(text);
                if (best is not null && best != section && score >= 2 && catalog.KeywordScore(section, text) == 0)
                {
                    section = best;
                    heading = null;
                    part++;
                }
            }

            slots.Add(new Slot(p, text, section, heading, part, yearKind));
        }

        CheckOrderedBlocks(slots, orderedBlocks);
        return ToPassages(slots, hasYearLines, ocr);
    }

    /// <summary>Reads the table of contents of the newer reports: everything before the second "Voorwoord".</summary>
    private List<SectionRef> ReadTableOfContents(List<Paragraph> paragraphs, ref int start)
    {
        var voorwoord = paragraphs.Select((p, i) => (p, i)).Where(x => TextTools.NormaliseHeading(x.p.Text) == "voorwoord").Take(2).ToList();
        if (voorwoord.Count < 2 || voorwoord[0].i > 5)
        {
            return [];
        }

        var order = new List<SectionRef>();
        for (var i = voorwoord[0].i + 1; i < voorwoord[1].i; i++)
        {
            var found = catalog.FindHeading(TextTools.StripBullet(paragraphs[i].Text));
            if (found is not null && !GeneralKindSections.Contains(found.Name) && !order.Contains(found))
            {
                order.Add(found);
            }
        }

        start = voorwoord[1].i;
        return order;
    }

    private SectionRef? MatchHeading(string text, bool ocr, out string remainder)
    {
        remainder = "";
        var found = catalog.FindHeading(text);
        if (found is not null || !ocr)
        {
            return found;
        }

        // 2017: "1.1. Kennisbijeenkomsten Het organiseren van ..." - heading and text on one OCR line.
        var m = NumberedHeading().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var title = m.Groups[2].Value;
        foreach (var candidate in catalog.Headings.OrderByDescending(h => h.Length))
        {
            if (title.StartsWith(candidate, StringComparison.OrdinalIgnoreCase)
                && (title.Length == candidate.Length || title[candidate.Length] == ' '))
            {
                remainder = title[candidate.Length..].Trim();
                return catalog.FindHeading(candidate);
            }
        }

        return null;
    }

    private static bool IsSubHeading(Paragraph p, string text, Paragraph? next) =>
        !p.IsBullet && text.Length < 90 && !TextTools.EndsSentence(text) && !text.Any(char.IsDigit)
        && !MonthWord().IsMatch(text) && next is not null && char.IsUpper(text[0]);

    private int? IsYearLine(Paragraph p) =>
        p.SingleLine && int.TryParse(p.Text, out var y) && (y == report.ReportYear || y == report.PlanYear) ? y : null;

    /// <summary>Checks each block placed by table-of-contents order against the block's theme keywords.</summary>
    private void CheckOrderedBlocks(List<Slot> slots, List<(int SlotIndex, SectionRef Section, int Line)> blocks)
    {
        foreach (var (index, section, line) in blocks)
        {
            var text = string.Join(" ", slots.Skip(index).TakeWhile(s => s.Section == section).Select(s => s.Text));
            var (best, score) = catalog.BestSection(text);
            if (best is not null && best != section && score > 2 * catalog.KeywordScore(section, text))
            {
                report.Warn("section-order", $"Blok op regel {line} is volgens de inhoudsopgave '{section.Name}', maar de inhoud wijst op '{best.Name}'.", line);
            }
        }
    }

    private List<Passage> ToPassages(List<Slot> slots, bool hasYearLines, bool ocr)
    {
        var partKinds = hasYearLines ? [] : PartKinds(slots);
        var passages = new List<Passage>(slots.Count);
        var ids = new HashSet<string>();
        foreach (var slot in slots)
        {
            PassageKind kind;
            if (GeneralKindSections.Contains(slot.Section.Name))
            {
                kind = PassageKind.General;
            }
            else if (hasYearLines)
            {
                kind = slot.YearKind ?? PassageKind.Done;
            }
            else
            {
                kind = YearsKind(slot.Text) ?? (ocr ? PassageKind.Done : partKinds.GetValueOrDefault(slot.Part, PassageKind.Done));
            }

            var year = kind == PassageKind.Planned ? report.PlanYear : report.ReportYear;
            var id = $"{report.Id}:{slot.Paragraph.Line}";
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{report.Id}:{slot.Paragraph.Line}-{n}";
            }

            passages.Add(new Passage(id, report.Id, slot.Section.ThemeId, slot.Section.Name, slot.Heading, year, kind,
                slot.Paragraph.IsBullet, slot.Text, report.Source(slot.Paragraph.Line)));
        }

        return passages;
    }

    /// <summary>2023: of the parts of one section, the one leaning most to the plan year is Planned.</summary>
    private Dictionary<int, PassageKind> PartKinds(List<Slot> slots)
    {
        var kinds = new Dictionary<int, PassageKind>();
        foreach (var bySection in slots.GroupBy(s => s.Section))
        {
            var parts = bySection.GroupBy(s => s.Part)
                .Select(g => (Part: g.Key, Score: PlanLean(string.Join(" ", g.Select(s => s.Text)))))
                .ToList();
            if (parts.Count == 1)
            {
                kinds[parts[0].Part] = parts[0].Score > 0 ? PassageKind.Planned : PassageKind.Done;
                continue;
            }

            var planned = parts.OrderByDescending(p => p.Score).ThenBy(p => p.Part).First().Part;
            foreach (var p in parts)
            {
                kinds[p.Part] = p.Part == planned ? PassageKind.Planned : PassageKind.Done;
            }
        }

        return kinds;
    }

    private int PlanLean(string text) =>
        Count(text, report.PlanYear.ToString(System.Globalization.CultureInfo.InvariantCulture))
        - Count(text, report.ReportYear.ToString(System.Globalization.CultureInfo.InvariantCulture))
        + FutureWords().Matches(text).Count;

    private PassageKind? YearsKind(string text)
    {
        var plan = Count(text, report.PlanYear.ToString(System.Globalization.CultureInfo.InvariantCulture)) > 0;
        var done = Count(text, report.ReportYear.ToString(System.Globalization.CultureInfo.InvariantCulture)) > 0;
        return plan == done ? null : plan ? PassageKind.Planned : PassageKind.Done;
    }

    /// <summary>Occurrences of a year, not counting year ranges such as "2015-2018" or "2024-2026".</summary>
    private static int Count(string text, string word)
    {
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + word.Length < text.Length ? text[i + word.Length] : ' ';
            if (before is not ('-' or '–') && after is not ('-' or '–') && !char.IsDigit(before) && !char.IsDigit(after))
            {
                n++;
            }
        }

        return n;
    }

    [GeneratedRegex(@"^(\d+\.\d+\.?)\s+(.+)$")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"\b(" + TextTools.MonthPattern + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthWord();

    [GeneratedRegex(@"\b(zal|zullen|gaan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureWords();
}
