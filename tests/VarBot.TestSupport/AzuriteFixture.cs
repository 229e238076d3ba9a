namespace VarBot.TestSupport;

/// <summary>A real Azurite blob service for one test class (or collection), on a free loopback port.</summary>
public sealed class AzuriteFixture : IDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    private readonly LocalServer _server;

    public AzuriteFixture()
        : this(LocalServer.FreePort())
    {
    }

    private AzuriteFixture(int port)
    {
        Port = port;
        _server = LocalServer.Start(
            "azurite-blob",
            ["--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", "{dir}", "--silent", "--skipApiVersionCheck", "--loose"],
            [Port]);
    }

    public int Port { get; }

    /// <summary>Starts Azurite on a given port: for a test whose host was configured before its storage was up.</summary>
    public static AzuriteFixture StartOn(int port) => new(port);

    /// <summary>The connection string of an Azurite on <paramref name="port"/>, whether or not one runs there yet.</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AccountName};";

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>A container name unique to the calling test, so tests sharing one Azurite do not interfere.</summary>
    public static string UniqueContainerName(string prefix = "t") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 32)].ToLowerInvariant();

    public void Dispose() => _server.Dispose();
}
