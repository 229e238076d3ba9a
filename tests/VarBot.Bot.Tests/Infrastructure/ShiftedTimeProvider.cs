using System.Diagnostics;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real clock moved to another day: "now" starts at <paramref name="start"/> and runs at real speed (plus any
/// <see cref="Jump"/>), and timers and delays are real, so background services with periodic timers behave as in
/// production on a chosen date.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private long _jumpTicks;

    public override DateTimeOffset GetUtcNow() =>
        start.ToUniversalTime() + Stopwatch.GetElapsedTime(_origin) + TimeSpan.FromTicks(Interlocked.Read(ref _jumpTicks));

    /// <summary>Moves "now" forward at once (timers keep their real schedule).</summary>
    public void Jump(TimeSpan by) => Interlocked.Add(ref _jumpTicks, by.Ticks);
}
