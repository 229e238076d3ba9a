using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using VarBot.Newsletter.Subscribers;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// A communications officer in Chromium through /beheer on the real host (Development, local sign-in), against Azurite
/// and maildev, on 4 December 2026: sign in, write the January 2027 issue's subject and intro and see the preview follow,
/// send a proof, approve, send to 50 subscribers while the progress shows (also after a reload), and find the frozen
/// issue on the public archive page. Anonymous requests for the draft get 401 or 404.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StaffConsoleEndToEndTests : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly MailDevFixture _maildev;
    private readonly int _port = LocalServer.FreePort();
    private ConsoleHostFactory _host = null!;

    public StaffConsoleEndToEndTests(AzuriteFixture azurite, MailDevFixture maildev)
    {
        _azurite = azurite;
        _maildev = maildev;
    }

    private string BaseUrl => $"http://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        _host = new ConsoleHostFactory(_azurite, _maildev, _port);
        await _host.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Console_EditPreviewProofApproveSendArchive_AsStaffWouldInChromium()
    {
        using var mail = new HttpClient { BaseAddress = _maildev.WebApi };
        (await mail.DeleteAsync("email/all")).EnsureSuccessStatusCode();
        var subscribers = _host.Services.GetRequiredService<SubscriberStore>();
        for (var i = 0; i < 50; i++)
        {
            await subscribers.SubscribeAsync($"lezer{i:D2}@gemeente.example.nl", null, [], "test", confirmed: true);
        }

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/beheer/nieuwsbrief/2027-01/voorbeeld")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/nieuwsbrief/2027-01")).StatusCode);
        var page302 = await anonymous.GetAsync("/beheer/nieuwsbrief/2027-01");
        Assert.Equal(HttpStatusCode.Redirect, page302.StatusCode);
        Assert.StartsWith("/beheer/aanmelden", page302.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/beheer/aanmelden", new FormUrlEncodedContent([new("naam", "Zonder token")]))).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1000 } });
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith(BaseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith("about:", StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync());

        // Sign in (development).
        await page.GotoAsync(BaseUrl + "/beheer");
        Assert.Contains("/beheer/aanmelden", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#naam", "Anna Redacteur");
        await page.FillAsync("#email", "anna@var.test");
        await page.ClickAsync("button:has-text('Aanmelden')");
        await page.WaitForURLAsync(BaseUrl + "/beheer");
        await page.ClickAsync("a:has-text('januari 2027')");
        await page.WaitForURLAsync("**/beheer/nieuwsbrief/2027-01");
        Assert.Contains("geen jaarplan 2027", await page.InnerTextAsync("#waarschuwingen"), StringComparison.Ordinal);

        // Edit subject and intro: the preview follows before saving.
        await page.FillAsync("#onderwerp", "Nieuwjaarsbrief 2027");
        await page.FillAsync("#inleiding", "Wij wensen u een veilig 2027.\n\nHet jaarplan 2027 volgt in februari.");
        await page.WaitForFunctionAsync("() => document.getElementById('voorbeeld-600').srcdoc.includes('Wij wensen u een veilig 2027.') && document.getElementById('voorbeeld-375').srcdoc.includes('Het jaarplan 2027 volgt')",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var previewIntro = await page.FrameLocator("#voorbeeld-375").Locator("p:has-text('Wij wensen u')").InnerTextAsync();
        Assert.Equal("Wij wensen u een veilig 2027.", previewIntro.Trim());
        await page.ClickAsync("button:has-text('Concept opslaan')");
        await page.WaitForSelectorAsync("p.ok:has-text('opgeslagen')");
        Assert.Equal("Nieuwjaarsbrief 2027", await page.InputValueAsync("#onderwerp"));
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".artifacts", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Root, ".artifacts", "screenshots", "beheer-2027-01.png"), FullPage = true });

        // Proof to the signed-in address.
        Assert.Equal("anna@var.test", await page.InputValueAsync("#proefadres"));
        await page.ClickAsync("button:has-text('Proef versturen')");
        await page.WaitForSelectorAsync("p.ok:has-text('De proef is verstuurd')");
        var proof = Assert.Single(await WaitForMailsAsync(mail, m => To(m) == "anna@var.test", 1));
        Assert.Equal("[PROEF] Nieuwjaarsbrief 2027", proof.GetProperty("subject").GetString());
        Assert.Contains("Wij wensen u een veilig 2027.", proof.GetProperty("text").GetString(), StringComparison.Ordinal);

        // Approve, then send with the progress on the page, also after a reload.
        await page.ClickAsync("button:has-text('Goedkeuren')");
        await page.WaitForSelectorAsync("p.ok:has-text('goedgekeurd')");
        await page.ClickAsync("button:text-is('Versturen')");
        await page.WaitForSelectorAsync("#verzending");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#verzending");
        await page.WaitForSelectorAsync("#verzending[data-done='ja']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Equal("50", await page.InnerTextAsync("#verzonden"));
        Assert.Equal("0", await page.InnerTextAsync("#mislukt"));
        Assert.Contains("Verzonden: 50", await page.InnerTextAsync("#verzendlog"), StringComparison.Ordinal);
        Assert.Contains("verzonden", await page.InnerTextAsync(".state"), StringComparison.Ordinal);
        var sent = await WaitForMailsAsync(mail, m => To(m).StartsWith("lezer", StringComparison.Ordinal), 50);
        Assert.Equal(50, sent.Select(To).Distinct().Count());
        Assert.All(sent, m => Assert.Equal("Nieuwjaarsbrief 2027", m.GetProperty("subject").GetString()));

        // The public archive page shows the frozen issue; the draft stays closed to anonymous callers.
        var archive = await anonymous.GetAsync("/nieuwsbrief/2027-01");
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        var archived = await archive.Content.ReadAsStringAsync();
        Assert.Contains("Wij wensen u een veilig 2027.", archived, StringComparison.Ordinal);
        Assert.DoesNotContain("Afmelden", archived, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/beheer/nieuwsbrief/2027-01/voorbeeld")).StatusCode);
        await page.GotoAsync(BaseUrl + "/nieuwsbrief/2027-01");
        Assert.Contains("Wij wensen u een veilig 2027.", await page.InnerTextAsync("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_EveryFormWithoutAntiforgeryToken_RefusedNothingChanged()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var form = await http.GetStringAsync("/beheer/aanmelden");
        var token = System.Text.RegularExpressions.Regex.Match(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
        Assert.True(token.Success, form);
        var signIn = await http.PostAsync("/beheer/aanmelden", new FormUrlEncodedContent(
            [new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value)), new("naam", "Bram"), new("terug", "/beheer")]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/beheer/nieuwsbrief/2027-01")).StatusCode);

        string[] posts =
        [
            "/beheer/nieuwsbrief/2027-01", "/beheer/nieuwsbrief/2027-01/voorbeeld", "/beheer/nieuwsbrief/2027-01/proef",
            "/beheer/nieuwsbrief/2027-01/goedkeuren", "/beheer/nieuwsbrief/2027-01/versturen", "/beheer/afmelden",
        ];
        foreach (var path in posts)
        {
            var response = await http.PostAsync(path, new FormUrlEncodedContent([new("onderwerp", "Vervalst"), new("adres", "x@var.test"), new("toch", "ja")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }

        var store = _host.Services.GetRequiredService<VarBot.Newsletter.Issues.IssueStore>();
        var month = VarBot.Newsletter.IssueMonth.Parse("2027-01");
        Assert.Null(await store.GetDraftAsync(month));
        Assert.Null(await store.GetApprovalAsync(month));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/beheer")).StatusCode);
    }

    private static string To(JsonElement mail) => mail.GetProperty("to")[0].GetProperty("address").GetString()!;

    private static async Task<List<JsonElement>> WaitForMailsAsync(HttpClient mail, Func<JsonElement, bool> match, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<JsonElement> found;
        do
        {
            found = (await mail.GetFromJsonAsync<List<JsonElement>>("email"))!.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return found;
    }

    /// <summary>The real host (Program.cs) in Development on a fixed loopback port, with the clock at 4 December 2026.</summary>
    private sealed class ConsoleHostFactory(AzuriteFixture azurite, MailDevFixture maildev, int port) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            builder.UseEnvironment("Development");
            builder.UseSetting("urls", baseUrl);
            builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Storage:Container", AzuriteFixture.UniqueContainerName("beheer"));
            builder.UseSetting("VarBot:PublishSeedsWhenEmpty", "true");
            builder.UseSetting("VarBot:SeedsPath", RepoPaths.Seeds);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Newsletter:SigningKey", "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWZvci1ib3QtaG9zdC10ZXN0cw==");
            builder.UseSetting("Newsletter:PublicBaseUrl", baseUrl);
            builder.UseSetting("Newsletter:FromAddress", "nieuwsbrief@var.test");
            builder.UseSetting("Newsletter:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Newsletter:Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Newsletter:Editorial:PostalAddress", "Postbus 1234, 3000 AA Rotterdam");
            builder.UseSetting("Newsletter:Editorial:ContactAddress", "nieuwsbrief@var.test");
            builder.UseSetting("Newsletter:Editorial:PrivacyUrl", "https://www.veiligheidsalliantie.nl/privacy");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(1))))));
            UseKestrel(port);
        }

        public async Task StartAsync()
        {
            StartServer();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (!(await client.GetAsync("/readyz")).IsSuccessStatusCode)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The host did not become ready.");
                }

                await Task.Delay(50);
            }
        }
    }
}
