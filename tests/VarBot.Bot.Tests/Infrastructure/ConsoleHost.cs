using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (Program.cs) in Development on a fixed loopback port for the staff console tests, against Azurite and an
/// SMTP server, with its own clock (4 December 2026 unless told otherwise). Two hosts on the same container are a restart.
/// </summary>
public sealed class ConsoleHost(AzuriteFixture azurite, int smtpPort, string? container = null, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset FourDecember = new(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(1));

    public int Port { get; } = LocalServer.FreePort();

    public string Container { get; } = container ?? AzuriteFixture.UniqueContainerName("beheer");

    public FakeTimeProvider Time { get; } = time ?? new FakeTimeProvider(FourDecember);

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", BaseUrl);
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:Container", Container);
        builder.UseSetting("VarBot:PublishSeedsWhenEmpty", "true");
        builder.UseSetting("VarBot:SeedsPath", RepoPaths.Seeds);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Newsletter:SigningKey", "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWZvci1ib3QtaG9zdC10ZXN0cw==");
        builder.UseSetting("Newsletter:PublicBaseUrl", BaseUrl);
        builder.UseSetting("Newsletter:FromAddress", "nieuwsbrief@var.test");
        builder.UseSetting("Newsletter:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Newsletter:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Newsletter:Editorial:PostalAddress", "Postbus 1234, 3000 AA Rotterdam");
        builder.UseSetting("Newsletter:Editorial:ContactAddress", "nieuwsbrief@var.test");
        builder.UseSetting("Newsletter:Editorial:PrivacyUrl", "https://www.veiligheidsalliantie.nl/privacy");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
        UseKestrel(Port);
    }

    public async Task StartAsync()
    {
        StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!(await client.GetAsync("/readyz")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The host did not become ready.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>An HTTP client signed in to /beheer with the development sign-in, keeping cookies, not following redirects.</summary>
    public async Task<ConsoleClient> SignInAsync(string name)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var client = new ConsoleClient(http);
        var token = await client.TokenAsync("/beheer/aanmelden");
        var signIn = await http.PostAsync("/beheer/aanmelden", new FormUrlEncodedContent([token, new("naam", name), new("terug", "/beheer")]));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)signIn.StatusCode}.");
        }

        return client;
    }
}

/// <summary>A signed-in console session over plain HTTP.</summary>
public sealed class ConsoleClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    /// <summary>The antiforgery field of the first form on <paramref name="path"/>.</summary>
    public async Task<KeyValuePair<string, string>> TokenAsync(string path)
    {
        var page = await http.GetStringAsync(path);
        var token = Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
        if (!token.Success)
        {
            throw new InvalidOperationException("No antiforgery field on " + path);
        }

        return new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value));
    }

    /// <summary>Posts a form from <paramref name="page"/> with its token and the given fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(page);
        return await http.PostAsync(action, new FormUrlEncodedContent([token, .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    public void Dispose() => http.Dispose();
}

/// <summary>Headless Chromium as the console tests drive it: only the host's own addresses load.</summary>
public static class ConsoleBrowser
{
    /// <summary>
    /// One page step (load, click, wait) may take this long: Playwright's 30 s default was exceeded on a loaded two-core
    /// machine while the host and Azurite shared it with other test assemblies.
    /// </summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    public static async Task<IPage> NewPageAsync(IBrowser browser, string baseUrl)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1000 }, AcceptDownloads = true });
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal) || route.Request.Url.StartsWith("about:", StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync());
        page.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        return page;
    }

    /// <summary>Opens <paramref name="path"/>, is sent to the development sign-in, signs in and lands on the page.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string path, string name, string? email = null)
    {
        await page.GotoAsync(baseUrl + path);
        if (!page.Url.Contains("/beheer/aanmelden", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Not sent to the sign-in page: " + page.Url);
        }

        await page.FillAsync("#naam", name);
        if (email is not null)
        {
            await page.FillAsync("#email", email);
        }

        await page.ClickAsync("button:has-text('Aanmelden')");
        await page.WaitForURLAsync(baseUrl + path);
    }
}
