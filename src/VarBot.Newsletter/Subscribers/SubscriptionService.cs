using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using MimeKit;
using VarBot.Newsletter.Delivery;

namespace VarBot.Newsletter.Subscribers;

public enum SubscribeResult
{
    /// <summary>A new (or still pending) address got a confirmation link.</summary>
    ConfirmationSent,

    /// <summary>A confirmed address was left unchanged; its owner got a link to manage the subscription.</summary>
    ManageLinkSent,

    InvalidAddress,
    AddressTooLong,
    InvalidName,
    NameTooLong,

    /// <summary>Too many requests for this address or from this client: nothing stored, no mail.</summary>
    RateLimited,

    /// <summary>Stored, but the SMTP server did not take the mail.</summary>
    MailFailed,

    /// <summary>The subscriber kept changing concurrently.</summary>
    Busy,
}

/// <summary>
/// Double opt-in for unauthenticated requests (the /nieuwsbrief form, the bot's subscribe card). A new address is stored as
/// pending and gets a confirmation link; a known address is never changed: a pending one gets its confirmation link
/// again, a confirmed one a signed "beheer uw inschrijving" link. Mails are rate limited per address and per client,
/// and never quote the name that was typed in.
/// </summary>
public sealed class SubscriptionService(
    SubscriberStore store,
    SubscriptionTokens tokens,
    SmtpMailer mailer,
    MessageFactory messages,
    NewsletterLinks links,
    NewsletterOptions options,
    SubscriptionLimiter limiter,
    ILogger<SubscriptionService> logger)
{
    public const int MaxNameLength = 100;

    /// <param name="source">"formulier", "bot" or "cli": recorded as the consent source.</param>
    /// <param name="client">Who asks (e.g. the bot user's id), for the per-client limit; null when the caller limits clients itself.</param>
    public async Task<SubscribeResult> SubscribeAsync(string email, string? name, IReadOnlyList<string> themes, string source, string? client = null, CancellationToken cancellationToken = default)
    {
        if (CheckAddress(email) is { } addressProblem)
        {
            return addressProblem;
        }

        if (CheckName(name) is { } nameProblem)
        {
            return nameProblem;
        }

        email = email.Trim();
        var key = store.KeyOf(email);
        if (client is not null && !limiter.TryClient(client))
        {
            logger.SubscribeRateLimited(key, source, "client");
            return SubscribeResult.RateLimited;
        }

        if (!limiter.TryAddress(key))
        {
            logger.SubscribeRateLimited(key, source, "address");
            return SubscribeResult.RateLimited;
        }

        SubscribeOutcome outcome;
        try
        {
            outcome = await store.CreateAsync(email, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), themes, source, confirmed: false, cancellationToken);
        }
        catch (SubscriberConflictException)
        {
            return SubscribeResult.Busy;
        }

        var confirmed = outcome.Subscriber.Status == SubscriberStatus.Confirmed;
        var (subject, body) = confirmed
            ? (NewsletterTexts.ManageSubject, NewsletterTexts.ManageBody(links.PreferencesUrl(tokens.Create(TokenPurpose.Manage, key, options.ConfirmLinkLifetime)), options.ConfirmLinkLifetime))
            : (NewsletterTexts.ConfirmSubject, NewsletterTexts.ConfirmBody(links.ConfirmUrl(tokens.Create(TokenPurpose.Confirm, key, options.ConfirmLinkLifetime)), options.ConfirmLinkLifetime));
        try
        {
            // To the stored address, without a display name: nothing typed by the requester reaches the mail.
            using var message = messages.Create(outcome.Subscriber.Email, null, subject, body, null,
                messages.MessageId(confirmed ? "beheer" : "bevestigen", key + "." + Guid.NewGuid().ToString("N")[..8], "optin"), null);
            await mailer.SendAsync(message, cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            logger.SubscriptionMailFailed(key, ex.Message, ex);
            return SubscribeResult.MailFailed;
        }

        if (confirmed)
        {
            logger.ManageLinkSent(key, source);
            return SubscribeResult.ManageLinkSent;
        }

        logger.ConfirmationSent(key, source);
        return SubscribeResult.ConfirmationSent;
    }

    public static bool IsValidAddress(string? email) => CheckAddress(email) is null;

    /// <summary>Null when <paramref name="email"/> is a plain, deliverable-looking address (RFC 5321 lengths, no control characters).</summary>
    public static SubscribeResult? CheckAddress(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Any(char.IsControl))
        {
            return SubscribeResult.InvalidAddress;
        }

        var at = trimmed.LastIndexOf('@');
        if (trimmed.Length > 254 || at > 64)
        {
            return SubscribeResult.AddressTooLong;
        }

        return MailboxAddress.TryParse(trimmed, out var parsed)
            && string.IsNullOrEmpty(parsed.Name)
            && parsed.Address == trimmed
            && at > 0
            && trimmed.IndexOf('@') == at
            && parsed.Domain.Contains('.')
            && !parsed.Domain.StartsWith('.') && !parsed.Domain.EndsWith('.')
            && !trimmed.Any(char.IsWhiteSpace)
            ? null
            : SubscribeResult.InvalidAddress;
    }

    public static SubscribeResult? CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return SubscribeResult.InvalidName;
        }

        return name.Trim().Length > MaxNameLength ? SubscribeResult.NameTooLong : null;
    }

    /// <summary>The Dutch message for a refused request, for the form and the bot.</summary>
    public static string? ProblemText(SubscribeResult result) => result switch
    {
        SubscribeResult.InvalidAddress => NewsletterTexts.InvalidAddress,
        SubscribeResult.AddressTooLong => NewsletterTexts.AddressTooLong,
        SubscribeResult.InvalidName => NewsletterTexts.InvalidCharacters,
        SubscribeResult.NameTooLong => NewsletterTexts.NameTooLong(MaxNameLength),
        SubscribeResult.RateLimited => NewsletterTexts.TooManyRequests,
        SubscribeResult.MailFailed => NewsletterTexts.MailFailed,
        SubscribeResult.Busy => NewsletterTexts.Busy,
        _ => null,
    };
}

/// <summary>
/// Rate limits for subscription mails (System.Threading.RateLimiting, the limiters behind ASP.NET Core rate limiting):
/// fixed windows per subscriber key and per client. The HTTP form is also limited per client IP by the ASP.NET Core
/// middleware (policy <see cref="HttpPolicy"/>).
/// </summary>
public sealed class SubscriptionLimiter : IDisposable
{
    public const string HttpPolicy = "nieuwsbrief-formulier";

    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perClient;

    public SubscriptionLimiter(RateLimitOptions options)
    {
        _perAddress = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(options.MailsPerAddress, options.AddressWindow)));
        _perClient = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(options.RequestsPerClient, options.ClientWindow)));
    }

    public bool TryAddress(string subscriberKey) => Try(_perAddress, subscriberKey);

    public bool TryClient(string client) => Try(_perClient, client);

    private static bool Try(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    public void Dispose()
    {
        _perAddress.Dispose();
        _perClient.Dispose();
    }
}
