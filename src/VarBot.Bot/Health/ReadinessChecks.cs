using Microsoft.Extensions.Diagnostics.HealthChecks;
using VarBot.Bot.Answers;
using VarBot.Knowledge.Store;
using VarBot.Storage;

namespace VarBot.Bot.Health;

/// <summary>Ready only once a knowledge model is loaded and the answering engine is built from it.</summary>
internal sealed class ModelLoadedHealthCheck(IBotKnowledge knowledge, IKnowledgeModelSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = source.Health;
        return Task.FromResult(knowledge.Model is { } model
            ? HealthCheckResult.Healthy("model " + model.Version + (health.LastError is { } stale ? " (last refresh failed: " + stale + ")" : ""))
            : HealthCheckResult.Unhealthy("no knowledge model loaded from " + health.Source + (health.LastError is { } error ? ": " + error : "")));
    }
}

/// <summary>Ready only while blob storage answers (a properties request for a blob that may or may not exist).</summary>
internal sealed class StorageHealthCheck(IBlobContainer container) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await container.GetPropertiesAsync("conversations/.probe", timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is BlobStorageException or HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("blob storage unreachable: " + exception.GetType().Name);
        }
    }
}
