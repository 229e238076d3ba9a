namespace VarBot.TestSupport;

/// <summary>A real Azurite blob service and table service for one test class (or collection), on free loopback ports.</summary>
public sealed class AzuriteFixture : IDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    private readonly LocalServer _server;
    private readonly LocalServer _tables;

    public AzuriteFixture()
        : this(LocalServer.FreePort())
    {
    }

    private AzuriteFixture(int port, int? tablePort = null)
    {
        Port = port;
        TablePort = tablePort ?? LocalServer.FreePort();
        _server = LocalServer.Start(
            "azurite-blob",
            ["--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", "{dir}", "--silent", "--skipApiVersionCheck", "--loose"],
            [Port]);
        try
        {
            _tables = LocalServer.Start(
                "azurite-table",
                ["--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(), "--location", "{dir}", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry"],
                [TablePort]);
        }
        catch
        {
            _server.Dispose();
            throw;
        }
    }

    /// <summary>The blob service's port.</summary>
    public int Port { get; }

    /// <summary>The table service's port (newsletter subscribers).</summary>
    public int TablePort { get; }

    /// <summary>
    /// Starts Azurite on a given port: for a test whose host was configured before its storage was up. The table service
    /// listens on <paramref name="port"/> + 2, where the store looks for it when the connection string names only the
    /// blob endpoint (<see cref="ConnectionStringFor"/>).
    /// </summary>
    public static AzuriteFixture StartOn(int port) => new(port, port + 2);

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

    /// <summary>Stops both services.</summary>
    public void Dispose()
    {
        _tables.Dispose();
        _server.Dispose();
    }
}
