using System.Globalization;
using System.Text.RegularExpressions;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>One mention of a knowledge meeting in one report, before mentions are merged into events.</summary>
internal sealed record EventMention(
    EventType Type,
    string Title,
    string? Topic,
    string? ThemeId,
    DateOnly? Date,
    int Year,
    int? Month,
    string? Time,
    string? Place,
    bool Held,
    SourceRef Source);

/// <summary>
/// Finds knowledge meetings in passages: agenda rows ("23 maart 2026 Leerhuis"), list items
/// ("Leerhuis Femicide (september)", "Voorjaarscarrousel (maart 2024) met als thema ..."), sentences naming a
/// meeting type and a date or month ("Op donderdagochtend 1 oktober 2026 vindt de VAR Najaarscarrousel
/// plaats"), items under a meeting heading ("* Maandag 3 april: polarisatie ..." under "Leerhuisbijeenkomsten"),
/// and the 2018 agenda column of the 2017 report ("ma 9 april 14.00 - 16.00 RVO + 16.00 – 18.00 Leerhuis, Dordrecht").
/// A mention in a Planned passage is planned; one in a Done passage was held.
/// </summary>
internal static partial class EventExtractor
{
    public static List<EventMention> FromPassages(IEnumerable<Passage> passages, Report report)
    {
        var result = new List<EventMention>();
        foreach (var p in passages)
        {
            var held = p.Kind != PassageKind.Planned;
            var defaultYear = p.Kind == PassageKind.Planned ? report.PlanYear : report.ReportYear;
            var agenda = AgendaRow().Match(p.Text);
            if (agenda.Success && TypeOf(agenda.Groups["title"].Value) is not null)
            {
                var title = agenda.Groups["title"].Value.Trim();
                var type = TypeOf(title) ?? TypeOf(p.Heading ?? "") ?? EventType.Bijeenkomst;
                var date = MakeDate(agenda.Groups["year"].Value, agenda.Groups["month"].Value, agenda.Groups["day"].Value);
                if (date is not null)
                {
                    result.Add(new EventMention(type, title, TopicOf(title), p.ThemeId, date, date.Value.Year, date.Value.Month, null, null,
                        held, p.Source));
                }

                continue;
            }

            foreach (var sentence in Sentences().Split(p.Text))
            {
                var mention = FromSentence(sentence, p, defaultYear, held);
                if (mention is not null)
                {
                    result.Add(mention);
                }
            }
        }

        return result;
    }

    private static EventMention? FromSentence(string sentence, Passage p, int defaultYear, bool held)
    {
        var types = TypeWord().Matches(sentence);
        EventType? type = null;
        string? typeWord = null;
        int typePos = -1;
        DateOnly? date = null;
        int? month = null;
        var year = defaultYear;
        int datePos;

        var full = FullDate().Match(sentence);
        var monthOnly = MonthOnly().Match(sentence);
        if (full.Success)
        {
            year = full.Groups["year"].Success ? int.Parse(full.Groups["year"].Value, CultureInfo.InvariantCulture) : defaultYear;
            date = MakeDate(year.ToString(CultureInfo.InvariantCulture), full.Groups["month"].Value, full.Groups["day"].Value);
            month = date?.Month;
            datePos = full.Index;
        }
        else if (monthOnly.Success)
        {
            month = TextTools.MonthNumber(monthOnly.Groups["month"].Value);
            if (monthOnly.Groups["year"].Success)
            {
                year = int.Parse(monthOnly.Groups["year"].Value, CultureInfo.InvariantCulture);
            }

            datePos = monthOnly.Index;
        }
        else
        {
            return null;
        }

        if (month is null || year < 2000)
        {
            return null;
        }

        if (types.Count > 0)
        {
            // One date and several meeting words: the last one is the meeting meant
            // ("als voorproefje op de conferentie ... een webinar"); several dates: the nearest.
            var dates = FullDate().Matches(sentence).Count + MonthOnly().Matches(sentence).Count;
            var chosen = dates > 1 ? types.OrderBy(t => Math.Abs(t.Index - datePos)).First() : types[^1];
            typeWord = chosen.Value;
            typePos = chosen.Index;
            type = TypeOf(chosen.Value);
        }
        else if (p.Heading is not null && TypeOf(p.Heading) is { } headingType && p.Text.Length < 250)
        {
            type = headingType;
            typeWord = p.Heading;
        }

        if (type is null || typeWord is null)
        {
            return null;
        }

        var (title, topic) = TitleAndTopic(sentence, p, typeWord, typePos);
        var place = PlaceOf(sentence);
        return new EventMention(type.Value, title, topic, p.ThemeId, date, year, month, null, place, held, p.Source);
    }

