using System.Text.RegularExpressions;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>
/// Monitoring publications named in the passages: the Gezamenlijk Veiligheidsbeeld (GVB), the
/// Veiligheidsmonitor and the (regional) Mensenhandelmonitor. A sentence may name two GVB reports
/// ("In het voorjaar het GVB 2025 en in het najaar het GVB eerste halfjaar 2026"; "Over het jaar 2024 en over
/// de eerste helft van 2025"): each part becomes a publication. Planned passages give planned publications.
/// </summary>
internal static partial class MonitoringExtractor
{
    public static List<MonitoringPublication> Extract(IReadOnlyList<Passage> passages, Report report)
    {
        var result = new List<MonitoringPublication>();
        MonitoringKind? previousKind = null;
        string? previousSection = null;
        foreach (var p in passages)
        {
            if (p.Section != previousSection)
            {
                previousKind = null;
                previousSection = p.Section;
            }

            var fromPassage = new List<MonitoringPublication>();
            var kindInPassage = false;
            foreach (var sentence in Sentences().Split(p.Text))
            {
                var kind = KindOf(sentence);
                // "In 2024 werden twee rapportages uitgebracht. Over het jaar 2023 en ...": the publication
                // named in an earlier sentence of the same section.
                // Only a sentence about reports counts: "uitgevoerd" or "verwacht" alone is about something else.
                var implicitKind = kind is null && previousKind is not null
                    && (TwoParts().IsMatch(sentence) || (Publish().IsMatch(sentence) && (kindInPassage || Reports().IsMatch(sentence))));
                kindInPassage |= kind is not null;
                if (kind is null && !implicitKind)
                {
                    continue;
                }

                kind ??= previousKind;
                if (kind is null)
                {
                    continue;
                }

                previousKind = kind;
                if (!implicitKind && !Publish().IsMatch(sentence) && Covers(sentence, kind.Value) is null)
                {
                    continue;
                }

                var status = p.Kind == PassageKind.Planned || Future().IsMatch(sentence) ? PublicationStatus.Planned : PublicationStatus.Published;
                var performerMatch = Performer().Match(sentence);
                var performer = performerMatch.Success ? performerMatch.Groups[1].Value : null;
                var parts = kind == MonitoringKind.GezamenlijkVeiligheidsbeeld ? PartSplit().Split(sentence) : [sentence];
                // "... over de 2e helft van 2019 en de 1e helft van 2020 zijn respectievelijk in mei en in oktober
                // gepubliceerd": the months belong to the parts in order.
                var respective = Respectively().Match(sentence);
                var respectiveMonths = respective.Success ? [respective.Groups[1].Value, respective.Groups[2].Value] : Array.Empty<string>();
                // "In april en in oktober verscheen weer een Gezamenlijk Veiligheidsbeeld": one edition per month.
                var monthList = parts.Length > 1 && parts.All(part => Covers(part, kind.Value) is null && When().Match(part).Groups["month"].Success);
                var edition = Edition().Match(sentence);
                for (var partIndex = 0; partIndex < parts.Length; partIndex++)
                {
                    var part = parts[partIndex];
                    var covers = Covers(part, kind.Value);
                    var when = ParenMonth().Match(part) is { Success: true } paren ? paren : When().Match(part);
                    if (covers is null && parts.Length > 1 && !monthList)
                    {
                        continue;
                    }

                    var month = when.Success ? TextTools.MonthNumber(when.Groups["month"].Value) : null;
                    var year = when.Success && when.Groups["year"].Success ? int.Parse(when.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : p.Year;
                    var whenText = when.Success ? LeadingWords().Replace(when.Groups["month"].Success && ParenMonth().IsMatch(part) ? when.Groups["month"].Value : when.Value.Trim(), "") : null;
                    var coveredIndex = parts.Take(partIndex).Count(x => Covers(x, kind.Value) is not null);
                    if (respectiveMonths.Length == 2 && covers is not null && coveredIndex < 2)
                    {
                        whenText = respectiveMonths[coveredIndex];
                        month = TextTools.MonthNumber(whenText);
                    }

                    if (edition.Success)
                    {
                        // "De eerste editie van 2018 geeft een jaaroverzicht van 2017."
                        year = int.Parse(edition.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                        whenText = edition.Value;
                    }

                    if (whenText is null && InYear().Match(sentence) is { Success: true } inYear)
                    {
                        // "In 2024 zal ook de tweejaarlijkse landelijke Veiligheidsmonitor uitgebracht worden."
                        whenText = inYear.Groups[1].Value;
                    }

                    if (edition.Success && year == report.PlanYear)
                    {
                        status = PublicationStatus.Planned;
                    }
                    var title = kind switch
                    {
                        MonitoringKind.GezamenlijkVeiligheidsbeeld => covers is null ? "Gezamenlijk Veiligheidsbeeld" : $"Gezamenlijk Veiligheidsbeeld {covers}",
                        MonitoringKind.Veiligheidsmonitor => covers is null ? "Veiligheidsmonitor" : $"Veiligheidsmonitor {covers}",
                        _ => covers is null ? "Mensenhandelmonitor" : $"Mensenhandelmonitor {covers}",
                    };
                    var id = $"{report.Id}:{p.Source.Line}:{kind.Value.ToString().ToLowerInvariant()}:{covers ?? month?.ToString("00", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}:{status.ToString().ToLowerInvariant()}";

                    fromPassage.Add(new MonitoringPublication(id, kind.Value, title, covers, year, month, whenText, status, performer, p.Source));
                }
            }

            // "twee rapportages ... uitgebracht" followed by the two reports by name: keep the named ones.
            result.AddRange(fromPassage.Where(m => m.Covers is not null || m.Month is not null
                || !fromPassage.Any(o => o.Kind == m.Kind && o.Covers is not null && o.Status == m.Status)));
        }

        return MergeDuplicates(result);
    }

    /// <summary>
    /// One report naming the same publication twice (kind, year and status equal; periods equal or one of them
    /// unstated) gives one entry: the one with most detail, completed with the other's period, when and performer.
    /// Entries without period and without when are dropped when a fuller entry of that kind and year exists.
    /// </summary>
    private static List<MonitoringPublication> MergeDuplicates(List<MonitoringPublication> items)
    {
        static int Detail(MonitoringPublication m) =>
            (m.Covers is null ? 0 : 4) + (m.When is null ? 0 : 2) + (m.Month is null ? 0 : 1) + (m.Performer is null ? 0 : 1);

        var result = new List<MonitoringPublication>();
        foreach (var m in items.OrderByDescending(Detail))
        {
            var same = result.FindIndex(r => r.Kind == m.Kind && r.Year == m.Year && r.Status == m.Status
                && (r.Covers == m.Covers || m.Covers is null) && (m.Month is null || r.Month is null || r.Month == m.Month)
                && (r.Covers is not null || m.Covers is null));
            if (same < 0)
            {
                result.Add(m);
                continue;
            }

            var r = result[same];
            result[same] = r with { When = r.When ?? m.When, Month = r.Month ?? m.Month, Performer = r.Performer ?? m.Performer };
        }

        // Back in text order; an id used twice (the same publication twice in one passage) is kept once.
        var ids = new HashSet<string>();
        return items.Select(i => result.FirstOrDefault(r => ReferenceEquals(r, i) || r.Id == i.Id && r.Source == i.Source))
            .OfType<MonitoringPublication>().Where(r => ids.Add(r.Id)).ToList();
    }

    private static MonitoringKind? KindOf(string s)
    {
        var l = s.ToLowerInvariant();
        if (l.Contains("monitor mensenhandel", StringComparison.Ordinal) || l.Contains("mensenhandelmonitor", StringComparison.Ordinal))
        {
            return MonitoringKind.Mensenhandelmonitor;
        }

        if (l.Contains("veiligheidsbeeld", StringComparison.Ordinal) || l.Contains("veiligheids beeld", StringComparison.Ordinal) || Gvb().IsMatch(s))
        {
            return MonitoringKind.GezamenlijkVeiligheidsbeeld;
        }

        return l.Contains("veiligheidsmonitor", StringComparison.Ordinal) ? MonitoringKind.Veiligheidsmonitor : null;
    }

    private static string? Covers(string part, MonitoringKind kind)
    {
        var half = Half().Match(part);
        if (half.Success)
        {
            var which = half.Groups["which"].Value.ToLowerInvariant() is "eerste" or "1e" ? "eerste" : "tweede";
            return $"{which} helft {half.Groups["year"].Value}";
        }

        var year = kind switch
        {
            MonitoringKind.Mensenhandelmonitor => MensenhandelYear().Match(part),
            MonitoringKind.Veiligheidsmonitor => MonitorYear().Match(part),
            _ => GvbYear().Match(part),
        };
        return year.Success ? year.Groups["year"].Value : null;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"^(?:in\s+)?(?:het\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWords();

    [GeneratedRegex(@"\b(?:rapportages?|rapporten|rapport|editie)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reports();

    [GeneratedRegex(@"respectievelijk in (\w+) en in (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Respectively();

    [GeneratedRegex(@"\((?<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ParenMonth();

    [GeneratedRegex(@"eerste editie van (?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Edition();

    [GeneratedRegex(@"\b[Ii]n (\d{4})\b")]
    private static partial Regex InYear();

    [GeneratedRegex(@"\bGVB\b")]
    private static partial Regex Gvb();

    [GeneratedRegex(@"\bover (het jaar|de eerste helft)", RegexOptions.IgnoreCase)]
    private static partial Regex TwoParts();

    [GeneratedRegex(@"uitgebracht|gepubliceerd|publice|publicatie|verscheen|verschijn|uitgevoerd|rapportage|editie|verwacht|meegedaan met de meting", RegexOptions.IgnoreCase)]
    private static partial Regex Publish();

    [GeneratedRegex(@"\b(zal|zullen|worden|wordt|verwacht)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Future();

    [GeneratedRegex(@"door (?:het )?(CBS|[A-Z]{2,})\b")]
    private static partial Regex Performer();

    [GeneratedRegex(@"\s+en\s+(?=(?:in|over)\s)|\s+en de\s+(?=1e|2e|eerste)")]
    private static partial Regex PartSplit();

    [GeneratedRegex(@"(?<which>eerste|1e|2e|tweede)\s+(?:helft|halfjaar)(?:\s+van)?\s+(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Half();

    [GeneratedRegex(@"(?:mensenhandel(?:monitor)?|monitor mensenhandel)\s+(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex MensenhandelYear();

    [GeneratedRegex(@"Veiligheidsmonitor\s+(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex MonitorYear();

    [GeneratedRegex(@"(?:GVB\)?|Veiligheidsbeeld(?: \(GVB\))?|over het jaar|jaaroverzicht van|GVB\)/ Landelijke Veiligheidsmonitor)\s+(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex GvbYear();

    [GeneratedRegex(@"\b(?:(?:in|het)\s+)?(?:(?<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s+(?<year>\d{4}))?|voorjaar|najaar|medio\s+(?<year>\d{4}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex When();
}
