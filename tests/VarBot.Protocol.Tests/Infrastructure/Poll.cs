namespace VarBot.Protocol.Tests.Infrastructure;

internal static class Poll
{
    /// <summary>Waits until <paramref name="condition"/> holds, checking every 10 ms, for at most <paramref name="timeout"/> (10 s).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for " + what);
            }

            await Task.Delay(10);
        }
    }
}
