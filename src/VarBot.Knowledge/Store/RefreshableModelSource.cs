using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Model;
using VarBot.Storage;

namespace VarBot.Knowledge.Store;

/// <summary>
/// The shared half of the blob and file sources: holds the last good model, health, change notification, and
/// serialises refreshes. Subclasses only say whether anything changed and how to load it.
/// </summary>
public abstract partial class RefreshableModelSource : IKnowledgeModelSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Func<IEnumerable<IModelCheck>> _checks;
    private volatile KnowledgeModel? _current;
    private volatile ModelSourceHealth _health;

    /// <param name="checks">The consumers' checks, resolved when a model is loaded (they may depend on this source).</param>
    private protected RefreshableModelSource(string source, TimeProvider timeProvider, ILogger logger, Func<IEnumerable<IModelCheck>>? checks)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _checks = checks ?? (() => []);
        _health = new ModelSourceHealth(source, null, null, null, null, null);
    }

    public KnowledgeModel? Current => _current;

    public ModelSourceHealth Health => _health;

    public event EventHandler<KnowledgeModelChangedEventArgs>? ModelChanged;

    public async Task<KnowledgeModel> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            return current;
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return _current ?? throw new KnowledgeModelUnavailableException(
            $"No knowledge model is available from {_health.Source}: {_health.LastError ?? "nothing has been published"}");
    }

    /// <summary>Checks for a new model and loads it; returns true when a different model became current. Never throws for storage or content errors.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = await TryLoadChangedAsync(cancellationToken).ConfigureAwait(false);
            var now = _timeProvider.GetUtcNow();
            if (loaded is null)
            {
                _health = _health with { LastCheckedAt = now, LastError = null, LastErrorAt = null };
                return false;
            }

            var previous = _current;
            _current = loaded;
            _health = _health with { Version = loaded.Version, LastLoadedAt = now, LastCheckedAt = now, LastError = null, LastErrorAt = null };
            KnowledgeLog.ModelLoaded(_logger, _health.Source, loaded.Version, previous?.Version ?? "(none)");
            RaiseChanged(previous, loaded);
            return true;
        }
        catch (Exception ex) when (ex is BlobStorageException or InvalidModelException or IOException or UnauthorizedAccessException)
        {
            _health = _health with { LastError = ex.Message, LastErrorAt = _timeProvider.GetUtcNow() };
            KnowledgeLog.LoadFailed(_logger, _health.Source, _current?.Version ?? "(none)", ex.Message);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Loads the model if storage holds a different one than last loaded; returns null when nothing changed.
    /// Throws <see cref="BlobStorageException"/>, <see cref="InvalidModelException"/> or <see cref="IOException"/>.
    /// A content failure must be remembered so the same broken model is not downloaded again on every poll.
    /// </summary>
    private protected abstract Task<KnowledgeModel?> TryLoadChangedAsync(CancellationToken cancellationToken);

    /// <summary>Runs every consumer's check on a loaded model before it may become current.</summary>
    /// <exception cref="InvalidModelException">A check failed; the message names it and why.</exception>
    private protected void Accept(KnowledgeModel model)
    {
        foreach (var check in _checks())
        {
            try
            {
                check.Check(model);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A cancelled check (the host stopping, a start that timed out) says nothing about the model: it is not
                // remembered as refused and the next refresh tries it again.
                throw new InvalidModelException(
                    $"Model {model.Version} was not accepted: the {check.Name} failed on it ({exception.GetType().Name}: {exception.Message}).",
                    exception);
            }
        }
    }

    private void RaiseChanged(KnowledgeModel? previous, KnowledgeModel current)
    {
        var handlers = ModelChanged;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<KnowledgeModelChangedEventArgs>>())
        {
            try
            {
                handler(this, new KnowledgeModelChangedEventArgs(previous, current));
            }
            catch (Exception ex)
            {
                // A subscriber's bug must not stop the source from serving the new model.
                KnowledgeLog.HandlerFailed(_logger, ex);
            }
        }
    }
}
