using System.Diagnostics;

namespace VarBot.TestSupport;

/// <summary>
/// Waits on a condition that another process or host makes true (a port, a readiness probe, a send log): reads until the
/// condition holds or the timeout passes, and returns the last value read so the caller asserts on it. One place for the
/// loop and its pace, instead of a delay loop per test.
/// </summary>
public static class Poll
{
    /// <summary>How often the condition is read: short enough not to slow a test, long enough not to load the server.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var elapsed = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(Interval);
        while (true)
        {
            var value = await read();
            if (done(value) || elapsed.Elapsed > timeout)
            {
                return value;
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>How often an in-process condition is checked: it is cheap to read.</summary>
    private static readonly TimeSpan InProcessInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Waits until an in-process <paramref name="condition"/> holds, for at most <paramref name="timeout"/> (10 s); fails the test after that.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var elapsed = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        using var timer = new PeriodicTimer(InProcessInterval);
        while (!condition())
        {
            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await timer.WaitForNextTickAsync();
        }
    }
}
