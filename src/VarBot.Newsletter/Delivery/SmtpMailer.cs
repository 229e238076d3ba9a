using System.Net;
using System.Net.Mail;
using System.Threading.Channels;

namespace VarBot.Newsletter.Delivery;

/// <summary>
/// Sends mail over a pool of <see cref="SmtpClient"/>s: one client holds one connection, so N clients give N
/// parallel connections. Callers rent a client per message.
/// </summary>
public sealed class SmtpMailer : IDisposable
{
    private readonly Channel<SmtpClient> _pool;
    private readonly List<SmtpClient> _clients = [];

    public SmtpMailer(SmtpOptions options)
    {
        Connections = Math.Max(1, options.Connections);
        _pool = Channel.CreateBounded<SmtpClient>(Connections);
        for (var i = 0; i < Connections; i++)
        {
            var client = new SmtpClient(options.Host, options.Port)
            {
                EnableSsl = options.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = (int)options.Timeout.TotalMilliseconds,
            };
            if (!string.IsNullOrEmpty(options.UserName))
            {
                client.Credentials = new NetworkCredential(options.UserName, options.Password);
            }

            _clients.Add(client);
            _pool.Writer.TryWrite(client);
        }
    }

    public int Connections { get; }

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var client = await _pool.Reader.ReadAsync(cancellationToken);
        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        finally
        {
            _pool.Writer.TryWrite(client);
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
