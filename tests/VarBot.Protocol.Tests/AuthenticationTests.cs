using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Moq;
using VarBot.Protocol.Auth;
using VarBot.Protocol.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Protocol.Tests;

/// <summary>Inbound Bot Connector tokens signed by a test RSA key served through a local OpenID metadata + JWKS endpoint.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "test-app-id";

    private FakeBotFramework _channel = null!;
    private BotHost _host = null!;
    private readonly Mock<IConnectorTokenProvider> _outboundTokens = new();

    public async Task InitializeAsync()
    {
        _channel = await FakeBotFramework.StartAsync(endorsements: ["msteams"]);
        _outboundTokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token-from-entra");
        _host = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppId"] = AppId,
                ["Bot:MicrosoftAppPassword"] = "not-used-outbound-is-mocked",
                ["Bot:OpenIdMetadataUrl"] = _channel.MetadataUrl,
            },
            services => services.AddSingleton(_outboundTokens.Object));
        _host.Bot.OnTurn = (turn, ct) => turn.SendTextAsync("ok", ct);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task ProcessAsync_ValidToken_Returns202AndReplyCarriesEntraToken()
    {
        using var response = await _host.PostAsync(Activities.Message(_channel.ServiceUrl), _channel.CreateToken(AppId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Poll.UntilAsync(() => _channel.Posts.Count == 1, "reply post");
        Assert.Equal("Bearer connector-token-from-entra", _channel.Posts.Single().Authorization);
        _outboundTokens.Verify(t => t.GetTokenAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_ServiceUrlWithTrailingSlashDifference_Returns202()
    {
        using var response = await _host.PostAsync(Activities.Message(_channel.ServiceUrl + "/"), _channel.CreateToken(AppId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("tampered signature")]
    [InlineData("tampered payload")]
    [InlineData("unknown key")]
    [InlineData("missing header")]
    [InlineData("not a jwt")]
    [InlineData("serviceUrl mismatch")]
    [InlineData("channel not endorsed")]
    public async Task ProcessAsync_BadToken_Returns401BeforeBotCode(string scenario)
    {
        var activity = Activities.Message(_channel.ServiceUrl);
        var now = DateTime.UtcNow;
        var token = scenario switch
        {
            "expired" => _channel.CreateToken(AppId, notBefore: now.AddHours(-2), expires: now.AddHours(-1)),
            "wrong audience" => _channel.CreateToken("some-other-bot"),
            "wrong issuer" => _channel.CreateToken(AppId, issuer: "https://evil.example"),
            "tampered signature" => FlipSignature(_channel.CreateToken(AppId)),
            "tampered payload" => SwapPayload(_channel.CreateToken(AppId), _channel.CreateToken(AppId, serviceUrl: "https://evil.example/")),
            "unknown key" => _channel.CreateToken(AppId, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "attacker" }),
            "missing header" => null,
            "not a jwt" => "hello",
            "serviceUrl mismatch" => _channel.CreateToken(AppId, serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "channel not endorsed" => _channel.CreateToken(AppId),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        if (scenario == "channel not endorsed")
        {
            activity.ChannelId = "webchat";
        }

        using var response = await _host.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0, _host.Bot.Turns);
        Assert.Empty(_channel.Posts);
    }

    [Fact]
    public async Task ProcessAsync_ExpiredWithinClockSkew_Returns202()
    {
        var now = DateTime.UtcNow;
        var token = _channel.CreateToken(AppId, notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-2));

        using var response = await _host.PostAsync(Activities.Message(_channel.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ProcessAsync_ManyRequests_FetchMetadataOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            using var response = await _host.PostAsync(Activities.Message(_channel.ServiceUrl, id: "a" + i), _channel.CreateToken(AppId));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(1, _channel.MetadataRequests);
    }

    [Fact]
    public async Task ProcessAsync_BadTokenAndBadBody_Returns401WithoutParsing()
    {
        using var response = await _host.PostJsonAsync("{ not json", "garbage");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ProcessAsync_ValidTokenAndBadBody_Returns400()
    {
        using var response = await _host.PostJsonAsync("{ not json", _channel.CreateToken(AppId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string FlipSignature(string jwt)
    {
        var parts = jwt.Split('.');
        var signature = parts[2].ToCharArray();
        var middle = signature.Length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{parts[1]}.{new string(signature)}";
    }

    private static string SwapPayload(string jwt, string otherJwt) =>
        $"{jwt.Split('.')[0]}.{otherJwt.Split('.')[1]}.{jwt.Split('.')[2]}";

}

/// <summary>Without an app id only loopback callers are served.</summary>
public sealed class LoopbackRuleTests
{
    [Fact]
    public async Task ProcessAsync_NoAppIdAndLoopbackCaller_Returns202()
    {
        await using var channel = await FakeBotFramework.StartAsync();
        await using var host = await BotHost.StartAsync();

        using var response = await host.PostAsync(Activities.Message(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ProcessAsync_NoAppIdAndNonLoopbackCaller_Returns403()
    {
        await using var channel = await FakeBotFramework.StartAsync();
        await using var host = await BotHost.StartAsync(callerAddress: IPAddress.Parse("203.0.113.7"));

        using var response = await host.PostAsync(Activities.Message(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Bot.Turns);
    }
}