    private static (string Title, string? Topic) TitleAndTopic(string sentence, Passage p, string typeWord, int typePos)
    {
        var quoted = Quoted().Match(sentence);
        string? topic = quoted.Success ? quoted.Groups[1].Value.Trim() : null;
        var theme = ThemeSuffix().Match(sentence);
        if (theme.Success)
        {
            topic = theme.Groups[1].Value.Trim().Trim('\'', '"').TrimEnd('.');
        }

        // A list item that starts with the meeting: "Leerhuis Criminele Uitbuiting (april)".
        if (typePos == 0 && p.Text.Length < 160)
        {
            var head = sentence.Split('(')[0].Trim();
            head = head.Replace("'", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal).TrimEnd('.', ' ');
            if (head.Length > typeWord.Length && head.Length < 80)
            {
                topic ??= head[typeWord.Length..].Trim();
                return (quoted.Success ? Capitalise(typeWord) : head, topic.Length == 0 ? null : topic);
            }
        }

        // "* Maandag 3 april: polarisatie in de samenleving" under a meeting heading.
        var colon = sentence.IndexOf(':', StringComparison.Ordinal);
        if (topic is null && typePos < 0 && colon > 0 && colon < 40)
        {
            topic = sentence[(colon + 1)..].Trim().TrimEnd('.');
        }

        return (Capitalise(TypeTitle(typeWord)), string.IsNullOrWhiteSpace(topic) ? null : topic);
    }

    /// <summary>The 2018 agenda column of the 2017 OCR text, interleaved with the begroting table.</summary>
    public static List<EventMention> FromAgendaColumn(ReportContext report)
    {
        var result = new List<EventMention>();
        var lines = report.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var m = ColumnRow().Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }

            var month = TextTools.MonthNumber(m.Groups["month"].Value);
            if (month is null)
            {
                continue;
            }

            var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            var date = new DateOnly(report.PlanYear, month.Value, day);
            var rest = m.Groups["rest"].Value;
            var time = $"{m.Groups["from"].Value}-{m.Groups["to"].Value}";
            EventType? type = TypeOf(rest);
            var leerhuis = LeerhuisAfterRvo().Match(rest);
            if (leerhuis.Success)
            {
                time = $"{leerhuis.Groups["from"].Value}-{leerhuis.Groups["to"].Value}";
            }

            if (type is null)
            {
                // The meeting type is the agenda heading on one of the lines above ("VAR Workshopcarrousels").
                for (var j = i; j >= Math.Max(0, i - 2) && type is null; j--)
                {
                    type = TypeOf(lines[j].Replace(m.Value, "", StringComparison.Ordinal));
                }
            }

            if (type is null)
            {
                report.Warn("event-type", $"Bijeenkomst op {day} {TextTools.Months[month.Value - 1]} {report.PlanYear} zonder herkenbaar type.", i + 1);
                continue;
            }

