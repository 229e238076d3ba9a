using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Store;

/// <summary>Serves the model the pointer in blob storage names; a cheap HEAD on the pointer tells whether anything changed.</summary>
internal sealed class BlobModelSource(ModelRepository repository, TimeProvider timeProvider, ILogger<BlobModelSource> logger, Func<IEnumerable<IModelCheck>>? checks = null)
    : RefreshableModelSource($"blob {repository.Container.Name}/{ModelRepository.PointerBlob}", timeProvider, logger, checks)
{
    private string? _loadedPointerETag;
    private (string ETag, InvalidModelException Error)? _failed;

    private protected override async Task<KnowledgeModel?> TryLoadChangedAsync(CancellationToken cancellationToken)
    {
        var etag = await repository.GetPointerETagAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidModelException($"No model has been published: '{ModelRepository.PointerBlob}' is missing in container '{repository.Container.Name}'.");
        if (etag == _loadedPointerETag)
        {
            return null;
        }

        if (_failed is { } failed && failed.ETag == etag)
        {
            throw failed.Error;
        }

        LoadedModel? loaded;
        try
        {
            loaded = await repository.LoadCurrentAsync(cancellationToken).ConfigureAwait(false);
            if (loaded is not null)
            {
                Accept(loaded.Model);
            }
        }
        catch (InvalidModelException ex)
        {
            _failed = (etag, ex);
            throw;
        }

        if (loaded is null)
        {
            throw new InvalidModelException($"The model pointer '{ModelRepository.PointerBlob}' disappeared while loading.");
        }

        _loadedPointerETag = loaded.PointerETag;
        _failed = null;

        // Versions are content hashes: a pointer rewritten to the version being served changes nothing.
        return Current is { } current && current.Version == loaded.Model.Version && current.Version.Length > 0 ? null : loaded.Model;
    }
}
