using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace VarBot.Bot.Answers;

/// <summary>The absolute address links in cards point to: VarBot:PublicBaseUrl, else the address this host listens on.</summary>
internal sealed class PublicAddress(IOptions<VarBotOptions> options, IServer server)
{
    public string? BaseUrl
    {
        get
        {
            if (options.Value.PublicBaseUrl is { } configured)
            {
                return configured.ToString().TrimEnd('/');
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return address?.TrimEnd('/');
        }
    }
}
