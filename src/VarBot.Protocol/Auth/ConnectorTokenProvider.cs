using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace VarBot.Protocol.Auth;

/// <summary>Bearer tokens for calls to the connector (serviceUrl); null means "send no Authorization header".</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>No app id configured (local development): connector calls go without a token.</summary>
internal sealed class AnonymousConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// Client credentials flow against Microsoft Entra ID with MSAL, which caches the token until shortly before it expires.
/// Spec: "Authentication with the Bot Connector API", section "Your bot to Bot Connector" (scope https://api.botframework.com/.default).
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string DefaultTenant = "botframework.com";

    private readonly IConfidentialClientApplication _application;

    public MsalConnectorTokenProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory)
    {
        var bot = options.Value;
        var tenant = string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId) ? DefaultTenant : bot.MicrosoftAppTenantId;
        _application = ConfidentialClientApplicationBuilder.Create(bot.MicrosoftAppId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(ProtocolHttpClients.Entra);
    }
}
