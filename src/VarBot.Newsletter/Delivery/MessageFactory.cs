using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace VarBot.Newsletter.Delivery;

/// <summary>Builds multipart/alternative messages (text, then HTML) with our own Message-ID and RFC 8058 headers.</summary>
public sealed class MessageFactory(NewsletterOptions options)
{
    private readonly string _domain = options.FromAddress.Split('@') is [_, var domain] ? domain : "varbot.local";

    public string MessageId(string month, string subscriberKey, string kind = "nb") => $"<{kind}.{month}.{subscriberKey}@{_domain}>";

    public MailMessage Create(string to, string? name, string subject, string text, string? html, string messageId, string? unsubscribeUrl)
    {
        var message = new MailMessage
        {
            From = new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8),
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(to, name, Encoding.UTF8));
        message.Headers["Message-ID"] = messageId;
        if (unsubscribeUrl is not null)
        {
            message.Headers["List-Unsubscribe"] = $"<{unsubscribeUrl}>";
            message.Headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }

        var plain = AlternateView.CreateAlternateViewFromString(text, Encoding.UTF8, MediaTypeNames.Text.Plain);
        plain.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(plain);
        if (html is not null)
        {
            var rich = AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html);
            rich.TransferEncoding = TransferEncoding.QuotedPrintable;
            message.AlternateViews.Add(rich);
        }

        return message;
    }
}
