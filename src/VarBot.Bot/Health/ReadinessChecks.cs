using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using VarBot.Bot.Answers;
using VarBot.Knowledge.Store;
using VarBot.Storage;

namespace VarBot.Bot.Health;

/// <summary>Ready only once a knowledge model is loaded and the answering engine is built from it.</summary>
internal sealed class ModelLoadedHealthCheck(IBotKnowledge knowledge, IKnowledgeModelSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.Model is { } model
            ? source.Health.LastError is null
                ? HealthCheckResult.Healthy(data: Version(model.Version))
                : HealthCheckResult.Degraded("last refresh failed", data: Version(model.Version))
            : HealthCheckResult.Unhealthy("no knowledge model loaded"));

    /// <summary>The model version (a content hash, not a secret) so operators see which model serves.</summary>
    private static Dictionary<string, object> Version(string version) => new() { ["version"] = version };
}

/// <summary>
/// Degraded while blob storage does not answer (a properties request for a blob that may or may not exist): the host
/// still answers from the model in memory, so it stays in rotation; the reason goes to the log, not the response.
/// </summary>
internal sealed class StorageHealthCheck(IBlobContainer container, ILogger<StorageHealthCheck> logger) : IHealthCheck
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
            BotLog.StorageDegraded(logger, exception.GetType().Name, exception.Message);
            return HealthCheckResult.Degraded("blob storage unreachable");
        }
    }
}
