using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Newsletter;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Subscribers;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// The console's send progress lives in storage, not in the host: a send is started on one host, the host stops, and a
/// new host on the same Azurite container shows where the send stands, resumes it, and shows the send log when done.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StaffConsoleRestartTests(AzuriteFixture azurite, MailDevFixture maildev) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private const int Subscribers = 20;

    private static readonly IssueMonth January = IssueMonth.Parse("2027-01");

    [Fact]
    public async Task Send_HostStoppedMidSendThenNewHost_PageShowsProgressFromStorageResumesAndShowsLog()
    {
        var domain = $"@herstart-{Guid.NewGuid():N}"[..20] + ".test";
        // An SMTP server that accepts connections and never answers: the first host's send hangs mid-way.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        var accepting = AcceptForeverAsync(silent, held);

        string container;
        await using (var first = new ConsoleHost(azurite, ((IPEndPoint)silent.LocalEndpoint).Port, settings: new Dictionary<string, string?> { ["Newsletter:Smtp:Timeout"] = "00:05:00" }))
        {
            await first.StartAsync();
            container = first.Container;
            var store = first.Services.GetRequiredService<SubscriberStore>();
            for (var i = 0; i < Subscribers; i++)
            {
                await store.SubscribeAsync($"lezer{i:D2}{domain}", null, [], "test", confirmed: true);
            }

            using var staff = await first.SignInAsync("Anna");
            var page = "/beheer/nieuwsbrief/2027-01";
            Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync(page)).StatusCode);
            var stored = await first.Services.GetRequiredService<VarBot.Newsletter.Issues.IssueStore>().LoadAsync(January);
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page + "/goedkeuren", ("inhoud", stored!.ContentHash))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page + "/versturen")).StatusCode);

            // The run has written its progress to storage (all subscribers counted, none sent: the SMTP server is silent).
            var progress = await WaitForAsync(() => first.Services.GetRequiredService<SendProgressQuery>().GetAsync(January), p => p is { Total: Subscribers });
            Assert.Equal(0, progress!.Sent);
            Assert.False(progress.Done);
            var running = await staff.Http.GetFromJsonAsync<JsonElement>(page + "/voortgang");
            Assert.False(running.GetProperty("klaar").GetBoolean());
        }

        // Stopped: its run was cancelled with it and wrote nothing after that.
        var before = await Blob(container, SendProgressQuery.ProgressBlob(January));

        // A new host on the same container, ten minutes later, with a working SMTP server.
        var later = new FakeTimeProvider(ConsoleHost.FourDecember.AddMinutes(10));
        await using var second = new ConsoleHost(azurite, maildev.SmtpPort, container, later);
        await second.StartAsync();
        Assert.Equal(before, await Blob(container, SendProgressQuery.ProgressBlob(January)));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var tab = await ConsoleBrowser.NewPageAsync(browser, second.BaseUrl);
        await ConsoleBrowser.SignInAsync(tab, second.BaseUrl, "/beheer/nieuwsbrief/2027-01", "Bram");
        Assert.Equal("stopped", await tab.GetAttributeAsync("#verzending", "data-fase"));
        Assert.Equal("0", await tab.InnerTextAsync("#verzonden"));
        Assert.Equal(Subscribers.ToString(), await tab.InnerTextAsync("#resterend"));
        Assert.Equal(Subscribers.ToString(), await tab.InnerTextAsync("#totaal"));
        Assert.Contains("staat stil sinds", await tab.InnerTextAsync("#verzendmelding"), StringComparison.Ordinal);
        Assert.Matches(@"Onzeker \(onderbroken tijdens het versturen\): [1-9]", await tab.InnerTextAsync("#verzendlog"));

        // Resume from the page: everyone gets the issue once, and the page shows the send log.
        await tab.ClickAsync("#verder button");
        await tab.WaitForSelectorAsync("#verzending[data-fase='done']", new PageWaitForSelectorOptions { Timeout = 90_000 });
        Assert.Equal(Subscribers.ToString(), await tab.InnerTextAsync("#verzonden"));
        Assert.Equal("0", await tab.InnerTextAsync("#mislukt"));
        Assert.Equal("0", await tab.InnerTextAsync("#resterend"));
        var log = await tab.InnerTextAsync("#verzendlog");
        Assert.Contains($"Verzonden: {Subscribers}", log, StringComparison.Ordinal);
        Assert.Contains("Mislukt: 0", log, StringComparison.Ordinal);
        Assert.Contains("Onzeker (onderbroken tijdens het versturen): 0", log, StringComparison.Ordinal);
        Assert.DoesNotContain(domain, log, StringComparison.Ordinal);
        Assert.Equal(0, await tab.Locator("#verder").CountAsync());
        var mails = await WaitForAsync(async () => await MailsToAsync(domain), m => m.Count >= Subscribers);
        Assert.Equal(Subscribers, mails.Count);
        Assert.Equal(Subscribers, mails.Distinct().Count());

        // A third look after a reload reads the same from storage.
        await tab.ReloadAsync();
        Assert.Equal("done", await tab.GetAttributeAsync("#verzending", "data-fase"));

        silent.Stop();
        held.ForEach(c => c.Dispose());
        await accepting;
    }

    private async Task<List<string>> MailsToAsync(string domain)
    {
        using var mail = new MailDevClient(maildev);
        return (await mail.AllAsync())
            .Select(MailDevClient.To)
            .Where(to => to.EndsWith(domain, StringComparison.Ordinal))
            .ToList();
    }

    private async Task<string?> Blob(string container, string name)
    {
        var blob = await VarBot.Storage.BlobContainerFactory.Create(azurite.ConnectionString, container).GetAsync(name);
        return blob is null ? null : System.Text.Encoding.UTF8.GetString(blob.Content);
    }

    private static Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done) => Poll.UntilAsync(read, done, TimeSpan.FromSeconds(60));

    private static async Task AcceptForeverAsync(TcpListener listener, List<TcpClient> held)
    {
        try
        {
            while (true)
            {
                held.Add(await listener.AcceptTcpClientAsync());
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener was stopped at the end of the test.
        }
    }
}
