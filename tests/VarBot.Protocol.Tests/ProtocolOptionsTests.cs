using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VarBot.Protocol.Connector;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Tests;

public sealed class ProtocolOptionsTests
{
    [Fact]
    public void AddBotProtocol_PasswordInSettingsFile_Throws()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("varbot-protocol-").FullName, "appsettings.json");
        File.WriteAllText(file, """{"Bot":{"MicrosoftAppId":"id","MicrosoftAppPassword":"secret"}}""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddBotProtocol(configuration));

        Assert.Contains("Bot__MicrosoftAppPassword", exception.Message);
    }

    [Fact]
    public void AddBotProtocol_AppIdWithoutPassword_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = "id" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddBotProtocol(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotOptions>>().Value);
    }

    [Fact]
    public void AddBotProtocol_NoValidIssuersConfigured_UsesBotFrameworkIssuerOnly()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:ValidIssuers:0"] = "https://other.example" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddBotProtocol(configuration).BuildServiceProvider();
        var configured = provider.GetRequiredService<IOptions<BotOptions>>().Value;

        Assert.Equal(["https://other.example"], configured.EffectiveValidIssuers);
        Assert.Equal(["https://api.botframework.com"], new BotOptions().EffectiveValidIssuers);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", new BotOptions().OpenIdMetadataUrl);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "19:abc@thread.skype;messageid=1", "9", "https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D1/activities/9")]
    [InlineData("http://127.0.0.1:56150/_connector", "personal-1", null, "http://127.0.0.1:56150/_connector/v3/conversations/personal-1/activities")]
    public void ActivitiesUri_Activity_FollowsReplyToActivityRoute(string serviceUrl, string conversationId, string? replyToId, string expected)
    {
        var activity = new Activity { ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = conversationId }, ReplyToId = replyToId };

        Assert.Equal(expected, ConnectorClient.ActivitiesUri(activity).AbsoluteUri);
    }
}
