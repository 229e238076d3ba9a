using Microsoft.Extensions.DependencyInjection;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Knowledge.Store;
using VarBot.Newsletter;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// The nieuwsbrief summary in channels, end to end in the real host: staff approve and send an issue with the real
/// newsletter sender (maildev), and the host's channel poster, which only reads the issue store, posts one card per
/// configured channel to a recording connector ("Create Conversation" in the channel, with the bot's id and tenant).
/// </summary>
public sealed class ChannelPostTests(AzuriteFixture azurite, MailDevFixture maildev) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public async Task SentIssue_TwoChannelsConfigured_OneSummaryCardPerChannel()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHostFactory(azurite, AzuriteFixture.UniqueContainerName("posts"), settings: new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "false",
            ["Newsletter:Smtp:Host"] = "127.0.0.1",
            ["Newsletter:Smtp:Port"] = maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Teams:ChannelPostInterval"] = "00:00:00.200",
            ["Teams:BotId"] = "28:varbot-app-id",
            ["Teams:TenantId"] = "tenant-1",
            ["Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Teams:NewsletterChannels:0:Id"] = "19:algemeen@thread.tacv2",
            ["Teams:NewsletterChannels:0:Name"] = "VAR-netwerk / Algemeen",
            ["Teams:NewsletterChannels:1:Id"] = "19:beleid@thread.tacv2",
            ["Teams:NewsletterChannels:1:ServiceUrl"] = connector.ServiceUrl + "emea/",
        });
        using var client = await host.StartAsync();
        var services = host.Services;
        var month = IssueMonth.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime));
        var model = services.GetRequiredService<IKnowledgeModelSource>().Current!;
        await services.GetRequiredService<SubscriberStore>().SubscribeAsync($"kanaal-{Guid.NewGuid():N}@example.org", null, ["mensenhandel"], "test", confirmed: true);
        var stored = await services.GetRequiredService<IssueEditor>().EnsureStoredAsync(model, month);
        await Task.Delay(TimeSpan.FromSeconds(1)); // five ticks with a composed but unsent issue: no post
        Assert.Empty(connector.Received);

        await services.GetRequiredService<IssueStore>().ApproveAsync(month, "redactie");
        var summary = await services.GetRequiredService<NewsletterSender>().SendAsync(month, new SendOptions());
        Assert.Equal(1, summary.Sent);
        await connector.WaitUntilAsync(r => r.Count >= 2, TimeSpan.FromSeconds(60), "two channel posts");
        await Task.Delay(TimeSpan.FromSeconds(1)); // five more ticks: nothing may follow

        Assert.Equal(2, connector.Received.Count);
        Assert.Equal(["19:algemeen@thread.tacv2", "19:beleid@thread.tacv2"], connector.Received.Select(r => (string?)r.Body["channelData"]?["channel"]?["id"]).Order());
        var emea = Assert.Single(connector.Received, r => r.Path.StartsWith("/emea/", StringComparison.Ordinal));
        Assert.Equal("/emea/v3/conversations", emea.Path);
        foreach (var post in connector.Received)
        {
            Assert.True(post.IsCreateConversation, post.Path);
            Assert.True((bool?)post.Body["isGroup"]);
            Assert.Equal("28:varbot-app-id", (string?)post.Body["bot"]?["id"]);
            Assert.Equal("tenant-1", (string?)post.Body["tenantId"]);
            Assert.Equal("tenant-1", (string?)post.Body["channelData"]?["tenant"]?["id"]);
            var card = post.Body["activity"]!["attachments"]![0]!["content"]!;
            Assert.Contains(stored.Issue.Subject, card.CardText());
            var read = Assert.Single(card.AllActions(), a => (string?)a["title"] == "Lees de nieuwsbrief");
            Assert.Equal(stored.Issue.WebUrl, (string?)read["url"]);
            foreach (var item in stored.Issue.Agenda.Take(3))
            {
                Assert.Contains(item.Title, card.CardText());
            }
        }
    }
}
