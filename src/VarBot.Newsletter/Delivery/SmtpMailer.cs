using System.Net.Sockets;
using System.Threading.Channels;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace VarBot.Newsletter.Delivery;

/// <summary>
/// A mail could not be handed to the SMTP server. <see cref="Transient"/>: worth another attempt (connection trouble,
/// a 4xx answer); otherwise the server refused it for good (5xx) or the settings are wrong (authentication, TLS).
/// The message never holds the recipient's address.
/// </summary>
public sealed class MailDeliveryException(string message, int? statusCode, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;

    public bool Transient { get; } = transient;
}

/// <summary>
/// Sends mail over a pool of MailKit <see cref="SmtpClient"/>s, each holding one connection that stays open between
/// mails (connected on first use, reconnected after a failure). The sockets are opened with TCP_NODELAY, so a mail does
/// not wait on Nagle's algorithm and the server's delayed ACK; MailKit pipelines MAIL/RCPT/DATA where the server allows.
/// </summary>
public sealed class SmtpMailer : IAsyncDisposable, IDisposable
{
    private readonly SmtpOptions _options;
    private readonly string _localDomain;
    private readonly Channel<SmtpClient> _pool;
    private readonly List<SmtpClient> _clients = [];

    public SmtpMailer(SmtpOptions options, string? localDomain = null)
    {
        _options = options;
        _localDomain = string.IsNullOrWhiteSpace(localDomain) ? "varbot.local" : localDomain;
        Connections = Math.Max(1, options.Connections);
        _pool = Channel.CreateBounded<SmtpClient>(Connections);
        for (var i = 0; i < Connections; i++)
        {
            var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds, LocalDomain = _localDomain };
            _clients.Add(client);
            _pool.Writer.TryWrite(client);
        }
    }

    public int Connections { get; }

    /// <summary>Sends one message on a pooled connection; throws <see cref="MailDeliveryException"/> when it cannot.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await _pool.Reader.ReadAsync(cancellationToken);
        try
        {
            await EnsureConnectedAsync(client, cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // The server answered with an error; MailKit has reset the transaction, the connection stays usable.
            var code = (int)ex.StatusCode;
            throw new MailDeliveryException($"SMTP {code} ({ex.ErrorCode})", code, code is >= 400 and < 500, ex);
        }
        catch (Exception ex) when (ex is AuthenticationException or SslHandshakeException or NotSupportedException)
        {
            await DisconnectQuietlyAsync(client);
            throw new MailDeliveryException($"SMTP connection refused by settings ({ex.GetType().Name})", null, transient: false, ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException)
        {
            await DisconnectQuietlyAsync(client);
            throw new MailDeliveryException($"SMTP connection failed ({ex.GetType().Name})", null, transient: true, ex);
        }
        catch (OperationCanceledException)
        {
            // A cancelled command leaves the connection in an unknown state.
            await DisconnectQuietlyAsync(client);
            throw;
        }
        finally
        {
            _pool.Writer.TryWrite(client);
        }
    }

    private async Task EnsureConnectedAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            return;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, cancellationToken);
            await client.ConnectAsync(socket, _options.Host, _options.Port, Map(_options.Security), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }
    }

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            await client.DisconnectAsync(quit: false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ObjectDisposedException)
        {
            // Already broken; the next send connects afresh.
        }
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true);
                }
                catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
                {
                    // The server went away first; nothing to close politely.
                }
            }

            client.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
