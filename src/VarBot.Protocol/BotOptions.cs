namespace VarBot.Protocol;

/// <summary>Configuration section "Bot". Without <see cref="MicrosoftAppId"/> the endpoint serves loopback callers only (local development).</summary>
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

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IReadOnlyList<string> EffectiveValidIssuers => ValidIssuers is { Length: > 0 } ? ValidIssuers : DefaultValidIssuers;
}