            var place = rest.Contains(',', StringComparison.Ordinal) ? rest[(rest.LastIndexOf(',') + 1)..].Trim() : null;
            result.Add(new EventMention(type.Value, TypeTitle(type.Value.ToString()), null, null, date, date.Year, date.Month, time,
                string.IsNullOrEmpty(place) ? null : place, false, report.Source(i + 1)));
        }

        return result;
    }

    internal static EventType? TypeOf(string text)
    {
        var m = TypeWord().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var w = m.Value.ToLowerInvariant();
        return w switch
        {
            _ when w.Contains("leerhuis", StringComparison.Ordinal) => EventType.Leerhuis,
            _ when w.Contains("carrous", StringComparison.Ordinal) || w.Contains("carous", StringComparison.Ordinal) => EventType.Carrousel,
            _ when w.Contains("conferentie", StringComparison.Ordinal) => EventType.Conferentie,
            _ when w.Contains("netwerkbijeenkomst", StringComparison.Ordinal) => EventType.Netwerkbijeenkomst,
            _ when w.Contains("webinar", StringComparison.Ordinal) => EventType.Webinar,
            _ when w.Contains("symposium", StringComparison.Ordinal) => EventType.Symposium,
            _ when w.Contains("summerschool", StringComparison.Ordinal) => EventType.Summerschool,
            _ when w.Contains("congres", StringComparison.Ordinal) => EventType.Congres,
            _ when w.Contains("training", StringComparison.Ordinal) => EventType.Training,
            _ => null,
        };
    }

    private static string TypeTitle(string word)
    {
        var w = word.Trim();
        if (w.StartsWith("VAR-", StringComparison.OrdinalIgnoreCase))
        {
            w = w[4..];
        }

        return w.ToLowerInvariant() switch
        {
            "leerhuisbijeenkomst" or "leerhuisbijeenkomsten" or "leerhuizen" => "Leerhuis",
            var s when s.EndsWith("carroussel", StringComparison.Ordinal) => w[..^"carroussel".Length] + "carrousel",
            _ => w,
        };
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string? TopicOf(string agendaTitle)
    {
        var m = TypeWord().Match(agendaTitle);
        if (!m.Success || m.Index != 0)
        {
            return null;
        }

        var rest = agendaTitle[m.Length..].Trim();
        return rest.Length == 0 ? null : rest;
    }

    private static string? PlaceOf(string sentence)
    {
        var m = Place().Match(sentence);
        return m.Success && TextTools.MonthNumber(m.Groups[1].Value) is null ? m.Groups[1].Value : null;
    }

    private static DateOnly? MakeDate(string year, string month, string day)
    {
        var mo = TextTools.MonthNumber(month);
        if (mo is null || !int.TryParse(year, CultureInfo.InvariantCulture, out var y) || !int.TryParse(day, CultureInfo.InvariantCulture, out var d))
        {
            return null;
        }

        return d >= 1 && d <= DateTime.DaysInMonth(y, mo.Value) ? new DateOnly(y, mo.Value, d) : null;
    }

    [GeneratedRegex(@"^-?\s*(?<day>\d{1,2})\s+(?<month>" + TextTools.MonthPattern + @")\s+(?<year>\d{4})\s+(?<title>\D.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AgendaRow();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z*•-])")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"(?<!\w)(?:VAR-)?(?:\w*leerhuis\w*|leerhuizen|\w*carrou?ss?el\w*|\w*conferentie\w*|netwerkbijeenkomst(?:en)?|webinars?|symposium|summerschool|\w*congres\w*|\w*training(?:en)?)", RegexOptions.IgnoreCase)]
    private static partial Regex TypeWord();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\s+(?<month>" + TextTools.MonthPattern + @")\b\.?(?:\s+(?<year>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?:(?:\(|\b(?:in|van|maanden)\s+)(?<month>" + TextTools.MonthPattern + @")\b\.?(?:[\s/]+(?<year>\d{4}))?|^(?<month>" + TextTools.MonthPattern + @")\s+(?<year>\d{4}))", RegexOptions.IgnoreCase)]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"['‘""“]([^'’""”]{3,80})['’""”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"met als thema\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ThemeSuffix();

    [GeneratedRegex(@"\b(?:in|te)\s+(?:voetbaltempel\s+)?((?:[Dd]e\s+)?[A-Z][a-zA-Z-]+)")]
    private static partial Regex Place();

    [GeneratedRegex(@"\b(?:ma|di|wo|do|vr)\s+(?<day>\d{1,2})\s+(?<month>" + TextTools.MonthPattern + @")\s+(?<from>\d{2}[.:]\d{2})\s*[-–—]\s*(?<to>\d{2}[.:]\d{2})(?<rest>.*)$")]
    private static partial Regex ColumnRow();

    [GeneratedRegex(@"\+\s*(?<from>\d{2}[.:]\d{2})\s*[-–—]\s*(?<to>\d{2}[.:]\d{2})\s*Leerhuis")]
    private static partial Regex LeerhuisAfterRvo();
}
