namespace VarBot.Knowledge.Dutch;

/// <summary>
/// The one rule for local time: the VAR's clock is Europe/Amsterdam. "Today" is the Amsterdam date unless a chat turn
/// carries the user's own local time (the bot uses that first).
/// </summary>
public static class DutchTime
{
    public const string ZoneId = "Europe/Amsterdam";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The date in Amsterdam now.</summary>
    public static DateOnly Today(TimeProvider timeProvider) => DateOnly.FromDateTime(Local(timeProvider.GetUtcNow()).DateTime);

    /// <summary>An instant as Amsterdam wall-clock time.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
