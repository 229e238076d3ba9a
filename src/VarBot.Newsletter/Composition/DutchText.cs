using VarBot.Knowledge.Model;

namespace VarBot.Newsletter.Composition;

/// <summary>Dutch date and label wording, independent of the machine's culture data so output is stable.</summary>
internal static class DutchText
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] Days = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    public static string MonthName(int month) => Months[month - 1];

    public static string MonthYear(int year, int month) => $"{MonthName(month)} {year}";

    public static string MonthYear(IssueMonth month) => MonthYear(month.Year, month.Month);

    /// <summary>"maandag 23 maart 2026".</summary>
    public static string LongDate(DateOnly date) => $"{Days[(int)date.DayOfWeek]} {date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>"14 april 2026".</summary>
    public static string DayMonthYear(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>"23 maart".</summary>
    public static string ShortDate(DateOnly date) => $"{date.Day} {MonthName(date.Month)}";

    public static string EventType(EventType type) => type switch
    {
        Knowledge.Model.EventType.Leerhuis => "Leerhuis",
        Knowledge.Model.EventType.Carrousel => "Carrousel",
        Knowledge.Model.EventType.Conferentie => "Conferentie",
        Knowledge.Model.EventType.Netwerkbijeenkomst => "Netwerkbijeenkomst",
        Knowledge.Model.EventType.Webinar => "Webinar",
        Knowledge.Model.EventType.Symposium => "Symposium",
        Knowledge.Model.EventType.Summerschool => "Summerschool",
        Knowledge.Model.EventType.Congres => "Congres",
        Knowledge.Model.EventType.Training => "Training",
        _ => "Bijeenkomst",
    };

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
