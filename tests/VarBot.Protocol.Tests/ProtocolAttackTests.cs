using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using VarBot.Protocol.Connector;
using VarBot.Protocol.Tests.Infrastructure;
using VarBot.TestSupport;

namespace VarBot.Protocol.Tests;

/// <summary>
/// Reliability, protocol: each test reproduces an attack from the security and fault review against the real host
/// (Kestrel on loopback) and shows it now holds.
/// </summary>
public sealed class ProtocolAttackTests
{
    [Fact]
    public async Task NoAppIdOutsideDevelopment_HostRefusesToStart()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(environment: "Production"));

        Assert.Contains("Bot:MicrosoftAppId is required in the Production environment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAppIdListeningOnAllInterfaces_ReverseProxyCannotReachIt_HostStopsItself()
    {
        await using var host = await BotHost.StartAsync(listenAddress: IPAddress.Any);

        var stopped = await Task.Delay(Timeout.Infinite, host.Stopping).ContinueWith(_ => true).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(stopped);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 1013 && e.Message.Contains("0.0.0.0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://127.0.0.1@evil.example/")]
    public async Task ActivityNamingAForeignServiceUrl_NoAppId_IsRefusedAndNothingIsSent(string serviceUrl)
    {
        await using var host = await BotHost.StartAsync();
        host.Bot.OnTurn = (turn, ct) => turn.SendTextAsync("ok", ct);

        using var response = await host.PostAsync(Activities.Message(serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("serviceUrl is not an allowed connector address", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, host.Bot.Turns);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams", true)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://smba.trafficmanager.net@evil.example/", false)]
    [InlineData("https://evil.example/?x=smba.trafficmanager.net", false)]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("http://localhost:5000/", false)]
    [InlineData("http://[::1]:5000/", false)]
    public void ServiceUrlPolicy_WithAppId_AllowsOnlyTheBotFrameworkAndTeamsHosts(string serviceUrl, bool allowed)
    {
        var policy = new ServiceUrlPolicy(Options.Create(new BotOptions { MicrosoftAppId = "app" }));

        Assert.Equal(allowed, policy.IsAllowed(serviceUrl));
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "127.0.0.1", true)]
    [InlineData("Staging", null, false)]
    [InlineData("Development", null, true)]
    public void ServiceUrlPolicy_LoopbackServiceUrlWithAppId_OnlyInDevelopmentOrWhenConfigured(string environment, string? listedHost, bool allowed)
    {
        var options = new BotOptions { MicrosoftAppId = "app", AllowedServiceUrlHosts = listedHost is null ? null : [listedHost] };
        var policy = new ServiceUrlPolicy(Options.Create(options), new HostingEnvironment { EnvironmentName = environment });

        Assert.Equal(allowed, policy.IsAllowed("http://127.0.0.1:5000/"));
    }

    [Fact]
    public void ConnectorUri_ConversationIdWithPathAndQuery_IsEscapedIntoOneSegment()
    {
        var uri = ServiceUrlPolicy.ConversationUri("https://smba.trafficmanager.net/emea/", "../../admin?x=1#y", "a/b");

        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/..%2F..%2Fadmin%3Fx%3D1%23y/activities/a%2Fb", uri.AbsoluteUri);
        Assert.Equal("", uri.Query);
    }

    [Fact]
    public async Task InvalidToken_UnauthorizedBody_NamesNoValidationDetail()
    {
        await using var channel = await FakeBotFramework.StartAsync(endorsements: ["msteams"]);
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "test-app-id",
            ["Bot:MicrosoftAppPassword"] = "unused",
            ["Bot:OpenIdMetadataUrl"] = channel.MetadataUrl,
        });

        using var wrongAudience = await host.PostAsync(Activities.Message(channel.ServiceUrl), channel.CreateToken("another-app"));
        using var garbage = await host.PostAsync(Activities.Message(channel.ServiceUrl), "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Equal("unauthorized", await wrongAudience.Content.ReadAsStringAsync());
        Assert.Equal("unauthorized", await garbage.Content.ReadAsStringAsync());
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 1001 && e.Message.Contains("401", StringComparison.Ordinal) && !e.Message.EndsWith("unauthorized)", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SlowConnectorThatNeverAnswers_OneConversationFloods_OthersKeepTheirShareAndGetReplies()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections into its backlog and never answers
        var silentUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:ConnectorTimeout"] = "00:00:01" });
        host.Bot.OnTurn = (turn, ct) => turn.SendTextAsync("ok", ct);

        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await host.PostAsync(Activities.Message(silentUrl, conversationId: "flood"));
            flood.Add(response.StatusCode);
        }

        var others = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await host.PostAsync(Activities.Message(connector.ServiceUrl, conversationId: "other-" + i));
            others.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
        Assert.True(flood.Count(s => s == HttpStatusCode.Accepted) <= new BotOptions().MaxQueuedPerConversation + new BotOptions().MaxConcurrentTurns);
        Assert.All(others, s => Assert.Equal(HttpStatusCode.Accepted, s));
        await Poll.UntilAsync(() => connector.Received.Count == 10, "replies to the other conversations", TimeSpan.FromSeconds(30));
    }
}
