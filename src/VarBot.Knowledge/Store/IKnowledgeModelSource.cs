using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Store;

/// <summary>
/// Where the bot and the newsletter get the knowledge model. Keeps serving the last good model while its storage
/// is down or a newly published model is unreadable; <see cref="Health"/> tells a readiness check what happened.
/// </summary>
public interface IKnowledgeModelSource
{
    /// <summary>The last good model, or null before the first successful load.</summary>
    KnowledgeModel? Current { get; }

    /// <summary>The current model, loading it first if none has been loaded; throws <see cref="KnowledgeModelUnavailableException"/> when that fails.</summary>
    Task<KnowledgeModel> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Raised after a different model became current.</summary>
    event EventHandler<KnowledgeModelChangedEventArgs>? ModelChanged;

    ModelSourceHealth Health { get; }
}

public sealed class KnowledgeModelChangedEventArgs(KnowledgeModel? previous, KnowledgeModel current) : EventArgs
{
    public KnowledgeModel? Previous { get; } = previous;

    public KnowledgeModel Current { get; } = current;
}

/// <summary>What a /readyz check reports about the model source.</summary>
/// <param name="Source">Where models come from, e.g. "blob varbot/models/current.json" or "file model.json".</param>
/// <param name="LastLoadedAt">When the current model was loaded.</param>
/// <param name="LastCheckedAt">When storage was last read successfully (a load, or a check that nothing changed).</param>
/// <param name="LastError">The last failure, in English, cleared by the next successful check.</param>
public sealed record ModelSourceHealth(
    string Source,
    string? Version,
    DateTimeOffset? LastLoadedAt,
    DateTimeOffset? LastCheckedAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>A model is being served (perhaps an older one, see <see cref="LastError"/>).</summary>
    public bool IsReady => Version is not null;
}

/// <summary>No model could be loaded and none was loaded before.</summary>
public sealed class KnowledgeModelUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
