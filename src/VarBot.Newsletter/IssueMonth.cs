using System.Globalization;

namespace VarBot.Newsletter;

/// <summary>The month an issue is for, written "yyyy-MM" (e.g. 2026-03).</summary>
public readonly record struct IssueMonth(int Year, int Month) : IComparable<IssueMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public IssueMonth Next => AddMonths(1);

    public IssueMonth Previous => AddMonths(-1);

    public IssueMonth AddMonths(int months)
    {
        var index = Year * 12 + Month - 1 + months;
        return new IssueMonth(index / 12, index % 12 + 1);
    }

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public static IssueMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static IssueMonth Of(DateTimeOffset moment) => new(moment.Year, moment.Month);

    public static bool TryParse(string? text, out IssueMonth month)
    {
        month = default;
        if (DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            month = Of(date);
            return true;
        }

        return false;
    }

    public static IssueMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form yyyy-MM.");

    public int CompareTo(IssueMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
