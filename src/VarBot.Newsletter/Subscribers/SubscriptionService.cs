using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Logging;
using VarBot.Newsletter.Delivery;

namespace VarBot.Newsletter.Subscribers;

public enum SubscribeResult
{
    ConfirmationSent,
    AlreadyConfirmed,
    InvalidAddress,
}

/// <summary>Double opt-in: a subscription is stored as pending and a signed confirmation link is mailed.</summary>
public sealed partial class SubscriptionService(
    SubscriberStore store,
    SubscriptionTokens tokens,
    SmtpMailer mailer,
    MessageFactory messages,
    NewsletterLinks links,
    NewsletterOptions options,
    ILogger<SubscriptionService> logger)
{
    /// <param name="source">"formulier", "bot" or "cli": recorded as the consent source.</param>
    public async Task<SubscribeResult> SubscribeAsync(string email, string? name, IReadOnlyList<string> themes, string source, CancellationToken cancellationToken = default)
    {
        if (!IsValidAddress(email))
        {
            return SubscribeResult.InvalidAddress;
        }

        var subscriber = await store.SubscribeAsync(email, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), themes, source, confirmed: false, cancellationToken);
        if (subscriber.Status == SubscriberStatus.Confirmed)
        {
            LogAlreadyConfirmed(subscriber.Key);
            return SubscribeResult.AlreadyConfirmed;
        }

        var url = links.ConfirmUrl(tokens.Create(TokenPurpose.Confirm, subscriber.Key, options.ConfirmLinkLifetime));
        var text = new StringBuilder()
            .Append(string.IsNullOrWhiteSpace(subscriber.Name) ? "Beste lezer," : $"Beste {subscriber.Name},").Append("\n\n")
            .Append("U hebt zich aangemeld voor de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam.\n")
            .Append("Bevestig uw aanmelding met deze link (geldig tot ").Append((int)options.ConfirmLinkLifetime.TotalHours).Append(" uur na aanmelding):\n\n")
            .Append(url).Append("\n\nHebt u zich niet aangemeld? Dan kunt u deze e-mail negeren; u ontvangt dan niets.\n")
            .ToString();
        using var message = messages.Create(subscriber.Email, subscriber.Name, "Bevestig uw aanmelding voor de VAR-nieuwsbrief", text, null,
            messages.MessageId("bevestigen", subscriber.Key + "." + Guid.NewGuid().ToString("N")[..8], "optin"), null);
        await mailer.SendAsync(message, cancellationToken);
        LogConfirmationSent(subscriber.Key, source);
        return SubscribeResult.ConfirmationSent;
    }

    public static bool IsValidAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim() && parsed.Host.Contains('.');

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Confirmation link sent to subscriber {SubscriberKey} (source {Source})")]
    private partial void LogConfirmationSent(string subscriberKey, string source);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Subscriber {SubscriberKey} subscribed again; already confirmed")]
    private partial void LogAlreadyConfirmed(string subscriberKey);
}
