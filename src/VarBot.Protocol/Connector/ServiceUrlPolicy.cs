using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VarBot.Protocol.Connector;

/// <summary>
/// Which connector addresses the bot may POST to. With an app id: https on a host of
/// <see cref="BotOptions.AllowedServiceUrlHosts"/> ("*.botframework.com" matches any subdomain). Loopback hosts (the Agents
/// Playground, a local emulator) only in Development, without an app id (which is Development only), or when
/// AllowedServiceUrlHosts names them. So an activity cannot make the bot send its token, or anything, to a host the caller
/// chose, nor to a service on the bot's own machine in production.
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<BotOptions> options, IHostEnvironment? environment = null)
{
    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var bot = options.Value;
        if (IsLoopbackHost(uri))
        {
            return !bot.IsAuthenticationEnabled || environment?.IsDevelopment() == true
                || (bot.AllowedServiceUrlHosts ?? []).Any(host => string.Equals(host, uri.IdnHost, StringComparison.OrdinalIgnoreCase));
        }

        return bot.IsAuthenticationEnabled && uri.Scheme == Uri.UriSchemeHttps
            && bot.EffectiveAllowedServiceUrlHosts.Any(pattern => Matches(uri.IdnHost, pattern));
    }

    /// <summary>"https://smba.trafficmanager.net/emea/" + "/v3/conversations/{escaped id}/activities[/{escaped reply id}]".</summary>
    public static Uri ConversationUri(string serviceUrl, string conversationId, string? activityId = null)
    {
        var path = serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities";
        if (!string.IsNullOrEmpty(activityId))
        {
            path += "/" + Uri.EscapeDataString(activityId);
        }

        return new Uri(path, UriKind.Absolute);
    }

    private static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool Matches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
}
