namespace VarBot.TestSupport;

/// <summary>
/// A real Azurite (one process serving blob, queue and table) on free loopback ports, one per test class or collection
/// (xunit calls the parameterless constructor for a class or collection fixture). Tests of a class keep apart by unique
/// container names (<see cref="UniqueContainerName"/>; the subscriber table is named after the container). A test that
/// stops storage starts its own with <see cref="StartOwn"/> or <see cref="StartOn"/>.
/// </summary>
public sealed class AzuriteFixture : IDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    private readonly Server _server;
    private readonly bool _owned;

    /// <summary>
    /// An Azurite of the test class (or collection) that uses this fixture, stopped when xunit disposes it. (One Azurite
    /// shared by the whole assembly was faster, but under load a background-delivery test then lost its answer.)
    /// </summary>
    public AzuriteFixture()
        : this(Server.OnFreePorts(), owned: true)
    {
    }

    private AzuriteFixture(Server server, bool owned)
    {
        _server = server;
        _owned = owned;
    }

    /// <summary>The blob service's port.</summary>
    public int Port => _server.BlobPort;

    /// <summary>CPU time the Azurite process has used so far (benchmarks: what storage costs the machine).</summary>
    public TimeSpan ServerCpuTime => _server.CpuTime;

    /// <summary>The table service's port (newsletter subscribers).</summary>
    public int TablePort => _server.TablePort;

    /// <summary>An Azurite of the calling test's own, stopped when disposed: for a test that takes storage away.</summary>
    public static AzuriteFixture StartOwn() => new(Server.OnFreePorts(), owned: true);

    /// <summary>
    /// Starts an own Azurite on a given port: for a test whose host was configured before its storage was up. The table
    /// service listens on <paramref name="port"/> + 2, where the store looks for it when the connection string names only
    /// the blob endpoint (<see cref="ConnectionStringFor"/>).
    /// </summary>
    public static AzuriteFixture StartOn(int port) => new(Server.On(port), owned: true);

    /// <summary>
    /// The connection string of an Azurite on <paramref name="port"/>, whether or not one runs there yet. It names the blob
    /// endpoint only: the table endpoint is derived as port + 2 (see <see cref="StartOn"/>).
    /// </summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AccountName};";

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>A container name unique to the calling test, so tests sharing one Azurite do not interfere.</summary>
    public static string UniqueContainerName(string prefix = "t") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 32)].ToLowerInvariant();

    /// <summary>
    /// Breaks the lease on a blob at once, as its expiry would once the holder is gone: a crash test calls this after
    /// killing a process that held it, instead of waiting out the lease (15 to 60 seconds). Nothing if no lease is held.
    /// </summary>
    public async Task BreakLeaseAsync(string container, string blobName)
    {
        var blob = new Azure.Storage.Blobs.BlobContainerClient(ConnectionString, container).GetBlobClient(blobName);
        try
        {
            await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(blob).BreakAsync(TimeSpan.Zero);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status is 404 or 409)
        {
            // No such blob, or no lease on it (409 LeaseNotPresentWithLeaseOperation): nothing to break.
        }
    }

    /// <summary>Stops an own Azurite (<see cref="StartOwn"/>, <see cref="StartOn"/>); the shared one stays up for the other tests.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            _server.Dispose();
        }
    }

    /// <summary>One Azurite process with its blob, queue and table services.</summary>
    private sealed class Server(LocalServer process, int blobPort, int tablePort) : IDisposable
    {
        public int BlobPort { get; } = blobPort;

        public int TablePort { get; } = tablePort;

        /// <summary>On three free ports (blob, queue, table), ready once Azurite itself says each service listens.</summary>
        public static Server OnFreePorts()
        {
            var (process, ports) = LocalServer.StartOnFreePorts(
                "azurite",
                portCount: 3,
                ports => Arguments(ports[0], ports[1], ports[2]),
                ports => ports.Select(port => $"successfully listening at http://127.0.0.1:{port}"));
            return new(process, ports[0], ports[2]);
        }

        /// <summary>Blob on <paramref name="blobPort"/>, table on blobPort + 2 (ports a test chose before storage was up).</summary>
        public static Server On(int blobPort) =>
            new(LocalServer.Start("azurite", Arguments(blobPort, LocalServer.FreePort(), blobPort + 2), [blobPort, blobPort + 2]), blobPort, blobPort + 2);

        public TimeSpan CpuTime => process.CpuTime;

        public void Dispose() => process.Dispose();

        private static string[] Arguments(int blobPort, int queuePort, int tablePort) =>
        [
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
            "--location", "{dir}", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
        ];
    }
}
