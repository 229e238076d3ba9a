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

        for (var attempt = 1; ; attempt++)
        {
            var current = await _repository.GetPointerAsync(cancellationToken).ConfigureAwait(false);
            var publishedAt = timeProvider.GetUtcNow();
            if (current?.Pointer.Version == model.Version)
            {
                KnowledgeLog.AlreadyCurrent(logger, model.Version);
                return new PublishResult(model.Version, blob, current.Value.Pointer.PublishedAt, existed, current.Value.Pointer.Previous);
            }

            var pointer = new ModelPointer(model.Version, publishedAt, blob, current?.Pointer.Version);
            var condition = current is { } found ? BlobCondition.IfUnchanged(found.ETag) : BlobCondition.IfNotExists;
            try
            {
                await container.PutAsync(ModelRepository.PointerBlob, pointer.ToJson(), "application/json", condition, cancellationToken).ConfigureAwait(false);
                KnowledgeLog.PointerMoved(logger, current?.Pointer.Version ?? "(none)", model.Version, attempt);
                return new PublishResult(model.Version, blob, publishedAt, existed, current?.Pointer.Version);
            }
            catch (BlobConditionFailedException) when (attempt < MaxPointerAttempts)
            {
                // Another publisher moved the pointer between our read and write: read it again and retry.
                KnowledgeLog.PointerRaced(logger, model.Version, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 5))), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
