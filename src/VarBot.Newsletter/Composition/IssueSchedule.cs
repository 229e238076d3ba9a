using VarBot.Knowledge.Dutch;

namespace VarBot.Newsletter.Composition;

/// <summary>When issues go out: issue M on <see cref="EditorialOptions.SendDayOfMonth"/> of M. Each issue covers what happened after the previous send date up to its own.</summary>
public sealed class IssueSchedule(int sendDayOfMonth)
{
    /// <summary>The one setting for when an issue goes out: the editorial rules compose from it and the scheduler sends on it.</summary>
    public int SendDayOfMonth => sendDayOfMonth;

    public DateOnly SendDate(IssueMonth month) => new(month.Year, month.Month, sendDayOfMonth);

    public DateOnly PreviousSendDate(IssueMonth month) => SendDate(month.Previous);

    /// <summary>True when <paramref name="date"/> falls after the previous issue's send date and on or before this one's.</summary>
    public bool InWindow(IssueMonth month, DateOnly date) => date > PreviousSendDate(month) && date <= SendDate(month);

    /// <summary>The first issue whose window holds <paramref name="date"/>.</summary>
    public IssueMonth IssueFor(DateOnly date) => date.Day > sendDayOfMonth ? IssueMonth.Of(date).Next : IssueMonth.Of(date);

    /// <summary>Today in Europe/Amsterdam (the one rule for "today" outside a chat turn).</summary>
    public static DateOnly Today(TimeProvider time) => DutchTime.Today(time);
}
