using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Calendar;

/// <summary>
/// Writes knowledge-model events as an RFC 5545 iCalendar object ("Zet in mijn agenda").
/// Only events with an exact <see cref="Event.Date"/> get a VEVENT: an event known only by year and month
/// ("oktober 2026") cannot go in a calendar without inventing a day, so <see cref="CanWrite"/> is false for it.
/// </summary>
/// <remarks>
/// One VEVENT per event: UID <c>{event id}@{uidDomain}</c> (stable across writes), DTSTAMP from the
/// <see cref="TimeProvider"/>, all-day <c>DTSTART;VALUE=DATE</c> (with the next day as DTEND) unless the
/// event's time reads as a clock time, which is then converted from Europe/Amsterdam to UTC (no VTIMEZONE needed).
/// Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence (RFC 5545 3.1);
/// TEXT values escape backslash, semicolon, comma and newlines (3.3.11).
/// </remarks>
public sealed partial class IcsWriter(TimeProvider timeProvider, string uidDomain = IcsWriter.DefaultUidDomain)
{
    public const string DefaultUidDomain = "varbot.veiligheidsalliantie-rotterdam.nl";

    public const string ContentType = "text/calendar; charset=utf-8";

    public const string ProductId = "-//VeiligheidsAlliantie regio Rotterdam//VarBot//NL";

    private const int MaxLineOctets = 75;

    private static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2);

    private static readonly Lazy<TimeZoneInfo> Amsterdam = new(() => TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

    /// <summary>True when the event has an exact date, and so can be put in a calendar.</summary>
    public static bool CanWrite(Event e) => e.Date is not null;

    /// <summary>The file name to offer for an event's .ics download.</summary>
    public static string FileName(Event e) => SafeFileName().Replace(e.Id, "-") + ".ics";

    /// <summary>A VCALENDAR with a single VEVENT.</summary>
    /// <exception cref="ArgumentException">The event has no exact date.</exception>
    public string Write(Event e)
    {
        if (!CanWrite(e))
        {
            throw new ArgumentException($"Event '{e.Id}' has no exact date; it cannot be written as iCalendar.", nameof(e));
        }

        return Write([e]);
    }

    /// <summary>A VCALENDAR with one VEVENT per event that has an exact date (others are skipped).</summary>
    public string Write(IEnumerable<Event> events)
    {
        var stamp = FormatUtc(timeProvider.GetUtcNow());
        var output = new StringBuilder();
        AppendLine(output, "BEGIN:VCALENDAR");
        AppendLine(output, "VERSION:2.0");
        AppendLine(output, "PRODID:" + ProductId);
        AppendLine(output, "CALSCALE:GREGORIAN");
        AppendLine(output, "METHOD:PUBLISH");
        foreach (var e in events.Where(CanWrite))
        {
            AppendEvent(output, e, stamp);
        }

        AppendLine(output, "END:VCALENDAR");
        return output.ToString();
    }

    private void AppendEvent(StringBuilder output, Event e, string stamp)
    {
        var date = e.Date!.Value;
        AppendLine(output, "BEGIN:VEVENT");
        AppendLine(output, "UID:" + EscapeText(e.Id + "@" + uidDomain));
        AppendLine(output, "DTSTAMP:" + stamp);
        var timed = TryParseTime(e.Time, out var start, out var end);
        if (timed)
        {
            var startUtc = ToUtc(date.ToDateTime(start));
            var endUtc = end is { } endTime && endTime > start ? ToUtc(date.ToDateTime(endTime)) : startUtc + DefaultDuration;
            AppendLine(output, "DTSTART:" + FormatUtc(startUtc));
            AppendLine(output, "DTEND:" + FormatUtc(endUtc));
        }
        else
        {
            AppendLine(output, "DTSTART;VALUE=DATE:" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            AppendLine(output, "DTEND;VALUE=DATE:" + date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }

        AppendLine(output, "SUMMARY:" + EscapeText(e.Title));
        AppendLine(output, "DESCRIPTION:" + EscapeText(Description(e)));
        if (!string.IsNullOrWhiteSpace(e.Place))
        {
            AppendLine(output, "LOCATION:" + EscapeText(e.Place));
        }

        AppendLine(output, "STATUS:" + (e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED"));
        // An all-day entry should not mark the whole day as busy.
        AppendLine(output, "TRANSP:" + (timed ? "OPAQUE" : "TRANSPARENT"));
        AppendLine(output, "END:VEVENT");
    }

    private static string Description(Event e)
    {
        // User-facing (shown in the user's calendar): Dutch.
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(e.Topic))
        {
            lines.Add(e.Topic);
        }

        lines.Add($"{e.Type} van de VeiligheidsAlliantie regio Rotterdam (VAR).");
        if (!string.IsNullOrWhiteSpace(e.Time) && !TryParseTime(e.Time, out _, out _))
        {
            lines.Add("Tijd: " + e.Time);
        }

        if (e.Status == EventStatus.Cancelled)
        {
            lines.Add("Deze bijeenkomst is geannuleerd.");
        }

        return string.Join("\n", lines);
    }

    /// <summary>Reads "13:30", "13.30 uur", "13.30-17.00 uur" or "van 9:00 tot 12:30".</summary>
    internal static bool TryParseTime(string? text, out TimeOnly start, out TimeOnly? end)
    {
        start = default;
        end = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var matches = ClockTime().Matches(text);
        if (matches.Count == 0 || !TryClock(matches[0], out start))
        {
            return false;
        }

        if (matches.Count > 1 && TryClock(matches[1], out var endTime))
        {
            end = endTime;
        }

        return true;
    }

    private static bool TryClock(Match match, out TimeOnly time)
    {
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var valid = hour < 24 && minute < 60;
        time = valid ? new TimeOnly(hour, minute) : default;
        return valid;
    }

    private static DateTimeOffset ToUtc(DateTime local)
    {
        var zone = Amsterdam.Value;
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string FormatUtc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon and comma are escaped, line breaks become \n.</summary>
    internal static string EscapeText(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case ';':
                    builder.Append(@"\;");
                    break;
                case ',':
                    builder.Append(@"\,");
                    break;
                case '\r':
                    builder.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                default:
                    builder.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends a content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence, surrogate pair or escape.</summary>
    internal static void AppendLine(StringBuilder output, string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            // Keep surrogate pairs and escape sequences ("\,") on one line: legal to split, but kinder to naive readers.
            var pair = i + 1 < line.Length && ((char.IsHighSurrogate(line[i]) && char.IsLowSurrogate(line[i + 1])) || line[i] == '\\');
            var width = pair ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > MaxLineOctets)
            {
                // The continuation line starts with a space, which counts towards its 75 octets.
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(line, i, width);
            octets += size;
            i += width - 1;
        }

        output.Append("\r\n");
    }

    [GeneratedRegex(@"(?<![\d])(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)(?![\d])")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"[^A-Za-z0-9_.-]")]
    private static partial Regex SafeFileName();
}
