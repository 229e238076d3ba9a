namespace VarBot.TestSupport;

/// <summary>A real SMTP server (maildev) with its HTTP API for reading what arrived.</summary>
public sealed class MailDevFixture : IDisposable
{
    private readonly LocalServer _server;

    public MailDevFixture()
    {
        // Not --silent: its start lines are how this process (not another that took a free port) is known to listen.
        var (server, ports) = LocalServer.StartOnFreePorts(
            "maildev",
            portCount: 2,
            ports => ["--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "-s", ports[0].ToString(), "-w", ports[1].ToString(), "--mail-directory", "{dir}"],
            ports => [$"SMTP Server running at 127.0.0.1:{ports[0]}", $"webapp running at http://127.0.0.1:{ports[1]}"]);
        _server = server;
        SmtpPort = ports[0];
        WebPort = ports[1];
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>maildev's REST API: GET /email, GET /email/{id}/source, DELETE /email/all.</summary>
    public Uri WebApi => new($"http://127.0.0.1:{WebPort}/");

    public void Dispose() => _server.Dispose();
}
