namespace VarBot.Protocol;

/// <summary>Configuration section "Bot". Without <see cref="MicrosoftAppId"/> (Development only) the endpoint serves loopback callers only.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public static readonly IReadOnlyList<string> DefaultValidIssuers = ["https://api.botframework.com"];

    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret for outbound tokens: from the environment (Bot__MicrosoftAppPassword) or user secrets, never appsettings.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant for outbound tokens of a single-tenant bot; "botframework.com" when empty.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Accepted token issuers; <see cref="DefaultValidIssuers"/> when empty.</summary>
    public string[]? ValidIssuers { get; set; }

    /// <summary>Text of the message sent when a handler throws; the bot supplies its own wording.</summary>
    public string TurnErrorText { get; set; } = "Er ging iets mis. Probeer het later opnieuw.";

    /// <summary>Activities waiting for the background service; when full, requests get 429.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Background turns processed at the same time.</summary>
    public int MaxConcurrentTurns { get; set; } = 8;

    /// <summary>Queued activities of one conversation; more get 429, so one busy or slow conversation cannot fill the queue.</summary>
    public int MaxQueuedPerConversation { get; set; } = 20;

    /// <summary>Time limit of one call to the connector; a connector host that timed out is skipped for a while.</summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Hosts the bot may send to when it has an app id ("*.botframework.com" matches subdomains); the Bot Framework and
    /// Teams service hosts of the public and government clouds when empty. A loopback host ("127.0.0.1") is allowed
    /// outside Development only when named here.
    /// </summary>
    public string[]? AllowedServiceUrlHosts { get; set; }

    public static readonly IReadOnlyList<string> DefaultAllowedServiceUrlHosts =
        ["smba.trafficmanager.net", "*.botframework.com", "*.botframework.azure.us", "*.teams.microsoft.com", "*.teams.microsoft.us"];

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IReadOnlyList<string> EffectiveValidIssuers => ValidIssuers is { Length: > 0 } ? ValidIssuers : DefaultValidIssuers;

    public IReadOnlyList<string> EffectiveAllowedServiceUrlHosts => AllowedServiceUrlHosts is { Length: > 0 } ? AllowedServiceUrlHosts : DefaultAllowedServiceUrlHosts;
}
