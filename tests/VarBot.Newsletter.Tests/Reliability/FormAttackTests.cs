using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Newsletter.Hosting;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests.Reliability;

/// <summary>
/// Attacks on the public nieuwsbrief forms (issue 9), each reproduced against the real host (Kestrel over HTTP), Azurite
/// and maildev, and shown to hold. See SECURITY.md.
/// </summary>
public sealed partial class FormAttackTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private static string NewAddress(string who) => $"{who}.{Guid.NewGuid():N}"[..(who.Length + 13)] + "@example.org";

    private async Task<(TestHost Host, IBlobContainer Container)> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, INewsletterModelSource? modelSource = null, CapturingLoggerProvider? logs = null)
    {
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("fa"));
        await container.CreateIfNotExistsAsync();
        var host = await TestHost.StartAsync(servers, container, servers.Seeds.Model, settings: settings, modelSource: modelSource, logs: logs);
        return (host, container);
    }

    [Fact]
    public async Task Subscribe_ConfirmedAddressPostedAgainWithOtherNameAndNoThemes_StoredUnchangedAndOwnerMailedManageLink()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        using var maildev = new MailDevClient(servers.MailDev);
        using var http = new HttpClient();
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var address = NewAddress("eigenaar");
        await store.CreateAsync(address, "Anna de Vries", ["mensenhandel"], "formulier", confirmed: true);

        var response = await http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", address), ("naam", "Iemand Anders")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bijna klaar", await response.Content.ReadAsStringAsync());
        var stored = (await store.GetAsync(address))!.Value.Subscriber;
        Assert.Equal("Anna de Vries", stored.Name);
        Assert.Equal(["mensenhandel"], stored.Themes);
        Assert.Equal(SubscriberStatus.Confirmed, stored.Status);
        var mail = Assert.Single(await WaitForMailsAsync(maildev, address, 1));
        Assert.Equal(NewsletterTexts.ManageSubject, mail.GetProperty("subject").GetString());
        var text = mail.GetProperty("text").GetString()!;
        Assert.DoesNotContain("Iemand Anders", text);
        var link = Regex.Match(text, @"http://127\.0\.0\.1:\d+/nieuwsbrief/beheer\?token=\S+").Value;
        var page = await http.GetStringAsync(link);
        Assert.Contains("Thema&#x27;s wijzigen", page.Replace("'", "&#x27;"));

        // The owner, and only the owner, changes the themes through the signed link.
        var themesAction = WebUtility.HtmlDecode(Regex.Match(page, "action=\"(/nieuwsbrief/themas\\?token=[^\"]+)\"").Groups[1].Value);
        var saved = await http.PostAsync(host.BaseUrl + themesAction, Form(("thema", "jeugd-en-veiligheid")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["jeugd-en-veiligheid"], (await store.GetAsync(address))!.Value.Subscriber.Themes);
    }

    [Fact]
    public async Task Subscribe_ThirtyPostsForOneAddressWithALinkAsName_ThreeMailsWithoutTheNameThen429()
    {
        var (host, _) = await StartAsync(new Dictionary<string, string?> { ["Newsletter:RateLimits:RequestsPerClient"] = "100" });
        await using var _ = host;
        using var maildev = new MailDevClient(servers.MailDev);
        using var http = new HttpClient();
        var address = NewAddress("bom");
        const string bait = "Klik op http://evil.example/login";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            var response = await http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", address), ("naam", bait)));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("te vaak", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(27, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var mails = await WaitForMailsAsync(maildev, address, 3, settle: TimeSpan.FromSeconds(1));
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m =>
        {
            Assert.DoesNotContain("evil.example", m.GetProperty("text").GetString()!, StringComparison.Ordinal);
            Assert.StartsWith("Beste lezer,", m.GetProperty("text").GetString()!, StringComparison.Ordinal);
            Assert.DoesNotContain("evil", m.GetProperty("to")[0].ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Subscribe_OneClientPostsForManyAddresses_RefusedWithDutch429AfterTheLimit()
    {
        var (host, _) = await StartAsync(new Dictionary<string, string?> { ["Newsletter:RateLimits:RequestsPerClient"] = "5" });
        await using var _ = host;
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", NewAddress("klant" + i))))).StatusCode);
        }

        var refused = await http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", NewAddress("nog"))));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("U hebt het formulier te vaak verstuurd", await refused.Content.ReadAsStringAsync());
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Subscribe_NameOf101Characters_RefusedWithDutchMessageAndNothingStored()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        using var http = new HttpClient();
        var address = NewAddress("lang");

        var response = await http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", address), ("naam", new string('a', 101))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("De naam mag hoogstens 100 tekens hebben.", await response.Content.ReadAsStringAsync());
        Assert.Null(await host.Services.GetRequiredService<SubscriberStore>().GetAsync(address));
    }

    [Fact]
    public async Task Confirm_LinkOpenedByAMailScannerWithGet_StaysPendingUntilTheButtonIsPressed()
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        using var maildev = new MailDevClient(servers.MailDev);
        using var http = new HttpClient();
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var address = NewAddress("scan");
        await http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", address), ("thema", "mensenhandel")));
        var link = Regex.Match(Assert.Single(await WaitForMailsAsync(maildev, address, 1)).GetProperty("text").GetString()!, @"http://\S+/nieuwsbrief/bevestigen\?token=\S+").Value;

        // What Safe Links and similar scanners do: GET every link, twice, and HEAD it.
        var scanned = await http.GetAsync(link);
        await http.GetAsync(link);
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));

        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        var page = await scanned.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\"", page);
        Assert.Contains("Aanmelding bevestigen", page);
        Assert.Equal(SubscriberStatus.Pending, (await store.GetAsync(address))!.Value.Subscriber.Status);

        var confirmed = await http.PostAsync(link, Form(("thema", "mensenhandel"), ("thema", "jeugd-en-veiligheid")));
        Assert.Contains("Aanmelding bevestigd", await confirmed.Content.ReadAsStringAsync());
        var stored = (await store.GetAsync(address))!.Value.Subscriber;
        Assert.Equal(SubscriberStatus.Confirmed, stored.Status);
        Assert.Equal(["mensenhandel", "jeugd-en-veiligheid"], stored.Themes);
    }

    [Theory]
    [InlineData("email", "lokaal300")]
    [InlineData("email", "nul")]
    [InlineData("naam", "nul")]
    [InlineData("thema", "nul")]
    [InlineData("email", "escape")]
    public async Task Subscribe_HostileFieldValue_DutchMessageNever500(string field, string kind)
    {
        var (host, _) = await StartAsync();
        await using var _ = host;
        using var http = new HttpClient();
        var address = NewAddress("veld");
        var value = kind switch
        {
            "lokaal300" => new string('x', 300) + "@example.org",
            "nul" => field == "email" ? "zoe\0@example.org" : "Zoë\0",
            _ => "zoe\u001b[2J@example.org",
        };
        var fields = new Dictionary<string, string> { ["email"] = address, ["naam"] = "Zoë", ["thema"] = "mensenhandel" };
        fields[field] = value;

        var response = await http.PostAsync(host.BaseUrl + "/nieuwsbrief", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<html lang=\"nl\">", body);
        Assert.DoesNotContain("\0", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("te lang|geldig e-mailadres|niet zijn toegestaan", body);
        Assert.Null(await host.Services.GetRequiredService<SubscriberStore>().GetAsync(address));
    }

    [Fact]
    public async Task Form_NoKnowledgeModelLoaded_Dutch503PageNot500()
    {
        var (host, _) = await StartAsync(modelSource: new NoModelSource());
        await using var _ = host;
        using var http = new HttpClient();

        var get = await http.GetAsync(host.BaseUrl + "/nieuwsbrief");
        var post = await http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", NewAddress("zonder"))));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Contains("even niet beschikbaar", await get.Content.ReadAsStringAsync());
        Assert.Contains("even niet beschikbaar", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SubscribeUnsubscribeAndThemes_FortyConcurrentRequestsOnOneAddress_No500()
    {
        var (host, _) = await StartAsync(new Dictionary<string, string?>
        {
            ["Newsletter:RateLimits:RequestsPerClient"] = "1000",
            ["Newsletter:RateLimits:MailsPerAddress"] = "1000",
        });
        await using var _ = host;
        using var http = new HttpClient();
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var tokens = host.Services.GetRequiredService<SubscriptionTokens>();
        var address = NewAddress("race");
        var token = Uri.EscapeDataString(tokens.Create(TokenPurpose.Unsubscribe, store.KeyOf(address), TimeSpan.FromDays(1)));

        var requests = Enumerable.Range(0, 40).Select(i => (i % 4) switch
        {
            0 => http.PostAsync(host.BaseUrl + "/nieuwsbrief", Form(("email", address), ("thema", "mensenhandel"))),
            1 => http.PostAsync($"{host.BaseUrl}/nieuwsbrief/afmelden?token={token}", Form(("List-Unsubscribe", "One-Click"))),
            _ => http.PostAsync($"{host.BaseUrl}/nieuwsbrief/themas?token={token}", Form(("thema", i % 2 == 0 ? "mensenhandel" : "jeugd-en-veiligheid"))),
        }).ToList();
        var responses = await Task.WhenAll(requests);

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.DoesNotContain(500, statuses);
        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 404, 409 }));
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains("Probeer het over een paar seconden opnieuw", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task UnsubscribeAndConfirmLinks_RequestedWithLoggingAtTrace_TokensAndQueryStringsNeverLogged()
    {
        var logs = new CapturingLoggerProvider();
        var (host, _) = await StartAsync(logs: logs);
        await using var _ = host;
        using var http = new HttpClient();
        var store = host.Services.GetRequiredService<SubscriberStore>();
        var tokens = host.Services.GetRequiredService<SubscriptionTokens>();
        var address = NewAddress("log");
        var outcome = await store.CreateAsync(address, null, [], "test", confirmed: false);
        var confirm = tokens.Create(TokenPurpose.Confirm, outcome.Key, TimeSpan.FromDays(1));
        var unsubscribe = tokens.Create(TokenPurpose.Unsubscribe, outcome.Key, TimeSpan.FromDays(1));

        await http.GetAsync($"{host.BaseUrl}/nieuwsbrief/bevestigen?token={Uri.EscapeDataString(confirm)}");
        await http.PostAsync($"{host.BaseUrl}/nieuwsbrief/bevestigen?token={Uri.EscapeDataString(confirm)}", Form(("thema", "mensenhandel")));
        await http.GetAsync($"{host.BaseUrl}/nieuwsbrief/afmelden?token={Uri.EscapeDataString(unsubscribe)}");
        var done = await http.PostAsync($"{host.BaseUrl}/nieuwsbrief/afmelden?token={Uri.EscapeDataString(unsubscribe)}", Form(("reden", "te-vaak")));

        Assert.Contains("U bent afgemeld", await done.Content.ReadAsStringAsync());
        var lines = logs.Lines;
        Assert.Contains(logs.Entries, e => e.EventId.Id == 6206); // the capture works: "confirmed" was logged
        Assert.Contains(lines, l => l.Contains("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)); // and Trace reached it
        var leaks = lines.Where(l => l.Contains("?token=", StringComparison.OrdinalIgnoreCase)
            || l.Contains(confirm.Split('.')[1], StringComparison.Ordinal)
            || l.Contains(unsubscribe.Split('.')[1], StringComparison.Ordinal)
            || l.Contains(address.Split('@')[0], StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<List<JsonElement>> WaitForMailsAsync(MailDevClient maildev, string to, int count, TimeSpan? settle = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<JsonElement> found;
        do
        {
            found = (await maildev.AllAsync()).Where(m => MailDevClient.To(m) == to).ToList();
            if (found.Count >= count)
            {
                if (settle is { } quiet)
                {
                    await Task.Delay(quiet);
                    found = (await maildev.AllAsync()).Where(m => MailDevClient.To(m) == to).ToList();
                }

                return found;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return found;
    }

    /// <summary>A host whose knowledge model has not loaded (storage down at start, nothing published yet).</summary>
    private sealed class NoModelSource : INewsletterModelSource
    {
        public KnowledgeModel Current => throw new KnowledgeModelUnavailableException("No knowledge model is loaded yet.");
    }
}
