using System.Collections.Concurrent;
namespace VarBot.Bot.Conversations;

/// <summary>
/// At most one log line per kind of trouble per interval, with the number of lines left out since the last one: a
/// storage outage under load costs a handful of warnings, not one per request.
/// </summary>
internal sealed class LogThrottle(TimeProvider timeProvider)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="log"/> with the number of suppressed occurrences when this kind may log again.</summary>
    public void Warn(string kind, Action<int> log)
    {
        var now = timeProvider.GetTimestamp();
        var window = _windows.GetOrAdd(kind, _ => new Window());
        int suppressed;
        lock (window)
        {
            if (window.LoggedAt != 0 && timeProvider.GetElapsedTime(window.LoggedAt, now) < Interval)
            {
                window.Suppressed++;
                return;
            }

            suppressed = window.Suppressed;
            window.Suppressed = 0;
            window.LoggedAt = now;
        }

        log(suppressed);
    }

    private sealed class Window
    {
        public long LoggedAt;
        public int Suppressed;
    }
}
