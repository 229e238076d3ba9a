using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

public sealed partial class DeliveryTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private static readonly IssueMonth March = IssueMonth.Parse("2026-03");

    [Fact]
    public async Task Send_FiftySubscribersWithThemes_EachGetsOneCorrectDigestAndUnsubscribeWorks()
    {
        var model = servers.Seeds.Model;
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, TestSupport.AzuriteFixture.UniqueContainerName("nl"));
        await container.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync(servers, container, model);
        using var maildev = new MailDevClient(servers.MailDev);
        await maildev.ClearAsync();
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var chosen = new Dictionary<string, string[]>();
        for (var i = 0; i < 50; i++)
        {
            var email = $"abonnee{i:D2}@example.org";
            chosen[email] = servers.Seeds.ThemeIds.Where((_, t) => (i >> t & 1) == 1).ToArray();
            await store.CreateAsync(email, i % 2 == 0 ? $"Zoë {i}" : null, chosen[email], "test", confirmed: true);
        }

        await store.CreateAsync("pending@example.org", null, [], "test", confirmed: false);
        await host.Services.GetRequiredService<IssueEditor>().ComposeAsync(model, March);
        var sender = host.Services.GetRequiredService<NewsletterSender>();

        await Assert.ThrowsAsync<IssueNotApprovedException>(() => sender.SendAsync(March, new SendOptions()));
        await host.Services.GetRequiredService<IssueStore>().ApproveAsync(March, "test");
        var summary = await sender.SendAsync(March, new SendOptions());

        Assert.Equal(50, summary.Sent);
        Assert.Equal(1, summary.NotConfirmed);
        Assert.Empty(summary.Failed);
        var mails = await maildev.WaitForCountAsync(50, TimeSpan.FromSeconds(30));
        Assert.Equal(50, mails.Count);
        Assert.Equal(chosen.Keys.Order(), mails.Select(MailDevClient.To).Order());
        var issue = (await host.Services.GetRequiredService<IssueStore>().LoadAsync(March))!.Issue;
        foreach (var mail in mails)
        {
            var to = MailDevClient.To(mail);
            Assert.Equal(issue.Subject, mail.GetProperty("subject").GetString());
            var text = mail.GetProperty("text").GetString()!;
            var html = mail.GetProperty("html").GetString()!;
            Assert.Contains("maandag 23 maart 2026", text);
            Assert.Contains("maandag 23 maart 2026", html);
            Assert.Equal($"<nb.2026-03.{store.KeyOf(to)}@var.test>", MailDevClient.Header(mail, "message-id"));
            Assert.Equal("List-Unsubscribe=One-Click", MailDevClient.Header(mail, "list-unsubscribe-post"));
            Assert.StartsWith($"<{host.BaseUrl}/nieuwsbrief/afmelden?token=", MailDevClient.Header(mail, "list-unsubscribe"));
            var themes = chosen[to];
            // The mensenhandel news item is in full only for those who chose mensenhandel or no theme at all.
            var fullMensenhandel = themes.Length == 0 || themes.Contains("mensenhandel");
            Assert.Equal(fullMensenhandel, text.Contains("Gemeenten kunnen bij de VAR terecht", StringComparison.Ordinal));
            Assert.Contains(to.Contains("00", StringComparison.Ordinal) ? "Beste Zoë 0," : "Beste", text);
        }

        var source = await maildev.SourceAsync(mails[0].GetProperty("id").GetString()!);
        Assert.Contains("multipart/alternative", source);

        // Unsubscribe: the link in the mail works against the running host (RFC 8058 one-click POST).
        var victim = mails.First(m => MailDevClient.To(m) == "abonnee07@example.org");
        var link = MailDevClient.Header(victim, "list-unsubscribe")!.Trim('<', '>');
        using var http = new HttpClient();
        var page = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Ja, meld mij af", await page.Content.ReadAsStringAsync());
        Assert.NotNull(await store.GetAsync("abonnee07@example.org"));
        var post = await http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("U bent afgemeld", await post.Content.ReadAsStringAsync());
        Assert.Null(await store.GetAsync("abonnee07@example.org"));

        // A tampered link gets a Dutch page and changes nothing.
        var tampered = await http.PostAsync(link.Replace("token=", "token=x", StringComparison.Ordinal), null);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("ongeldig of verlopen", await tampered.Content.ReadAsStringAsync());

        // A second run sends nothing more.
        var again = await sender.SendAsync(March, new SendOptions());
        Assert.Equal(0, again.Sent);
        Assert.Equal(49, again.AlreadySent);
    }

    [Fact]
    public async Task Subscribe_FormThenConfirmLink_DoubleOptIn()
    {
        var model = servers.Seeds.Model;
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, TestSupport.AzuriteFixture.UniqueContainerName("nl"));
        await container.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync(servers, container, model);
        using var maildev = new MailDevClient(servers.MailDev);
        using var http = new HttpClient();
        var address = $"optin{Guid.NewGuid():N}"[..14] + "@example.org";

        var form = await http.GetStringAsync(host.BaseUrl + "/nieuwsbrief");
        Assert.Contains("Mensenhandel", form);
        var response = await http.PostAsync(host.BaseUrl + "/nieuwsbrief", new FormUrlEncodedContent(
            [new("email", address), new("naam", "Zoë"), new("thema", "mensenhandel"), new("thema", "onbekend")]));
        Assert.Contains("Bijna klaar", await response.Content.ReadAsStringAsync());
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var pending = (await store.GetAsync(address))!.Value.Subscriber;
        Assert.Equal(SubscriberStatus.Pending, pending.Status);
        Assert.Equal(["mensenhandel"], pending.Themes);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        System.Text.Json.JsonElement? mail = null;
        while (mail is null && DateTime.UtcNow < deadline)
        {
            mail = (await maildev.AllAsync()).Cast<System.Text.Json.JsonElement?>().FirstOrDefault(m => MailDevClient.To(m!.Value) == address);
            await Task.Delay(25);
        }

        var link = ConfirmLink().Match(mail!.Value.GetProperty("text").GetString()!).Value;
        var bad = await http.GetAsync(link[..^3] + "abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await store.GetAsync(address))!.Value.Subscriber.Status);
        // GET only shows the page with the button; the POST confirms.
        var page = await http.GetStringAsync(link);
        Assert.Contains("Aanmelding bevestigen", page);
        Assert.Equal(SubscriberStatus.Pending, (await store.GetAsync(address))!.Value.Subscriber.Status);
        var ok = await (await http.PostAsync(link, new FormUrlEncodedContent([new("thema", "mensenhandel")]))).Content.ReadAsStringAsync();
        Assert.Contains("Aanmelding bevestigd", ok);
        Assert.Equal(SubscriberStatus.Confirmed, (await store.GetAsync(address))!.Value.Subscriber.Status);
    }

    [Fact]
    public async Task Send_BadAddressAmongGood_ReportsFailureAndSendsRest()
    {
        var model = servers.Seeds.Model;
        var (services, _) = await Harness.ServicesAsync(servers, model);
        await using var _ = services;
        var store = services.GetRequiredService<SubscriberStore>();
        await store.CreateAsync("goed1@example.org", null, [], "test", confirmed: true);
        await store.CreateAsync("fout adres@@example", null, [], "test", confirmed: true);
        await store.CreateAsync("goed2@example.org", null, [], "test", confirmed: true);
        await services.GetRequiredService<IssueEditor>().ComposeAsync(model, March);
        await services.GetRequiredService<IssueStore>().ApproveAsync(March, "test");

        var dry = await services.GetRequiredService<NewsletterSender>().SendAsync(March, new SendOptions(DryRun: true));
        var limited = await services.GetRequiredService<NewsletterSender>().SendAsync(March, new SendOptions(Limit: 1));
        var summary = await services.GetRequiredService<NewsletterSender>().SendAsync(March, new SendOptions());

        Assert.True(dry.DryRun);
        Assert.Equal(3, dry.Sent); // a dry run builds every mail and sends none
        Assert.Equal(1, limited.Sent + limited.Failed.Count); // --limit 1: one attempt, whichever key lists first
        Assert.Equal(2, limited.NotAttempted);
        Assert.Equal(2, limited.Sent + summary.Sent);
        Assert.Equal(limited.Sent, summary.AlreadySent);
        var failure = Assert.Single(summary.Failed);
        Assert.Equal(store.KeyOf("fout adres@@example"), failure.SubscriberKey);
        Assert.Equal("ongeldig e-mailadres", failure.Reason);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/nieuwsbrief/bevestigen\?token=\S+")]
    private static partial Regex ConfirmLink();
}
