using System.Globalization;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using EventStatus = VarBot.Knowledge.Model.EventStatus;

namespace VarBot.Knowledge.Calendar;

/// <summary>
/// Writes knowledge-model events as an iCalendar object ("Zet in mijn agenda") with Ical.Net (RFC 5545 folding,
/// escaping and the VTIMEZONE are the library's). Only events with an exact <see cref="Event.Date"/> get a VEVENT: an
/// event known only by year and month ("oktober 2026") cannot go in a calendar without inventing a day, so
/// <see cref="CanWrite"/> is false for it.
/// </summary>
/// <remarks>
/// One VEVENT per event: UID <c>{event id}@{uidDomain}</c> (stable across writes), DTSTAMP from the
/// <see cref="TimeProvider"/>. When the model gives a clock time ("13.30-17.00 uur"), DTSTART/DTEND are local times in
/// Europe/Amsterdam with its VTIMEZONE (two hours when no end is given); otherwise an all-day entry
/// (<c>VALUE=DATE</c>, the next day as DTEND, transparent so it does not block the day).
/// </remarks>
public sealed partial class IcsWriter(TimeProvider timeProvider, string uidDomain = IcsWriter.DefaultUidDomain)
{
    public const string DefaultUidDomain = "varbot.veiligheidsalliantie-rotterdam.nl";

    public const string ContentType = "text/calendar; charset=utf-8";

    public const string ProductId = "-//VeiligheidsAlliantie regio Rotterdam//VarBot//NL";

    public const string TimeZoneId = "Europe/Amsterdam";

    private static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2);

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
        var dated = events.Where(CanWrite).ToList();
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = "PUBLISH" };
        var stamp = new CalDateTime(timeProvider.GetUtcNow().UtcDateTime, "UTC");
        var timed = dated.Select(e => (Event: e, Timed: TryParseTime(e.Time, out var start, out var end), Start: start, End: end)).ToList();
        if (timed.Where(t => t.Timed).Select(t => t.Event.Date!.Value).DefaultIfEmpty().Min() is var earliest && earliest != default)
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, earliest.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));
        }

        foreach (var (e, isTimed, start, end) in timed)
        {
            calendar.Events.Add(ToCalendarEvent(e, isTimed, start, end, stamp));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private CalendarEvent ToCalendarEvent(Event e, bool timed, TimeOnly start, TimeOnly? end, CalDateTime stamp)
    {
        var date = e.Date!.Value;
        var item = new CalendarEvent
        {
            Uid = e.Id + "@" + uidDomain,
            DtStamp = stamp,
            Summary = e.Title,
            Description = Description(e),
            Location = string.IsNullOrWhiteSpace(e.Place) ? null : e.Place,
            Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            // An all-day entry should not mark the whole day as busy.
            Transparency = timed ? "OPAQUE" : "TRANSPARENT",
        };
        if (timed)
        {
            var startAt = date.ToDateTime(start);
            item.DtStart = new CalDateTime(startAt, TimeZoneId);
            item.DtEnd = new CalDateTime(end is { } endTime && endTime > start ? date.ToDateTime(endTime) : startAt + DefaultDuration, TimeZoneId);
        }
        else
        {
            item.DtStart = new CalDateTime(date);
            item.DtEnd = new CalDateTime(date.AddDays(1));
        }

        return item;
    }

    private static string Description(Event e)
    {
        // User-facing (shown in the user's calendar): Dutch.
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(e.Topic))
        {
            lines.Add(e.Topic);
        }

        lines.Add($"{DutchFormat.EventTypeLabel(e.Type)} van de VeiligheidsAlliantie regio Rotterdam (VAR).");
        if (!string.IsNullOrWhiteSpace(e.Time) && !TryParseTime(e.Time, out _, out _))
        {
            lines.Add("Tijd: " + e.Time);
        }

        if (e.Status == EventStatus.Cancelled)
        {
            lines.Add("Deze bijeenkomst is geannuleerd.");
        }

        // Control characters from report text have no place in a calendar entry.
        return string.Join("\n", lines.Select(line => new string([.. line.Select(c => char.IsControl(c) && c != '\n' ? ' ' : c)])));
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

    [GeneratedRegex(@"(?<![\d])(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)(?![\d])")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"[^A-Za-z0-9_.-]")]
    private static partial Regex SafeFileName();
}
