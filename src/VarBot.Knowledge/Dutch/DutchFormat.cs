using System.Globalization;
using System.Text;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Dutch;

/// <summary>
/// The one place for Dutch notation shared by the bot, the answering engine, the nieuwsbrief and the CLI: month and
/// weekday names, dates ("23 maart 2026", "maandag 23 maart 2026"), euro amounts ("€ 420.000") and event type labels.
/// Independent of the machine's culture data, so output is stable everywhere.
/// </summary>
public static class DutchFormat
{
    public static IReadOnlyList<string> Months { get; } =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static IReadOnlyList<string> Weekdays { get; } = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    /// <summary>"maart" for 3.</summary>
    public static string MonthName(int month) => Months[month - 1];

    /// <summary>"maart 2026".</summary>
    public static string MonthYear(int year, int month) => $"{MonthName(month)} {year}";

    /// <summary>"23 maart 2026".</summary>
    public static string Date(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>"maandag 23 maart 2026".</summary>
    public static string LongDate(DateOnly date) => $"{Weekday(date)} {Date(date)}";

    /// <summary>"23 maart".</summary>
    public static string ShortDate(DateOnly date) => $"{date.Day} {MonthName(date.Month)}";

    /// <summary>"maandag".</summary>
    public static string Weekday(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    /// <summary>An event's date as precise as the model knows it: "23 maart 2026", "maart 2026" or "2026".</summary>
    public static string When(Event e) =>
        e.Date is { } date ? Date(date)
        : e.Month is { } month ? MonthYear(e.Year, month)
        : e.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"€ 420.000", "€ -5.000": whole euros with a dot per thousand, as the reports print them.</summary>
    public static string Amount(long amount)
    {
        var digits = Math.Abs(amount).ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(digits.Length + 6).Append(amount < 0 ? "€ -" : "€ ");
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append('.');
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }

    /// <summary>A budget line's amount, or the report's own text for it ("PM"), or "onbekend" when the report gives none.</summary>
    public static string Amount(BudgetLine line) => line.Amount is { } amount ? Amount(amount) : line.AmountText ?? "onbekend";

    /// <summary>The label of an event type as a heading or in running text: "Leerhuis", "Carrousel", ...</summary>
    public static string EventTypeLabel(EventType type) => type switch
    {
        EventType.Bijeenkomst => "Bijeenkomst",
        _ => type.ToString(),
    };

    /// <summary>Cuts <paramref name="text"/> at a word boundary to at most <paramref name="max"/> characters, with "…".</summary>
    public static string Truncate(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(' ', ',', ';', ':') + "…";
    }
}
