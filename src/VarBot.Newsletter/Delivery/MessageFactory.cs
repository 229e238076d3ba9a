using MimeKit;

namespace VarBot.Newsletter.Delivery;

/// <summary>Builds MimeKit messages: multipart/alternative (text, then HTML), our own Message-ID and RFC 8058 headers.</summary>
public sealed class MessageFactory(NewsletterOptions options)
{
    public string Domain { get; } = options.FromAddress.Split('@') is [_, var domain] ? domain : "varbot.local";

    /// <summary>A Message-ID in angle brackets, the same for every copy of one subscriber's mail of one issue.</summary>
    public string MessageId(string month, string subscriberKey, string kind = "nb") => $"<{kind}.{month}.{subscriberKey}@{Domain}>";

    /// <summary>
    /// A message to <paramref name="to"/>. Throws <see cref="FormatException"/> (MimeKit's ParseException) when the address
    /// cannot be parsed. <paramref name="name"/> becomes the recipient's display name; pass null to keep it out.
    /// </summary>
    public MimeMessage Create(string to, string? name, string subject, string text, string? html, string messageId, string? unsubscribeUrl)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = messageId.Trim('<', '>'),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        var recipient = MailboxAddress.Parse(to.Trim());
        recipient.Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        message.To.Add(recipient);
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
