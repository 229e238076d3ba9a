using VarBot.Knowledge.Model;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using VarBot.Storage;

namespace VarBot.Knowledge.Store;

/// <summary>A model loaded through the pointer, with the pointer ETag it was loaded under.</summary>
public sealed record LoadedModel(KnowledgeModel Model, ModelPointer Pointer, string PointerETag);

/// <summary>
/// Reads published models: models/{version}.json blobs and the models/current.json pointer.
/// Every failure is either <see cref="BlobStorageException"/> (storage) or <see cref="InvalidModelException"/> (content).
/// </summary>
public sealed partial class ModelRepository(IBlobContainer container)
{
    public const string PointerBlob = "models/current.json";

    private const string Prefix = "models/";

    public IBlobContainer Container => container;

    public static string ModelBlobName(string version) => Prefix + version + ".json";

    /// <summary>A version is safe as a blob name and is not the pointer's name.</summary>
    public static bool IsValidVersion(string? version) =>
        version is not null && VersionPattern().IsMatch(version) && !string.Equals(version, "current", StringComparison.OrdinalIgnoreCase);

    /// <summary>The pointer's ETag without downloading it, or null when nothing has been published.</summary>
    public async Task<string?> GetPointerETagAsync(CancellationToken cancellationToken = default) =>
        (await container.GetPropertiesAsync(PointerBlob, cancellationToken).ConfigureAwait(false))?.ETag;

    /// <summary>The pointer and its ETag, or null when nothing has been published.</summary>
    public async Task<(ModelPointer Pointer, string ETag)?> GetPointerAsync(CancellationToken cancellationToken = default)
    {
        var download = await container.GetAsync(PointerBlob, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return null;
        }

        return (ModelPointer.Parse(download.Content, PointerBlob), download.Properties.ETag);
    }

    /// <summary>Follows the pointer to the current model, or returns null when nothing has been published.</summary>
    public async Task<LoadedModel?> LoadCurrentAsync(CancellationToken cancellationToken = default)
    {
        var pointer = await GetPointerAsync(cancellationToken).ConfigureAwait(false);
        if (pointer is null)
        {
            return null;
        }

        var (current, etag) = pointer.Value;
        var model = await LoadBlobAsync(current.Blob, current.Version, cancellationToken).ConfigureAwait(false);
        return new LoadedModel(model, current, etag);
    }

    /// <summary>Loads one published version, current or not.</summary>
    public Task<KnowledgeModel> LoadVersionAsync(string version, CancellationToken cancellationToken = default)
    {
        if (!IsValidVersion(version))
        {
            throw new ArgumentException($"'{version}' is not a valid model version.", nameof(version));
        }

        return LoadBlobAsync(ModelBlobName(version), version, cancellationToken);
    }

    /// <summary>The versions present in storage (not only the current one), in blob-name order.</summary>
    public async IAsyncEnumerable<string> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in container.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name != PointerBlob && blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                yield return blob.Name[Prefix.Length..^".json".Length];
            }
        }
    }

    private async Task<KnowledgeModel> LoadBlobAsync(string blobName, string expectedVersion, CancellationToken cancellationToken)
    {
        var download = await container.GetAsync(blobName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidModelException($"The model blob '{blobName}' (version {expectedVersion}) does not exist in container '{container.Name}'.");
        KnowledgeModel model;
        try
        {
            model = ModelJson.Deserialize(download.Content);
        }
        catch (InvalidModelException ex)
        {
            throw new InvalidModelException($"The model blob '{blobName}' in container '{container.Name}' cannot be read: {ex.Message}", ex);
        }

        if (model.Version.Length > 0 && model.Version != expectedVersion)
        {
            throw new InvalidModelException($"The model blob '{blobName}' holds version '{model.Version}', not '{expectedVersion}'.");
        }

        return model;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex VersionPattern();
}
