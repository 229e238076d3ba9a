namespace VarBot.Newsletter;

/// <summary>Configuration section "Newsletter".</summary>
public sealed class NewsletterOptions
{
    public const string SectionName = "Newsletter";

    /// <summary>The bot host's public URL that links in mails point to, e.g. https://varbot.example.nl.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>Base64 key (at least 32 bytes) that signs confirm and unsubscribe links; from environment or user secrets.</summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan ConfirmLinkLifetime { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(400);

    public string FromAddress { get; set; } = "nieuwsbrief@veiligheidsalliantie.nl";

    public string FromName { get; set; } = "VeiligheidsAlliantie regio Rotterdam";

    /// <summary>
    /// Scheduled composition and sending on the bot host: each month's issue is composed at the month's first check and
    /// sent, once approved, on its send date (<see cref="Composition.EditorialOptions.SendDayOfMonth"/>).
    /// </summary>
    public bool ScheduleEnabled { get; set; }

    /// <summary>A model JSON file the scheduler composes from, when no other model source is registered.</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// The Azure Table that holds the subscribers (in the storage account of Storage:Container). Empty: "subscribers"
    /// followed by the container name without hyphens (container "varbot": table "subscribersvarbot"), so two
    /// installations sharing an account keep their subscribers apart.
    /// </summary>
    public string? SubscriberTable { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>Configuration section "Newsletter:RateLimits": how often the public forms may be used.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Confirmation or management mails to one address per <see cref="AddressWindow"/>.</summary>
    public int MailsPerAddress { get; set; } = 3;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Form posts from one client (IP address, or bot user) per <see cref="ClientWindow"/>.</summary>
    public int RequestsPerClient { get; set; } = 10;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>How the SMTP connection is secured (MailKit's SecureSocketOptions).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP; only for a relay on the same host or a local test server.</summary>
    None,

    /// <summary>STARTTLS when the server offers it, else plain. The default, so a local maildev works without settings.</summary>
    StartTlsWhenAvailable,

    /// <summary>STARTTLS required: the connection fails if the server does not offer it. Use this in production.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}

/// <summary>Configuration section "Newsletter:Smtp". The password comes from the environment (Newsletter__Smtp__Password).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;

    /// <summary>When set, the client authenticates (SASL, the strongest mechanism both sides know) after TLS.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Parallel SMTP connections in the pool (each kept open between mails).</summary>
    public int Connections { get; set; } = 4;

    /// <summary>Attempts per mail; 1 means no retry.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
