namespace VarBot.Bot.Conversations;

/// <summary>
/// One conversation as this host holds it: the latest state in memory, what storage holds of it, and the gate that lets
/// one turn at a time work on it. Fields other than the gate are guarded by <see cref="Sync"/>.
/// </summary>
internal sealed class ConversationEntry(string conversationId)
{
    public string ConversationId { get; } = conversationId;

    /// <summary>Serialises the turns of this conversation on this host.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public Lock Sync { get; } = new();

    /// <summary>Turns holding or waiting for <see cref="Gate"/> (changed with Interlocked).</summary>
    public int Waiting;

    public ConversationState State = ConversationState.Empty;

    /// <summary>The ETag of the stored version <see cref="State"/> was last read from or written as; null while none exists.</summary>
    public string? ETag;

    /// <summary>Bumped by every completed turn.</summary>
    public long Version;

    /// <summary>The <see cref="Version"/> storage holds.</summary>
    public long StoredVersion;

    /// <summary>Read from or written to storage at least once (a new entry is a cache miss).</summary>
    public bool Synced;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the last read or write.</summary>
    public long SyncedAt;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when this host last started writing the conversation (see <see cref="Written"/>).</summary>
    public long WriteStartedAt;

    /// <summary>This host has started a write of the conversation at least once.</summary>
    public bool Written;

    /// <summary>Races lost to another host since this host last wrote the conversation.</summary>
    public int RacesLost;

    /// <summary>Waiting in, or being written by, the write-behind queue.</summary>
    public bool Queued;
}
