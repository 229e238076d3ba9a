namespace VarBot.TestSupport;

/// <summary>A real SMTP server (maildev) with its HTTP API for reading what arrived.</summary>
public sealed class MailDevFixture : IDisposable
{
    private readonly LocalServer _server;

    public MailDevFixture()
    {
        SmtpPort = LocalServer.FreePort();
        WebPort = LocalServer.FreePort();
        _server = LocalServer.Start(
            "maildev",
            ["--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "-s", SmtpPort.ToString(), "-w", WebPort.ToString(), "--mail-directory", "{dir}", "--silent"],
            [SmtpPort, WebPort]);
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>maildev's REST API: GET /email, GET /email/{id}/source, DELETE /email/all.</summary>
    public Uri WebApi => new($"http://127.0.0.1:{WebPort}/");

    public void Dispose() => _server.Dispose();
}
