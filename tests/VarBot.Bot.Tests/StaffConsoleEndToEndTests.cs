using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Newsletter.Subscribers;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// A communications officer in Chromium through /beheer on the real host (Development, local sign-in), against Azurite
/// and maildev, on 4 December 2026: sign in, write the January 2027 issue's subject and intro and see the preview follow,
/// send a proof, approve, send to 50 subscribers while the progress shows (also after a reload), and find the frozen
/// issue on the public archive page. Anonymous requests for the draft get 401 or 404. And the subscribers: a dry run of a
/// CSV import that maps a former theme and reports a duplicate by line, the import, search, export and forget.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StaffConsoleEndToEndTests : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly MailDevFixture _maildev;
    private ConsoleHost _host = null!;

    public StaffConsoleEndToEndTests(AzuriteFixture azurite, MailDevFixture maildev)
    {
        _azurite = azurite;
        _maildev = maildev;
    }

    private string BaseUrl => _host.BaseUrl;

    public async Task InitializeAsync()
    {
        _host = new ConsoleHost(_azurite, _maildev.SmtpPort);
        await _host.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Console_EditPreviewProofApproveSendArchive_AsStaffWouldInChromium()
    {
        using var mail = new MailDevClient(_maildev);
        await mail.ClearAsync();
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
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var page = await ConsoleBrowser.NewPageAsync(browser, BaseUrl);

        // Sign in (development).
        await ConsoleBrowser.SignInAsync(page, BaseUrl, "/beheer", "Anna Redacteur", "anna@var.test");
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
        var proof = Assert.Single(await mail.WaitForAsync(m => MailDevClient.To(m) == "anna@var.test", 1, TimeSpan.FromSeconds(30)));
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
        var sent = await mail.WaitForAsync(m => MailDevClient.To(m).StartsWith("lezer", StringComparison.Ordinal), 50, TimeSpan.FromSeconds(30));
        Assert.Equal(50, sent.Select(MailDevClient.To).Distinct().Count());
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
        var subscribers = _host.Services.GetRequiredService<SubscriberStore>();
        await subscribers.SubscribeAsync("blijft@var.test", "Blijft", ["mensenhandel"], "test", confirmed: true);
        using var console = await _host.SignInAsync("Bram");
        var http = console.Http;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/beheer/nieuwsbrief/2027-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/beheer/abonnees")).StatusCode);

        string[] posts =
        [
            "/beheer/nieuwsbrief/2027-01", "/beheer/nieuwsbrief/2027-01/voorbeeld", "/beheer/nieuwsbrief/2027-01/proef",
            "/beheer/nieuwsbrief/2027-01/goedkeuren", "/beheer/nieuwsbrief/2027-01/versturen", "/beheer/afmelden",
            "/beheer/abonnees/zoeken", "/beheer/abonnees/importeren", "/beheer/abonnees/exporteren", "/beheer/abonnees/vergeten",
        ];
        foreach (var path in posts)
        {
            var response = await http.PostAsync(path, new FormUrlEncodedContent(
                [new("onderwerp", "Vervalst"), new("adres", "blijft@var.test"), new("zeker", "ja"), new("toch", "ja"), new("zoek", "blijft@var.test"), new("upload", new string('a', 32))]));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("blijft@var.test", body, StringComparison.Ordinal);
        }

        // The upload form as a browser would send it (multipart), without the token: nothing checked, nothing stored.
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("email,name,themes\nvervalst@var.test,,mensenhandel\n"u8.ToArray()), "bestand", "abonnees.csv" },
        };
        var check = await http.PostAsync("/beheer/abonnees/controleren", upload);
        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        Assert.DoesNotContain("Proefrun", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var store = _host.Services.GetRequiredService<VarBot.Newsletter.Issues.IssueStore>();
        var month = VarBot.Newsletter.IssueMonth.Parse("2027-01");
        Assert.Null(await store.GetDraftAsync(month));
        Assert.Null(await store.GetApprovalAsync(month));
        Assert.NotNull(await subscribers.GetAsync("blijft@var.test"));
        Assert.Null(await subscribers.GetAsync("vervalst@var.test"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task Console_AddressWithoutAValidMonth_NotFoundAndNothingChanged()
    {
        using var console = await _host.SignInAsync("Bram");
        var http = console.Http;
        var token = await console.TokenAsync("/beheer/nieuwsbrief/2027-01");

        foreach (var path in new[] { "/beheer/nieuwsbrief/2027-13", "/beheer/nieuwsbrief/abc", "/beheer/nieuwsbrief/2027-1/voorbeeld", "/beheer/nieuwsbrief/2027-00/linkedin" })
        {
            Assert.True((await http.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, path);
        }

        var send = await http.PostAsync("/beheer/nieuwsbrief/2027-13/versturen", new FormUrlEncodedContent([token, new("toch", "ja")]));
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/beheer/nieuwsbrief/2027-12")).StatusCode);
    }

    [Fact]
    public async Task Console_SubscriberPagesAnonymous_SentToSignInOrRefused()
    {
        await _host.Services.GetRequiredService<SubscriberStore>().SubscribeAsync("geheim@var.test", null, [], "test", confirmed: true);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

        var page = await anonymous.GetAsync("/beheer/abonnees");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/beheer/aanmelden", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        foreach (var path in new[] { "/beheer/abonnees/zoeken", "/beheer/abonnees/exporteren", "/beheer/abonnees/vergeten", "/beheer/abonnees/importeren" })
        {
            var response = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("zoek", "geheim"), new("adres", "geheim@var.test"), new("zeker", "ja")]));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("geheim@var.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotNull(await _host.Services.GetRequiredService<SubscriberStore>().GetAsync("geheim@var.test"));
    }

    [Fact]
    public async Task Console_SubscribersImportDryRunImportSearchExportForget_AsStaffWouldInChromium()
    {
        var store = _host.Services.GetRequiredService<SubscriberStore>();
        await store.SubscribeAsync("bestaand@gemeente-a.nl", "Al abonnee", ["ondermijning"], "formulier", confirmed: true);
        var csv = Path.Combine(Directory.CreateTempSubdirectory("varbot-import-").FullName, "abonnees maart.csv");
        await File.WriteAllTextAsync(csv, string.Join("\n",
            "email,name,themes",
            "anna@gemeente-a.nl,Anna de Vries,mensenhandel;cybercrime",   // line 2: alias -> digitale-veiligheid
            "bram@gemeente-b.nl,\"=HYPERLINK(\"\"http://x\"\")\",huiselijk-geweld", // line 3: former theme -> zorg-en-veiligheid; a formula as name
            "geen-adres,Iemand,mensenhandel",                            // line 4: invalid address
            "Anna@Gemeente-A.nl,Anna nogmaals,jeugd-en-veiligheid",      // line 5: duplicate of line 2
            "cor@gemeente-c.nl,Cor,fietsendiefstal",                     // line 6: unknown theme
            "bestaand@gemeente-a.nl,Al abonnee,mensenhandel",            // line 7: already subscribed, left unchanged
            "") + "\n");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var page = await ConsoleBrowser.NewPageAsync(browser, BaseUrl);
        await ConsoleBrowser.SignInAsync(page, BaseUrl, "/beheer/abonnees", "Anna Redacteur");
        Assert.Equal("1", await page.InnerTextAsync("#bevestigd"));
        Assert.Contains("(geen huidig thema)", await page.InnerTextAsync("#themas tr[data-thema='ondermijning']"), StringComparison.Ordinal);

        // Dry run: mapped themes, the duplicate, invalid rows by line; nothing stored.
        await page.SetInputFilesAsync("#bestand", csv);
        await page.ClickAsync("#controleren button");
        await page.WaitForSelectorAsync("#importverslag[data-proefrun='ja']");
        var summary = await page.InnerTextAsync("#importsamenvatting");
        Assert.Equal("Proefrun, er is niets opgeslagen: 6 regels; 2 nieuwe abonnees zouden worden geïmporteerd, 1 al bekend (blijven ongewijzigd), 1 dubbel, 2 ongeldig, 2 met een omgezet thema.", summary);
        var lines = await page.Locator("#importregels tbody tr").AllInnerTextsAsync();
        Assert.Contains(lines, l => l.StartsWith("2\t", StringComparison.Ordinal) && l.Contains("thema 'cybercrime' gelezen als 'digitale-veiligheid'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3\t", StringComparison.Ordinal) && l.Contains("thema 'huiselijk-geweld' gelezen als 'zorg-en-veiligheid'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("4\t", StringComparison.Ordinal) && l.Contains("geen geldig e-mailadres", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5\t", StringComparison.Ordinal) && l.Contains("dubbel", StringComparison.Ordinal) && l.Contains("hetzelfde e-mailadres als regel 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("6\t", StringComparison.Ordinal) && l.Contains("onbekend thema 'fietsendiefstal'", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('@', StringComparison.Ordinal));
        Assert.Null(await store.GetAsync("anna@gemeente-a.nl"));
        Assert.Equal("1", await page.InnerTextAsync("#bevestigd"));
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".artifacts", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Root, ".artifacts", "screenshots", "beheer-abonnees-proefrun.png"), FullPage = true });

        // The import of exactly the checked file.
        await page.ClickAsync("#importeren button");
        await page.WaitForSelectorAsync("#importverslag[data-proefrun='nee']");
        Assert.Contains("Import klaar: 2 nieuwe abonnees geïmporteerd, 1 al bekend (ongewijzigd)", await page.InnerTextAsync("#importsamenvatting"), StringComparison.Ordinal);
        Assert.Equal("3", await page.InnerTextAsync("#bevestigd"));
        Assert.Equal("1", await page.InnerTextAsync("#themas tr[data-thema='zorg-en-veiligheid'] td:nth-child(2)"));
        Assert.Equal("1", await page.InnerTextAsync("#themas tr[data-thema='digitale-veiligheid'] td:nth-child(2)"));
        Assert.Equal("1", await page.InnerTextAsync("#themas tr[data-thema='mensenhandel'] td:nth-child(2)"));
        var anna = (await store.GetAsync("anna@gemeente-a.nl"))!.Value.Subscriber;
        Assert.Equal(["mensenhandel", "digitale-veiligheid"], anna.Themes);
        Assert.Equal("import:abonnees_maart.csv", anna.ConsentSource);
        Assert.Equal(["ondermijning"], (await store.GetAsync("bestaand@gemeente-a.nl"))!.Value.Subscriber.Themes);
        Assert.Null(await store.GetAsync("cor@gemeente-c.nl"));
        Assert.Empty(await ListAsync("subscriber-imports/"));

        // Search by part of an address.
        await page.FillAsync("#zoek", "GEMEENTE-B");
        await page.ClickAsync("#zoeken button");
        await page.WaitForSelectorAsync("#resultaten");
        Assert.Equal(["bram@gemeente-b.nl"], await page.Locator("#resultaten td.adres").AllInnerTextsAsync());
        Assert.Contains("Zorg en veiligheid", await page.InnerTextAsync("#resultaten"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(BaseUrl + "/beheer/abonnees/zoeken", page.Url); // the address travels in the body, never in the URL

        // Export: every subscriber, formula cells defused.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#exporteren button"));
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("email,name,themes,status,consent", exported.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("bram@gemeente-b.nl,\"'=HYPERLINK(\"\"http://x\"\")\",zorg-en-veiligheid,confirmed,import:abonnees_maart.csv", exported, StringComparison.Ordinal);
        Assert.Equal(4, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Forget: the subscriber is gone, and a search finds nothing.
        await page.CheckAsync("#resultaten form.vergeten input[name=zeker]");
        await page.ClickAsync("#resultaten form.vergeten button");
        await page.WaitForSelectorAsync("p.ok:has-text('Het adres is vergeten')");
        Assert.Null(await store.GetAsync("bram@gemeente-b.nl"));
        Assert.Equal("2", await page.InnerTextAsync("#bevestigd"));
        await page.FillAsync("#zoek", "bram@gemeente-b.nl");
        await page.ClickAsync("#zoeken button");
        await page.WaitForSelectorAsync("#geen-resultaten");
    }

    private async Task<List<string>> ListAsync(string prefix)
    {
        var container = VarBot.Storage.BlobContainerFactory.Create(_azurite.ConnectionString, _host.Container);
        var names = new List<string>();
        await foreach (var blob in container.ListAsync(prefix))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
