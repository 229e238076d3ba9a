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
            foreach (var sentence in Sentences().Split(p.Text))
            {
                var kind = KindOf(sentence);
                // "In 2024 werden twee rapportages uitgebracht. Over het jaar 2023 en ...": the publication
                // named in an earlier sentence of the same section.
                var implicitKind = kind is null && previousKind is not null && (TwoParts().IsMatch(sentence) || Publish().IsMatch(sentence));
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
                foreach (var part in parts)
                {
                    var covers = Covers(part, kind.Value);
                    var when = When().Match(part);
                    if (covers is null && parts.Length > 1)
                    {
                        continue;
                    }

                    var month = when.Success ? TextTools.MonthNumber(when.Groups["month"].Value) : null;
                    var year = when.Success && when.Groups["year"].Success ? int.Parse(when.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : p.Year;
                    var whenText = when.Success ? LeadingWords().Replace(when.Value.Trim(), "") : null;
                    var title = kind switch
                    {
                        MonitoringKind.GezamenlijkVeiligheidsbeeld => covers is null ? "Gezamenlijk Veiligheidsbeeld" : $"Gezamenlijk Veiligheidsbeeld {covers}",
                        MonitoringKind.Veiligheidsmonitor => covers is null ? "Veiligheidsmonitor" : $"Veiligheidsmonitor {covers}",
                        _ => covers is null ? "Mensenhandelmonitor" : $"Mensenhandelmonitor {covers}",
                    };
                    var id = $"{report.Id}:{p.Source.Line}:{kind.Value.ToString().ToLowerInvariant()}:{covers ?? "-"}:{status.ToString().ToLowerInvariant()}";
                    if (result.Any(r => r.Id == id) || fromPassage.Any(r => r.Id == id))
                    {
                        continue;
                    }

                    fromPassage.Add(new MonitoringPublication(id, kind.Value, title, covers, year, month, whenText, status, performer, p.Source));
                }
            }

            // "twee rapportages ... uitgebracht" followed by the two reports by name: keep the named ones.
            result.AddRange(fromPassage.Where(m => m.Covers is not null || !fromPassage.Any(o => o.Kind == m.Kind && o.Covers is not null && o.Status == m.Status)));
        }

        return result;
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

    [GeneratedRegex(@"\bGVB\b")]
    private static partial Regex Gvb();

    [GeneratedRegex(@"\bover (het jaar|de eerste helft)", RegexOptions.IgnoreCase)]
    private static partial Regex TwoParts();

    [GeneratedRegex(@"uitgebracht|gepubliceerd|publice|publicatie|verscheen|verschijn|uitgevoerd|rapportage|editie|verwacht", RegexOptions.IgnoreCase)]
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

    [GeneratedRegex(@"(?:GVB\)?|Veiligheidsbeeld(?: \(GVB\))?|over het jaar|jaaroverzicht van)\s+(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex GvbYear();

    [GeneratedRegex(@"\b(?:(?:in|het)\s+)?(?:(?<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s+(?<year>\d{4}))?|voorjaar|najaar|medio\s+(?<year>\d{4}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex When();
}
