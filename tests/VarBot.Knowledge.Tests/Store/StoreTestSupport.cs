using System.Collections.Concurrent;
using VarBot.Knowledge.Model;
using VarBot.Storage;

namespace VarBot.Knowledge.Tests.Store;

internal static class TestModels
{
    /// <summary>A small synthetic model; the real importer is not needed to test storage.</summary>
    public static KnowledgeModel Create(string version, int passages = 3) => new()
    {
        Version = version,
        Reports = [new Report("2025-2026", 2025, 2026, "Jaarverslag 2025 en jaarplan 2026", "jaarverslag-2025.txt")],
        Themes = [new Theme("digitaal", "Digitale veiligheid", true, ["cyber"], [], null)],
        Passages = Enumerable.Range(1, passages)
            .Select(i => new Passage($"p{i}", "2025-2026", "digitaal", "Digitale veiligheid", null, 2025, PassageKind.Done, false, $"Passage {i} over één thema ({version}).", new SourceRef("jaarverslag-2025.txt", i)))
            .ToList(),
    };

    public static async Task<bool> PollAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }
}

/// <summary>Records outgoing Authorization headers so tests can check the signature leaks nowhere.</summary>
internal sealed class AuthorizationRecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<string> Authorizations { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { } authorization)
        {
            Authorizations.Enqueue(authorization.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Passes everything to a real container, but holds the first pointer write of each publisher at a barrier so two
/// publishers both read the pointer before either writes it: the race made certain instead of likely.
/// </summary>
internal sealed class PointerRaceContainer(IBlobContainer inner, Barrier barrier) : IBlobContainer
{
    private int _held;

    public string Name => inner.Name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

    public Task<BlobDownload?> GetAsync(string blobName, CancellationToken cancellationToken = default) => inner.GetAsync(blobName, cancellationToken);

    public Task<BlobDownload?> GetAsync(string blobName, int maxBytes, CancellationToken cancellationToken = default) => inner.GetAsync(blobName, maxBytes, cancellationToken);

    public Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(blobName, cancellationToken);

    public async Task<string> PutAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, BlobCondition condition = default, CancellationToken cancellationToken = default)
    {
        if (blobName == VarBot.Knowledge.Store.ModelRepository.PointerBlob && Interlocked.Exchange(ref _held, 1) == 0)
        {
            await Task.Run(() => barrier.SignalAndWait(TimeSpan.FromSeconds(10)), cancellationToken);
        }

        return await inner.PutAsync(blobName, content, contentType, condition, cancellationToken);
    }

    public IAsyncEnumerable<BlobProperties> ListAsync(string? prefix = null, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string blobName, BlobCondition condition = default, CancellationToken cancellationToken = default) => inner.DeleteAsync(blobName, condition, cancellationToken);

    public Task<IBlobLease?> TryAcquireLeaseAsync(string blobName, TimeSpan duration, CancellationToken cancellationToken = default) =>
        inner.TryAcquireLeaseAsync(blobName, duration, cancellationToken);
}
