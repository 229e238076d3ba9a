using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Knowledge.Calendar;
using VarBot.Knowledge.Model;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Calendar;

/// <summary>
/// The .ics writer against a golden file and against a real peer: Debian's python3-icalendar parses the
/// output and every field must come back as written, including long Dutch text with diacritics.
/// </summary>
public sealed class IcsWriterTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "VarBot.Knowledge.Tests", "Calendar");

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 15, 30, TimeSpan.FromHours(1));

    private const string LongTopic =
        "Signalen van femicide herkennen; samenwerken met Veilig Thuis, politie en OM.\n" +
        "Voor professionals uit de hele regio — ook Goeree-Overflakkee, Hoeksche Waard en Ĳsselmonde. " +
        "Met o.a. Zoë's café-gesprek, een coöperatieve aanpak, “één loket” en een casus uit Spijkenisse 😀 (pad C:\\map\\bestand).";

    private static readonly Event Leerhuis = new(
        "ev-2026-leerhuis-femicide", EventType.Leerhuis, "Leerhuis Femicide", LongTopic, "zorg-en-veiligheid",
        new DateOnly(2026, 3, 23), 2026, 3, null, "Rotterdam, World Trade Center; zaal 3", EventStatus.Planned,
        [new SourceRef("jaarverslagen/2025.txt", 120)]);

    private static readonly Event Carrousel = new(
        "ev-2026-najaarscarrousel", EventType.Carrousel, "Najaarscarrousel", "Kansen en bedreigingen van AI", null,
        new DateOnly(2026, 10, 8), 2026, 10, "13.30-17.00 uur", "Dordrecht", EventStatus.Planned, []);

    private static readonly Event MonthOnly = new(
        "ev-2026-conferentie", EventType.Conferentie, "Regionale conferentie", null, null,
        null, 2026, 11, null, null, EventStatus.Planned, []);

    private static readonly Event Cancelled = new(
        "ev-2020-leerhuis", EventType.Leerhuis, "Leerhuis Mensenhandel", null, null,
        new DateOnly(2020, 3, 19), 2020, 3, "'s middags", null, EventStatus.Cancelled, []);

    private static IcsWriter Writer() => new(new FixedTime(Now), "varbot.test");

    [Fact]
    public void Write_Events_MatchesGoldenFile()
    {
        var actual = Writer().Write([Leerhuis, Carrousel, MonthOnly, Cancelled]);

        var golden = Path.Combine(Folder, "Golden", "events.ics");
        var expected = File.Exists(golden) ? File.ReadAllText(golden, Encoding.UTF8) : "";
        if (expected != actual)
        {
            // Left next to the golden file for review; copy it over the golden file when the change is intended.
            File.WriteAllText(golden + ".actual", actual, new UTF8Encoding(false));
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Write_Events_UsesCrlfAndFoldsAt75OctetsOnUtf8Boundaries()
    {
        var ics = Writer().Write([Leerhuis, Carrousel, Cancelled]);

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));

        // Folding split the bytes between whole characters: each physical line is valid UTF-8 on its own.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(lines, line => strict.GetString(strict.GetBytes(line)));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Signalen van femicide herkennen\\; samenwerken met Veilig Thuis\\, politie en OM.\\nVoor", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EventWithoutExactDate_IsLeftOut()
    {
        var ics = Writer().Write([MonthOnly]);

        Assert.False(IcsWriter.CanWrite(MonthOnly));
        Assert.DoesNotContain("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Writer().Write(MonthOnly));
    }

    [Fact]
    public void Write_SameEventTwice_HasSameUid()
    {
        var first = Writer().Write(Leerhuis);
        var second = new IcsWriter(new FixedTime(Now.AddDays(3)), "varbot.test").Write(Leerhuis);

        Assert.Contains("UID:ev-2026-leerhuis-femicide@varbot.test\r\n", first, StringComparison.Ordinal);
        Assert.Contains("UID:ev-2026-leerhuis-femicide@varbot.test\r\n", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("13:30", "13:30", null)]
    [InlineData("13.30-17.00 uur", "13:30", "17:00")]
    [InlineData("van 9.00 tot 12.30 uur", "09:00", "12:30")]
    [InlineData("'s middags", null, null)]
    [InlineData("2026", null, null)]
    [InlineData("25:00", null, null)]
    public void TryParseTime_Text_ReadsClockTimes(string text, string? start, string? end)
    {
        var ok = IcsWriter.TryParseTime(text, out var s, out var e);

        Assert.Equal(start is not null, ok);
        if (ok)
        {
            Assert.Equal(TimeOnly.Parse(start!, System.Globalization.CultureInfo.InvariantCulture), s);
            Assert.Equal(end is null ? null : TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), e);
        }
    }

    [Fact]
    public void Write_Events_RoundTripThroughPythonIcalendar()
    {
        var ics = Writer().Write([Leerhuis, Carrousel, MonthOnly, Cancelled]);

        var parsed = ParseWithPython(ics);

        Assert.Equal(IcsWriter.ProductId, parsed["prodid"]!.GetValue<string>());
        Assert.Equal("2.0", parsed["version"]!.GetValue<string>());
        Assert.Empty(parsed["errors"]!.AsArray());
        var events = parsed["events"]!.AsArray();
        Assert.Equal(3, events.Count);

        var leerhuis = events[0]!;
        Assert.Equal("ev-2026-leerhuis-femicide@varbot.test", leerhuis["uid"]!.GetValue<string>());
        Assert.Equal("Leerhuis Femicide", leerhuis["summary"]!.GetValue<string>());
        Assert.Equal(LongTopic + "\nLeerhuis van de VeiligheidsAlliantie regio Rotterdam (VAR).", leerhuis["description"]!.GetValue<string>());
        Assert.Equal("Rotterdam, World Trade Center; zaal 3", leerhuis["location"]!.GetValue<string>());
        Assert.Equal("CONFIRMED", leerhuis["status"]!.GetValue<string>());
        Assert.Equal("2026-03-23", leerhuis["dtstart"]!["value"]!.GetValue<string>());
        Assert.True(leerhuis["dtstart"]!["isDate"]!.GetValue<bool>());
        Assert.Equal("2026-03-24", leerhuis["dtend"]!["value"]!.GetValue<string>());
        Assert.Equal("2026-03-01T08:15:30+00:00", leerhuis["dtstamp"]!.GetValue<string>());

        // 13.30 in Amsterdam on 8 October (summer time, UTC+2) is 11:30 UTC; written as local time with its VTIMEZONE.
        var carrousel = events[1]!;
        Assert.Equal("2026-10-08T13:30:00+02:00", carrousel["dtstart"]!["value"]!.GetValue<string>());
        Assert.Equal("2026-10-08T11:30:00+00:00", carrousel["dtstart"]!["utc"]!.GetValue<string>());
        Assert.False(carrousel["dtstart"]!["isDate"]!.GetValue<bool>());
        Assert.Equal("2026-10-08T15:00:00+00:00", carrousel["dtend"]!["utc"]!.GetValue<string>());
        Assert.Equal(["Europe/Amsterdam"], parsed["timezones"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("STANDARD", parsed["timezoneRules"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("DAYLIGHT", parsed["timezoneRules"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Dordrecht", carrousel["location"]!.GetValue<string>());

        var cancelled = events[2]!;
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
        Assert.Null(cancelled["location"]);
        Assert.Equal("Leerhuis van de VeiligheidsAlliantie regio Rotterdam (VAR).\nTijd: 's middags\nDeze bijeenkomst is geannuleerd.", cancelled["description"]!.GetValue<string>());
    }

    private static JsonNode ParseWithPython(string ics)
    {
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(Folder, "parse_ics.py"));
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(ics);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(30_000), "python3 did not finish");
        Assert.True(process.ExitCode == 0, "python3-icalendar failed (apt-get install -y python3-icalendar): " + stderr.Result);
        return JsonNode.Parse(stdout.Result)!;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
