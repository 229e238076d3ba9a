using System.Globalization;
using System.Text.RegularExpressions;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>One mention of a knowledge meeting in one report, before mentions are merged into events.</summary>
/// <param name="Month">Null for a mention that gives only the year ("Eén van de Leerhuizen in 2018 ...").</param>
/// <param name="Cancelled">The text says the meeting was cancelled ("werd geannuleerd").</param>
/// <param name="Ordinal">Position within the year's meetings of this type ("Het eerste Leerhuis van 2026"), -1 for "laatste".</param>
/// <param name="Name">A proper name given right after the meeting word ("het Leerhuis 'Achter gesloten deuren'").</param>
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
    SourceRef Source,
    bool Cancelled = false,
    int? Ordinal = null,
    string? Name = null,
    bool WeakTopic = false);

/// <summary>
/// Finds knowledge meetings in passages: agenda rows ("23 maart 2026 Leerhuis"), list items
/// ("Leerhuis Femicide (september)", "Voorjaarscarrousel (maart 2024) met als thema ..."), sentences naming a
/// meeting type and a date or month ("Op donderdagochtend 1 oktober 2026 vindt de VAR Najaarscarrousel
/// plaats"), items under a meeting heading ("* Maandag 3 april: polarisatie ..." under "Leerhuisbijeenkomsten"),
/// and the 2018 agenda column of the 2017 report ("ma 9 april 14.00 - 16.00 RVO + 16.00 – 18.00 Leerhuis, Dordrecht").
/// A mention in a Planned passage is planned; one in a Done passage, or dated before the report year, was held.
/// Further rules:
/// <list type="bullet">
/// <item>A sentence naming several meetings and several months is split into clauses, each meeting with its own month
/// ("Tijdens het leerhuis in april, het mensenhandelcongres in oktober en ...").</item>
/// <item>A generic "bijeenkomst" with a month is a <see cref="EventType.Bijeenkomst"/>, unless the previous sentence
/// names a meeting type: then it refers to that meeting ("In het Leerhuis 'Personen met verward gedrag' ... Deze
/// bijeenkomst in september ...").</item>
/// <item>A meeting named with a stated topic but no month ("Eén van de Leerhuizen in 2018 zal in het teken staan van
/// mensenhandel", "Het eerste Leerhuis van 2026 staat in het teken van ...") is a year-only mention; the merger
/// attaches it to the matching event or keeps it as an event without month. Without a topic it is dropped.</item>
/// <item>Topics come from quotes, "met als thema", "Thema ... is", "in het teken (staan) van", "over ...", the words
/// between the meeting word and its date, or a capitalised name after the meeting word.</item>
/// </list>
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

            var sentences = Sentences().Split(p.Text);
            var fromPassage = new List<EventMention>();
            for (var i = 0; i < sentences.Length; i++)
            {
                var previous = i > 0 ? sentences[i - 1] : null;
                fromPassage.AddRange(FromSentence(sentences[i], previous, p, report, defaultYear, held));
            }

            // A short passage about one meeting may state its theme in a sentence of its own ("Het thema is: ...").
            if (fromPassage.Count == 1 && fromPassage[0].Topic is null && p.Text.Length < 300
                && PassageTheme().Match(p.Text) is { Success: true } theme)
            {
                fromPassage[0] = fromPassage[0] with { Topic = CleanTopic(theme.Groups[1].Success ? theme.Groups[1].Value : theme.Groups[2].Value) };
            }

            result.AddRange(fromPassage);
        }

        return result;
    }

    private static IEnumerable<EventMention> FromSentence(string sentence, string? previous, Passage p, Report report, int defaultYear, bool held)
    {
        var types = TypeWord().Matches(sentence);
        var dates = FullDate().Matches(sentence).Count + MonthOnly().Matches(sentence).Count;
        if (types.Count > 1 && dates > 1)
        {
            // "Tijdens het leerhuis in april, het mensenhandelcongres in oktober en de VAR Summerschool ..."
            var clauses = Clauses().Split(sentence).Where(c => TypeWord().IsMatch(c) && (FullDate().IsMatch(c) || MonthOnly().IsMatch(c))).ToList();
            if (clauses.Count > 1)
            {
                foreach (var clause in clauses)
                {
                    if (FromClause(clause, null, p, report, defaultYear, held) is { } m)
                    {
                        yield return m;
                    }
                }

                yield break;
            }
        }

        if (FromClause(sentence, previous, p, report, defaultYear, held) is { } mention)
        {
            yield return mention;
        }
    }

    private static EventMention? FromClause(string sentence, string? previous, Passage p, Report report, int defaultYear, bool held)
    {
        var types = TypeWord().Matches(sentence);
        EventType? type = null;
        string? typeWord = null;
        var typePos = -1;
        DateOnly? date = null;
        int? month = null;
        var year = defaultYear;
        var datePos = -1;
        var dateEnd = -1;
        string? inherited = null;

        var full = FullDate().Match(sentence);
        var monthOnly = MonthOnly().Match(sentence);
        if (full.Success)
        {
            year = full.Groups["year"].Success ? int.Parse(full.Groups["year"].Value, CultureInfo.InvariantCulture) : defaultYear;
            date = MakeDate(year.ToString(CultureInfo.InvariantCulture), full.Groups["month"].Value, full.Groups["day"].Value);
            month = date?.Month;
            datePos = full.Index;
            dateEnd = full.Index + full.Length;
            if (month is null)
            {
                return null;
            }
        }
        else if (monthOnly.Success)
        {
            month = TextTools.MonthNumber(monthOnly.Groups["month"].Value);
            if (monthOnly.Groups["year"].Success)
            {
                year = int.Parse(monthOnly.Groups["year"].Value, CultureInfo.InvariantCulture);
            }

            datePos = monthOnly.Index;
            dateEnd = monthOnly.Index + monthOnly.Length;
            if (month is null)
            {
                return null;
            }
        }
        else if (types.Count == 0)
        {
            return null;
        }
        else if (YearIn(sentence, report) is { } stated)
        {
            year = stated;
        }

        if (year < 2000)
        {
            return null;
        }

        if (types.Count > 0)
        {
            // One date and several meeting words: the last one is the meeting meant
            // ("als voorproefje op de conferentie ... een webinar"); several dates: the nearest.
            var dateCount = FullDate().Matches(sentence).Count + MonthOnly().Matches(sentence).Count;
            var chosen = dateCount > 1 && datePos >= 0 ? types.OrderBy(t => Math.Abs(t.Index - datePos)).First() : types[^1];
            typeWord = chosen.Value;
            typePos = chosen.Index;
            type = TypeOf(chosen.Value);
        }
        else if (month is not null && GenericMeeting().Match(sentence) is { Success: true } generic)
        {
            // "Deze bijeenkomst in september ..." after a sentence about a Leerhuis refers to that Leerhuis.
            if (previous is not null && TypeWord().Match(previous) is { Success: true } prevType && TypeOf(prevType.Value) is { } prevKind)
            {
                type = prevKind;
                typeWord = prevType.Value;
                inherited = previous;
            }
            else
            {
                type = EventType.Bijeenkomst;
                typeWord = generic.Value;
                typePos = generic.Index;
            }
        }
        else if (month is not null && p.Heading is not null && TypeOf(p.Heading) is { } headingType && p.Text.Length < 250)
        {
            type = headingType;
            typeWord = p.Heading;
        }
        else if (month is not null && NetworkMet().IsMatch(sentence))
        {
            // "In september kwam het netwerk opnieuw bijeen."
            type = EventType.Netwerkbijeenkomst;
            typeWord = "Netwerkbijeenkomst";
        }

        if (type is null || typeWord is null)
        {
            return null;
        }

        string title;
        string? topic;
        string? name;
        if (inherited is not null)
        {
            var prevMatch = TypeWord().Match(inherited);
            (title, topic, name) = TitleAndTopic(inherited, p, prevMatch.Value, prevMatch.Index, -1, -1);
        }
        else
        {
            (title, topic, name) = TitleAndTopic(sentence, p, typeWord, typePos, datePos, dateEnd);
        }

        if (topic is not null && YearWord().Match(topic) is { Success: true } y && y.Length == topic.Length)
        {
            topic = null;
        }

        if (month is null && (topic is null || !YearOnlyTypes.Contains(type.Value) || IsGenericPlural(sentence, typePos, typeWord)))
        {
            // Without a month a mention must name a meeting with a topic; "webinars over trends" in general, a
            // training on offer or a meeting without topic says nothing a question could use.
            return null;
        }

        var weak = topic?.StartsWith(WeakMarker, StringComparison.Ordinal) == true;
        if (weak)
        {
            topic = topic![WeakMarker.Length..];
        }

        var place = PlaceOf(sentence);
        var pastYear = year < p.Year && p.Kind == PassageKind.Planned;
        return new EventMention(type.Value, title, topic, p.ThemeId, date, year, month, TimeOf(sentence), place, held || pastYear, p.Source,
            Cancelled().IsMatch(sentence), OrdinalOf(sentence, typePos), name, weak);
    }

    private static (string Title, string? Topic, string? Name) TitleAndTopic(string sentence, Passage p, string typeWord, int typePos, int datePos, int dateEnd)
    {
        var quoted = Quoted().Match(sentence);
        var topic = quoted.Success ? quoted.Groups[1].Value.Trim() : null;
        string? name = null;
        if (quoted.Success && typePos >= 0 && quoted.Index >= typePos + typeWord.Length
            && sentence[(typePos + typeWord.Length)..quoted.Index].Trim().TrimEnd(':').Length == 0)
        {
            name = topic;
        }

        var theme = ThemeSuffix().Match(sentence);
        if (theme.Success)
        {
            topic = CleanTopic(theme.Groups[1].Value);
        }
        else if (topic is null && ThemeIs().Match(sentence) is { Success: true } themeIs)
        {
            topic = CleanTopic(themeIs.Groups[1].Value);
        }
        else if (topic is null && InTheSignOf().Match(sentence) is { Success: true } sign)
        {
            topic = CleanTopic(sign.Groups[1].Value);
        }

        var bare = Capitalise(TypeTitle(typeWord));
        if (typePos < 0 && typeWord.Length > 0 && TypeWord().Match(sentence) is { Success: false })
        {
            // The type came from the heading above ("* Maandag 3 april: polarisatie in de samenleving").
            var colon = sentence.IndexOf(':', StringComparison.Ordinal);
            if (topic is null && colon > 0 && colon < 40)
            {
                topic = sentence[(colon + 1)..].Trim().TrimEnd('.');
            }

            return (bare, string.IsNullOrWhiteSpace(topic) ? null : topic, name);
        }

        // A list item that starts with the meeting: "Leerhuis Criminele Uitbuiting (april)".
        if (typePos == 0 && p.Text.Length < 160)
        {
            var head = sentence.Split('(')[0].Trim();
            head = head.Replace("'", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal).TrimEnd('.', ' ', ':');
            if (head.Length > typeWord.Length && head.Length < 80 && !head.Contains(':', StringComparison.Ordinal))
            {
                topic ??= head[typeWord.Length..].Trim();
                return (quoted.Success ? bare : head, topic.Length == 0 ? null : topic, name);
            }
        }

        if (typePos >= 0)
        {
            var after = sentence[(typePos + typeWord.Length)..];
            if (datePos > typePos + typeWord.Length)
            {
                // "Videoregistratie Leerhuisbijeenkomst Personen met verward gedrag 3 september 2020."
                var between = sentence[(typePos + typeWord.Length)..datePos].Trim();
                if (between.Length is >= 3 and < 80 && char.IsUpper(between[0]) && !between.Contains('(', StringComparison.Ordinal)
                    && !between.Contains(',', StringComparison.Ordinal))
                {
                    return ($"{bare} {between}", topic ?? between, name);
                }
            }

            if (CapitalisedName().Match(after) is { Success: true } capName && !IsMonthOrDay(capName.Groups[1].Value))
            {
                // "een meerdaagse basistraining Radicalisering en Multi Cultureel Vakmanschap", "het Congres Mensenhandel: ..."
                var n = capName.Groups[1].Value.Trim();
                topic ??= n;
                return ($"{bare} {n}", topic, name);
            }

            if (topic is null && About().Match(after) is { Success: true } about)
            {
                topic = WeakMarker + CleanTopic(about.Groups[1].Value);
            }

            if (IsBareGeneric(typeWord) && Adjective().Match(sentence[..typePos]) is { Success: true } adj
                && !NotAdjectives.Contains(adj.Groups[1].Value.ToLowerInvariant()))
            {
                // "een bestuurlijke conferentie", "een ambtelijke bijeenkomst"
                return (Capitalise(adj.Groups[1].Value.ToLowerInvariant()) + " " + TypeTitle(typeWord).ToLowerInvariant(), topic, name);
            }
        }

        return (bare, string.IsNullOrWhiteSpace(topic) ? null : topic, name);
    }

    /// <summary>Prefixes a topic read from "over ...": good enough for a meeting of its own, not to name another one.</summary>
    private const string WeakMarker = "\u0001";

    private static readonly HashSet<EventType> YearOnlyTypes =
        [EventType.Leerhuis, EventType.Carrousel, EventType.Conferentie, EventType.Congres, EventType.Symposium, EventType.Webinar,
         EventType.Netwerkbijeenkomst, EventType.Bijeenkomst];

    /// <summary>"webinars over ..." without a count ("drie webinars") or "één van de" speaks of meetings in general.</summary>
    private static bool IsGenericPlural(string sentence, int typePos, string typeWord)
    {
        var w = typeWord.ToLowerInvariant();
        var plural = w.EndsWith("en", StringComparison.Ordinal) || w.EndsWith("webinars", StringComparison.Ordinal) || w == "leerhuizen";
        return plural && typePos >= 0 && !CountBefore().IsMatch(sentence[..typePos]);
    }

    private static readonly HashSet<string> NotAdjectives = ["de", "deze", "die", "ene", "elke", "welke", "eerste", "tweede", "derde", "laatste", "volgende", "andere", "gecombineerde"];

    private static bool IsBareGeneric(string typeWord) =>
        typeWord.ToLowerInvariant() is "bijeenkomst" or "conferentie" or "training" or "congres";

    private static bool IsMonthOrDay(string word) =>
        TextTools.MonthNumber(word.Split(' ')[0]) is not null || word.StartsWith("VAR", StringComparison.Ordinal);

    private static string CleanTopic(string text)
    {
        var t = text.Trim().Trim('\'', '"').TrimEnd('.', ' ').Trim('\'', '"');
        foreach (var article in (string[])["het ", "de ", "een "])
        {
            if (t.StartsWith(article, StringComparison.Ordinal))
            {
                t = t[article.Length..];
                break;
            }
        }

        return t;
    }

    private static int? YearIn(string sentence, Report report)
    {
        foreach (Match m in YearWord().Matches(sentence))
        {
            var y = int.Parse(m.Value, CultureInfo.InvariantCulture);
            if (y == report.ReportYear || y == report.PlanYear)
            {
                return y;
            }
        }

        return null;
    }

    private static int? OrdinalOf(string sentence, int typePos)
    {
        if (typePos <= 0)
        {
            return null;
        }

        var m = OrdinalWord().Match(sentence[..typePos]);
        return !m.Success ? null : m.Groups[1].Value.ToLowerInvariant() switch
        {
            "eerste" or "1e" => 1,
            "tweede" or "2e" => 2,
            "derde" or "3e" => 3,
            "vierde" or "4e" => 4,
            _ => -1,
        };
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
            var type = TypeOf(rest);
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
                report.Warn("event-type", $"Bijeenkomst op {day} {DutchFormat.MonthName(month.Value)} {report.PlanYear} zonder herkenbaar type.", i + 1);
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
            _ when w.Contains("leerhui", StringComparison.Ordinal) => EventType.Leerhuis,
            _ when w.Contains("carrous", StringComparison.Ordinal) || w.Contains("carous", StringComparison.Ordinal) => EventType.Carrousel,
            _ when w.Contains("conferentie", StringComparison.Ordinal) => EventType.Conferentie,
            _ when w.Contains("netwerkbijeenkomst", StringComparison.Ordinal) => EventType.Netwerkbijeenkomst,
            _ when w.Contains("webinar", StringComparison.Ordinal) => EventType.Webinar,
            _ when w.Contains("symposium", StringComparison.Ordinal) => EventType.Symposium,
            _ when w.Contains("summerschool", StringComparison.Ordinal) => EventType.Summerschool,
            _ when w.Contains("congres", StringComparison.Ordinal) => EventType.Congres,
            _ when w.Contains("training", StringComparison.Ordinal) => EventType.Training,
            _ when w.EndsWith("bijeenkomst", StringComparison.Ordinal) => EventType.Bijeenkomst,
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
            "webinars" => "Webinar",
            "netwerkbijeenkomsten" => "Netwerkbijeenkomst",
            var s when s.EndsWith("trainingen", StringComparison.Ordinal) => w[..^2],
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

    /// <summary>"Op donderdagochtend 1 oktober", "van 16.00 tot 18.00 uur": the part of the day or the hours, as written.</summary>
    private static string? TimeOf(string sentence)
    {
        if (Hours().Match(sentence) is { Success: true } hours)
        {
            return $"{hours.Groups["from"].Value}-{hours.Groups["to"].Value}";
        }

        return DayPart().Match(sentence) is { Success: true } part ? "'s " + part.Groups["part"].Value.ToLowerInvariant() + "s" : null;
    }

    private static string? PlaceOf(string sentence)
    {
        var m = Place().Match(sentence);
        return m.Success && TextTools.MonthNumber(m.Groups[1].Value) is null ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\b(?:maan|dins|woens|donder|vrij|zater|zon)dag(?<part>ochtend|middag|avond)\b|(?<!\w)'s\s+(?<part>ochtend|middag|avond)s\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayPart();

    [GeneratedRegex(@"\b(?<from>\d{1,2}[.:]\d{2})\s*(?:-|–|tot)\s*(?<to>\d{1,2}[.:]\d{2})\s*uur\b")]
    private static partial Regex Hours();

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

    [GeneratedRegex(@",\s+|\s+en\s+")]
    private static partial Regex Clauses();

    [GeneratedRegex(@"(?<!\w)(?:VAR-)?(?:\w*leerhuis\w*|leerhuizen|\w*carrou?ss?el\w*|\w*conferentie\w*|netwerkbijeenkomst(?:en)?|kennisbijeenkomst(?:en)?|(?-i:[A-Z]{2,})-bijeenkomst|webinars?|symposium|summerschool|\w*congres\w*|\w*training(?:en)?)", RegexOptions.IgnoreCase)]
    private static partial Regex TypeWord();

    [GeneratedRegex(@"(?<!\w)bijeenkomst(?!\w)", RegexOptions.IgnoreCase)]
    private static partial Regex GenericMeeting();

    [GeneratedRegex(@"\bnetwerk\b.*\bbijeen\b", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkMet();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\s+(?<month>" + TextTools.MonthPattern + @")\b\.?(?:\s+(?<year>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?:(?:\(|\b(?:in|van|maanden)\s+)(?<month>" + TextTools.MonthPattern + @")\b\.?(?:[\s/]+(?<year>\d{4}))?|^(?<month>" + TextTools.MonthPattern + @")\s+(?<year>\d{4}))", RegexOptions.IgnoreCase)]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"\b(?:twee|drie|vier|vijf|zes|\d+)\s+(?:\w+\s+)?$|\bvan de\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex CountBefore();

    [GeneratedRegex(@"\b(20\d\d)\b")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"['‘""“]([^'’""”]{3,80})['’""”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"met als thema\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ThemeSuffix();

    [GeneratedRegex(@"\b[Tt]hema\b[^.:]{0,40}?\bis:?\s+(.{3,100})$")]
    private static partial Regex ThemeIs();

    [GeneratedRegex(@"\b[Hh]et thema is:?\s+(['""“][^'""”]{3,80}['""”]|[^.]{3,100})|\b[Tt]hema:\s+(['""][^'""]{3,80}['""])")]
    private static partial Regex PassageTheme();

    [GeneratedRegex(@"in het teken (?:staan |staat |stond )?van\s+(.{3,120}?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex InTheSignOf();

    [GeneratedRegex(@"^[^.]{0,60}?\s+over\s+(.{3,100}?)(?:,|\s+en door\s|\s+die\s|\s+waar|\s+dat\s|\s+om\s|\.?$)")]
    private static partial Regex About();

    [GeneratedRegex(@"^:?\s+((?:[A-Z][\w-]*)(?:\s+(?:en|van|de)\s+[A-Z][\w-]*|\s+[A-Z][\w-]*)*)(?=[\s:.,;]|$)")]
    private static partial Regex CapitalisedName();

    [GeneratedRegex(@"\b(\w+e)\s+$")]
    private static partial Regex Adjective();

    [GeneratedRegex(@"\b(eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalWord();

    [GeneratedRegex(@"\b(?:geannuleerd|afgelast|gaat niet door|ging niet door)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cancelled();

    [GeneratedRegex(@"\b(?:in|te)\s+(?:voetbaltempel\s+)?((?:[Dd]e\s+)?\p{Lu}[\p{L}-]+)")]
    private static partial Regex Place();

    [GeneratedRegex(@"\b(?:ma|di|wo|do|vr)\s+(?<day>\d{1,2})\s+(?<month>" + TextTools.MonthPattern + @")\s+(?<from>\d{2}[.:]\d{2})\s*[-–—]\s*(?<to>\d{2}[.:]\d{2})(?<rest>.*)$")]
    private static partial Regex ColumnRow();

    [GeneratedRegex(@"\+\s*(?<from>\d{2}[.:]\d{2})\s*[-–—]\s*(?<to>\d{2}[.:]\d{2})\s*Leerhuis")]
    private static partial Regex LeerhuisAfterRvo();
}
