using VarBot.Knowledge.Model;
using Microsoft.Extensions.Logging;
using VarBot.Storage;

namespace VarBot.Knowledge.Store;

/// <param name="ModelBlobExisted">The version was already stored (publishing is idempotent).</param>
/// <param name="PreviousVersion">The version the pointer named before, if any.</param>
public sealed record PublishResult(string Version, string Blob, DateTimeOffset PublishedAt, bool ModelBlobExisted, string? PreviousVersion);

/// <summary>
/// Publishes a model in two steps: the immutable blob models/{version}.json (create-only), then the pointer
/// models/current.json under If-Match on the ETag read just before. Readers therefore see either the old or the new
/// model, never part of one; concurrent publishers both keep their versions and one of them ends up current.
/// </summary>
public sealed class ModelPublisher(IBlobContainer container, TimeProvider timeProvider, ILogger<ModelPublisher> logger)
{
    private const int MaxPointerAttempts = 20;

    private readonly ModelRepository _repository = new(container);

    public async Task<PublishResult> PublishAsync(KnowledgeModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelRepository.IsValidVersion(model.Version))
        {
            throw new ArgumentException($"The model's version '{model.Version}' cannot name a blob: use letters, digits, '.', '_' or '-'.", nameof(model));
        }

        if (model.SchemaVersion != KnowledgeModel.CurrentSchemaVersion)
        {
            throw new ArgumentException($"The model has schema version {model.SchemaVersion}; readers of this build expect {KnowledgeModel.CurrentSchemaVersion}.", nameof(model));
        }

        await container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var blob = ModelRepository.ModelBlobName(model.Version);
        var existed = false;
        try
        {
            await container.PutAsync(blob, ModelJson.Serialize(model), "application/json", BlobCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            KnowledgeLog.ModelBlobWritten(logger, blob);
        }
        catch (BlobConditionFailedException)
        {
            // Versions are content hashes: the stored blob is this model. Publishing again only moves the pointer.
            existed = true;
            KnowledgeLog.ModelBlobExisted(logger, blob);
        }

        return await MovePointerAsync(model.Version, blob, existed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Points models/current.json at an already published version (a rollback, or a roll forward again), under the
    /// same If-Match rule as a publish. Readers pick it up on their next refresh.
    /// </summary>
    /// <exception cref="ArgumentException">The version is not a valid version name.</exception>
    /// <exception cref="InvalidModelException">The version's blob does not exist or cannot be read as a model.</exception>
    public async Task<PublishResult> SetCurrentAsync(string version, CancellationToken cancellationToken = default)
    {
        // Loading proves the blob exists and is a model of this version that this build can read.
        await _repository.LoadVersionAsync(version, cancellationToken).ConfigureAwait(false);
        return await MovePointerAsync(version, ModelRepository.ModelBlobName(version), modelBlobExisted: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PublishResult> MovePointerAsync(string version, string blob, bool modelBlobExisted, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _repository.GetPointerAsync(cancellationToken).ConfigureAwait(false);
            var publishedAt = timeProvider.GetUtcNow();
            if (current?.Pointer.Version == version)
            {
                KnowledgeLog.AlreadyCurrent(logger, version);
                return new PublishResult(version, blob, current.Value.Pointer.PublishedAt, modelBlobExisted, current.Value.Pointer.Previous);
            }

            var pointer = new ModelPointer(version, publishedAt, blob, current?.Pointer.Version);
            var condition = current is { } found ? BlobCondition.IfUnchanged(found.ETag) : BlobCondition.IfNotExists;
            try
            {
                await container.PutAsync(ModelRepository.PointerBlob, pointer.ToJson(), "application/json", condition, cancellationToken).ConfigureAwait(false);
                KnowledgeLog.PointerMoved(logger, current?.Pointer.Version ?? "(none)", version, attempt);
                return new PublishResult(version, blob, publishedAt, modelBlobExisted, current?.Pointer.Version);
            }
            catch (BlobConditionFailedException) when (attempt < MaxPointerAttempts)
            {
                // Another publisher moved the pointer between our read and write: read it again and retry.
                KnowledgeLog.PointerRaced(logger, version, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 5))), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
