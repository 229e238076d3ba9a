using System.ComponentModel.DataAnnotations;

namespace VarBot.Bot.Conversations;

/// <summary>Configuration section "Conversations": how the host keeps conversation context in memory and in table storage.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>A conversation's context is forgotten after this long without a turn.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many conversations one host keeps in memory (least recently used ones are dropped first).</summary>
    [Range(1, 1_000_000)]
    public int MaxCached { get; set; } = 10_000;

    /// <summary>
    /// After its own last read or write of a conversation, a host answers the next turn from memory for this long without
    /// asking storage. A turn after that reads storage first, so a follow-up that another host answered in between
    /// continues from there. Turns of one conversation on two hosts within this window: the later write wins the context.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheTrust { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a turn waits for storage to read a conversation before answering without context.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A stored state larger than this (UTF-8) is not read but replaced, and a larger one is not written (a
    /// conversation holds about a kilobyte; the table's string property holds at most 32 K characters).</summary>
    [Range(1_024, 32_768)]
    public int MaxStateBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// Shards of the conversation table's partition key. One write-behind round writes each partition's conversations as
    /// one transaction, so fewer partitions mean fewer requests; more spread the load over the service's partition servers
    /// (Azure's target for one partition is about 2,000 entities a second: 50 conversations that each take a turn every
    /// 25 ms). Changing it starts every conversation afresh.
    /// </summary>
    [Range(1, 256)]
    public int Partitions { get; set; } = 1;

    /// <summary>Turns of one conversation waiting for the one before them; more than this are answered without context.</summary>
    [Range(1, 10_000)]
    public int MaxQueuedTurns { get; set; } = 256;

    /// <summary>
    /// The write-behind window: a turn's context is in storage at most this long after the turn (while a write round takes
    /// no longer than the slowest of the last second, and at most half the window). The first turn after a quiet spell is written at once; a turn while its
    /// conversation's write is pending or in flight goes with the turns after it, in a write that starts one interval after
    /// the previous one. The interval is the window less the slowest write round of the last second, and never under half
    /// the window (coalescing: a busy conversation costs at most 1 / interval writes a second, not one per turn, and quick
    /// storage gets fewer writes). Every conversation due at the same moment goes in one round of table transactions.
    /// Zero writes every change as soon as the previous round is done.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan WriteBehindWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long one context (or feedback) write may take before it is given up and logged.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On a clean shutdown, how long all pending writes together may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:02:00")]
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
