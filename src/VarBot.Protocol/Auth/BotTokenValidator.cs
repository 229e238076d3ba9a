using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace VarBot.Protocol.Auth;

/// <summary>The outcome of checking a bearer token; <see cref="ServiceUrl"/> and <see cref="Endorsements"/> are compared with the activity afterwards.</summary>
internal sealed record TokenCheck(bool IsValid, string? Failure, string? ServiceUrl = null, IReadOnlyList<string>? Endorsements = null)
{
    public static TokenCheck Fail(string reason) => new(false, reason);
}

/// <summary>
/// Validates tokens sent by the Bot Connector service.
/// Spec: Azure Bot Service docs, "Authentication with the Bot Connector API", section "Bot Connector to your bot".
/// </summary>
internal sealed class BotTokenValidator
{
    /// <summary>The spec's "industry-standard clock skew" for the lifetime check.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string ServiceUrlClaim = "serviceurl";

    private readonly BotOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ILogger<BotTokenValidator> _logger;

    public BotTokenValidator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, ILogger<BotTokenValidator> logger)
    {
        _options = options.Value;
        _logger = logger;
        var metadataUri = new Uri(_options.OpenIdMetadataUrl);

        // Plain http is accepted for a loopback metadata endpoint only (tests, local emulators).
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(ProtocolHttpClients.OpenIdMetadata))
        {
            RequireHttps = !metadataUri.IsLoopback,
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUri.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public async Task<TokenCheck> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("missing bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        if (token.Length == 0 || !_handler.CanReadToken(token))
        {
            return Refuse("unreadable token");
        }

        var result = await ValidateOnceAsync(token, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: fetch the metadata again once before refusing.
            _metadata.RequestRefresh();
            result = await ValidateOnceAsync(token, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            return Refuse(result.Exception?.GetType().Name ?? "invalid token");
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst(c => string.Equals(c.Type, ServiceUrlClaim, StringComparison.OrdinalIgnoreCase))?.Value;
        var endorsements = await FindEndorsementsAsync(result.SecurityToken as JsonWebToken, cancellationToken).ConfigureAwait(false);
        return new TokenCheck(true, null, serviceUrl, endorsements);
    }

    /// <summary>The serviceUrl claim must equal the activity's serviceUrl (spec, bullet on "serviceUrl").</summary>
    public static bool ServiceUrlMatches(string? claim, string? activityServiceUrl) =>
        claim is not null && activityServiceUrl is not null &&
        string.Equals(claim.TrimEnd('/'), activityServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>A signing key that lists endorsements must endorse the activity's channel.</summary>
    public static bool EndorsementsAllow(IReadOnlyList<string>? endorsements, string? channelId) =>
        endorsements is null || string.IsNullOrEmpty(channelId) || endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);

    private async Task<TokenValidationResult> ValidateOnceAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            // Metadata unreachable: no key can be trusted, so the token is refused (401), not a 5xx.
            return new TokenValidationResult { IsValid = false, Exception = exception };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = _options.EffectiveValidIssuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = ClockSkew,
        };
        return await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>?> FindEndorsementsAsync(JsonWebToken? token, CancellationToken cancellationToken)
    {
        if (token?.Kid is not { } kid)
        {
            return null;
        }

        var configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ToString())],
            IEnumerable<object> items => [.. items.Select(i => i.ToString() ?? string.Empty)],
            _ => [value.ToString() ?? string.Empty],
        };
    }

    private TokenCheck Refuse(string reason)
    {
        _logger.TokenRefused(reason);
        return TokenCheck.Fail(reason);
    }
}

/// <summary>Loopback test for callers when no app id is configured.</summary>
internal static class Loopback
{
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
