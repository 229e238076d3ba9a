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

    /// <summary>Scheduled composition on the bot host.</summary>
    public bool ScheduleEnabled { get; set; }

    /// <summary>Day of the month on which the scheduler composes the issue for that month.</summary>
    public int ScheduleDayOfMonth { get; set; } = 1;

    /// <summary>A model JSON file the scheduler composes from, when no other model source is registered.</summary>
    public string? ModelPath { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>Configuration section "Newsletter:Smtp". The password comes from the environment (Newsletter__Smtp__Password).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Parallel SMTP connections (one SmtpClient each).</summary>
    public int Connections { get; set; } = 4;

    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
