using VarBot.Knowledge.Model;
using VarBot.Newsletter.Subscribers;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>
/// varbot newsletter and subscribers as operators run them: real Azurite and maildev, logging turned up to Trace so
/// every log line is checked for addresses in clear text. In-process runs, except one per command group that starts
/// the built executable (<see cref="RunProcessAsync"/>), so the executable's configuration and logging stay covered.
/// </summary>
public sealed class NewsletterCommandTests(NewsletterServers servers) : IClassFixture<NewsletterServers>, IDisposable
{
    private const string Domain = "@voorbeeld.test";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-nlcli-");
    private readonly NewsletterCli _cli = new(servers);

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Preview_Seeds_WritesHtmlTextLinkedInAndIndexAndStoresIssue()
    {
        // The executable, as operators run it (the other newsletter tests run in-process).
        var run = await RunProcessAsync("newsletter", "preview", "--month", "2026-03", "--out", "voorbeeld", "--seeds", RepoPaths.Seeds);

        Assert.True(run.ExitCode == 0, run.Output);
        var dir = Path.Combine(_work.FullName, "voorbeeld");
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "nieuwsbrief.html"));
        var text = await File.ReadAllTextAsync(Path.Combine(dir, "nieuwsbrief.txt"));
        var index = await File.ReadAllTextAsync(Path.Combine(dir, "index.html"));
        var posts = Directory.GetFiles(Path.Combine(dir, "linkedin"), "*.txt");
        Assert.Contains("maandag 23 maart 2026", html, StringComparison.Ordinal);
        Assert.Contains("maandag 23 maart 2026", text, StringComparison.Ordinal);
        Assert.Contains("src=\"nieuwsbrief.html\"", index, StringComparison.Ordinal);
        Assert.Equal(3, posts.Length); // one event, one news item (the other is dated after the send date), the round-up
        Assert.All(posts, p => Assert.InRange(new FileInfo(p).Length, 100, 3_000 * 4));
        Assert.Contains("VAR-nieuwsbrief maart 2026", run.Output, StringComparison.Ordinal);
        Assert.Contains("opgeslagen onder newsletters/2026-03/", run.Output, StringComparison.Ordinal);
        Assert.NotNull(await _cli.Container.GetPropertiesAsync("newsletters/2026-03/issue.json"));
        Assert.NotNull(await _cli.Container.GetPropertiesAsync("newsletters/2026-03/nieuwsbrief.html"));
    }

    [Fact]
    public async Task Preview_PublishedModelInStorage_ComposesFromTheBlobNotTheSeeds()
    {
        await _cli.Container.CreateIfNotExistsAsync();
        // Set-up: publish reads its storage from the options only, so it runs in-process; the preview below is the subject.
        var publish = await CliRunner.RunAsync(RepoPaths.Root, "publish", "--connection-string", servers.Azurite.ConnectionString, "--container", _cli.ContainerName);
        Assert.True(publish.ExitCode == 0, publish.Output);
        var pointer = (await _cli.Container.GetAsync("models/current.json"))!;
        var version = System.Text.Json.JsonDocument.Parse(pointer.Content).RootElement.GetProperty("version").GetString()!;

        // The temp folder has no seeds above it: only the published model can make this succeed.
        var run = await RunAsync("newsletter", "preview", "--month", "2026-11", "--out", "nov");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Kennismodel {version} uit de opslag", run.Output, StringComparison.Ordinal);
        Assert.Contains("maandag 16 november 2026", await File.ReadAllTextAsync(Path.Combine(_work.FullName, "nov", "nieuwsbrief.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_NoStorageNoSeeds_ExitsTwoWithDutchAdvice()
    {
        var run = await CliRunner.RunAsync(_work.FullName, new Dictionary<string, string> { ["Newsletter__SigningKey"] = NewsletterCli.SigningKey }, "newsletter", "preview", "--month", "2026-03");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Geen map 'seeds' gevonden", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribersExport_StorageUnreachable_ExitsTwoWithDutchAdviceAndNoSecret()
    {
        var environment = _cli.Environment;
        environment["Storage__ConnectionString"] =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{LocalServer.FreePort()}/{AzuriteFixture.AccountName};";

        // The executable, as operators run it (the other subscribers tests run in-process).
        var run = await CliRunner.RunProcessAsync(_work.FullName, environment, "subscribers", "export");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("De opslag is niet bereikbaar", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnapprovedIssue_RefusesWithExitTwoAndSendsNothing()
    {
        await SubscribeAsync("weiger");
        Assert.Equal(0, (await RunAsync("newsletter", "preview", "--month", "2026-04", "--out", "apr", "--seeds", RepoPaths.Seeds)).ExitCode);
        using var maildev = new MailDevClient(servers.MailDev);
        var before = (await maildev.AllAsync()).Count;

        var run = await RunAsync("newsletter", "send", "--month", "2026-04");
        var notComposed = await RunAsync("newsletter", "send", "--month", "2031-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Niet verstuurd:", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"De nieuwsbrief van 2026-04 is nog niet goedgekeurd\s+\(varbot newsletter approve --month 2026-04\)\.", run.Output);
        Assert.Equal(2, notComposed.ExitCode);
        Assert.Contains("Er is nog geen nieuwsbrief voor 2031-01 samengesteld.", notComposed.Output, StringComparison.Ordinal);
        Assert.Null(await _cli.Container.GetPropertiesAsync("newsletters/2026-04/sent/" + _cli.Subscribers.KeyOf("weiger" + Domain)));
        Assert.Equal(before, (await maildev.SettledAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))).Count);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Send_ApprovedIssueOfPastMonth_RefusedWithoutOverrideSentWithIt()
    {
        await SubscribeAsync("verleden");
        Assert.Equal(0, (await RunAsync("newsletter", "preview", "--month", "2026-09", "--out", "sep", "--seeds", RepoPaths.Seeds)).ExitCode);
        Assert.Equal(0, (await RunAsync("newsletter", "approve", "--month", "2026-09", "--allow-past-month")).ExitCode);
        var record = "newsletters/2026-09/sent/" + _cli.Subscribers.KeyOf("verleden" + Domain);

        var refused = await RunAsync("newsletter", "send", "--month", "2026-09");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Niet verstuurd:", refused.Output, StringComparison.Ordinal);
        Assert.Matches(@"De\s+maand\s+september\s+2026\s+is\s+voorbij\.", refused.Output);
        Assert.Contains("--allow-past-month", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", refused.Output, StringComparison.Ordinal);
        Assert.Null(await _cli.Container.GetPropertiesAsync("newsletters/2026-09/archief.json"));
        Assert.Null(await _cli.Container.GetPropertiesAsync(record));

        var dryRun = await RunAsync("newsletter", "send", "--month", "2026-09", "--dry-run");
        var sent = await RunAsync("newsletter", "send", "--month", "2026-09", "--allow-past-month");

        Assert.True(dryRun.ExitCode == 0, dryRun.Output); // sends nothing, so no override needed
        Assert.True(sent.ExitCode == 0, sent.Output);
        Assert.NotNull(await _cli.Container.GetPropertiesAsync("newsletters/2026-09/archief.json"));
        Assert.NotNull(await _cli.Container.GetPropertiesAsync(record));
    }

    [Fact]
    public async Task ApproveThenSendDryRun_CountsEveryoneAndSendsNothing()
    {
        await SubscribeAsync("droog1");
        await SubscribeAsync("droog2");
        Assert.Equal(0, (await RunAsync("newsletter", "preview", "--month", "2026-05", "--out", "mei", "--seeds", RepoPaths.Seeds)).ExitCode);
        using var maildev = new MailDevClient(servers.MailDev);
        var before = (await maildev.AllAsync()).Count;

        var approve = await RunAsync("newsletter", "approve", "--month", "2026-05", "--by", "Redactie", "--allow-past-month");
        var dryRun = await RunAsync("newsletter", "send", "--month", "2026-05", "--dry-run");

        Assert.True(approve.ExitCode == 0, approve.Output);
        Assert.Contains("Nieuwsbrief 2026-05 goedgekeurd door Redactie", approve.Output, StringComparison.Ordinal);
        Assert.True(dryRun.ExitCode == 0, dryRun.Output);
        Assert.Contains("Proefrun 2026-05 (niets verstuurd)", dryRun.Output, StringComparison.Ordinal);
        Assert.Matches(@"zou versturen\s*│\s*2\s", dryRun.Output);
        Assert.Equal(before, (await maildev.SettledAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))).Count);
        Assert.Null(await _cli.Container.GetPropertiesAsync("newsletters/2026-05/sent/" + _cli.Subscribers.KeyOf("droog1" + Domain)));
    }

    [Fact]
    public async Task SendTest_UnapprovedIssue_DeliversOneProofToTheStaffAddress()
    {
        Assert.Equal(0, (await RunAsync("newsletter", "preview", "--month", "2026-06", "--out", "jun", "--seeds", RepoPaths.Seeds)).ExitCode);
        var staff = $"redactie-{Guid.NewGuid():N}{Domain}";
        using var maildev = new MailDevClient(servers.MailDev);

        var run = await RunAsync("newsletter", "send", "--month", "2026-06", "--test", staff);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Proef van 2026-06 verstuurd.", run.Output, StringComparison.Ordinal);
        var proofs = await WaitForAsync(maildev, staff, 1);
        var proof = Assert.Single(proofs);
        Assert.StartsWith("[PROEF] VAR-nieuwsbrief juni 2026", proof.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("Nieuwsbrief juni 2026", proof.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Subscribers_ImportExportForget_ForgetDeletesSubscriberAndSendRecords()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string Address(string who) => $"{who}-{id}{Domain}";
        await File.WriteAllLinesAsync(Path.Combine(_work.FullName, "abonnees.csv"),
        [
            "email,name,themes",
            $"{Address("anna")},\"Anna de Vries, gemeente Schiedam\",mensenhandel;jeugd-en-veiligheid",
            $"{Address("bram")},,",
            "geen-adres,Iemand,mensenhandel",
        ]);

        var import = await RunAsync("subscribers", "import", "abonnees.csv", "--seeds", RepoPaths.Seeds);

        Assert.Equal(1, import.ExitCode); // one row rejected
        Assert.Contains("2 abonnees geïmporteerd, 0 bestonden al (ongewijzigd), 0 dubbel, 1 ongeldig", import.Output, StringComparison.Ordinal);
        Assert.Contains("Regel 4: geen geldig e-mailadres", import.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("geen-adres", import.Output, StringComparison.Ordinal);
        var anna = (await _cli.Subscribers.GetAsync(Address("anna")))!.Value.Subscriber;
        Assert.Equal(SubscriberStatus.Confirmed, anna.Status);
        Assert.Equal("import:abonnees.csv", anna.ConsentSource);
        Assert.Equal(["mensenhandel", "jeugd-en-veiligheid"], anna.Themes);

        var export = await RunAsync("subscribers", "export", "--out", "export.csv");
        Assert.True(export.ExitCode == 0, export.Output);
        var exported = await File.ReadAllLinesAsync(Path.Combine(_work.FullName, "export.csv"));
        Assert.Equal("email,name,themes,status,consent", exported[0]);
        Assert.Contains($"{Address("anna")},\"Anna de Vries, gemeente Schiedam\",\"mensenhandel;jeugd-en-veiligheid\",confirmed,import:abonnees.csv", exported);
        Assert.Contains($"{Address("bram")},,,confirmed,import:abonnees.csv", exported);

        // A sent issue leaves a send record per subscriber; forget removes it with the subscriber.
        Assert.Equal(0, (await RunAsync("newsletter", "preview", "--month", "2026-07", "--out", "jul", "--seeds", RepoPaths.Seeds)).ExitCode);
        Assert.Equal(0, (await RunAsync("newsletter", "approve", "--month", "2026-07", "--allow-past-month")).ExitCode);
        var send = await RunAsync("newsletter", "send", "--month", "2026-07", "--allow-past-month");
        Assert.True(send.ExitCode == 0, send.Output);
        var record = "newsletters/2026-07/sent/" + _cli.Subscribers.KeyOf(Address("anna"));
        Assert.NotNull(await _cli.Container.GetPropertiesAsync(record));

        var forget = await RunAsync("subscribers", "forget", Address("anna").ToUpperInvariant());
        var again = await RunAsync("subscribers", "forget", Address("anna"));

        Assert.True(forget.ExitCode == 0, forget.Output);
        Assert.Contains("Abonnee vergeten: 2 registraties verwijderd.", forget.Output, StringComparison.Ordinal);
        Assert.Contains("Deze abonnee was niet bekend.", again.Output, StringComparison.Ordinal);
        Assert.Null(await _cli.Subscribers.GetAsync(Address("anna")));
        Assert.Null(await _cli.Container.GetPropertiesAsync(record));
        Assert.NotNull(await _cli.Subscribers.GetAsync(Address("bram")));
        Assert.NotNull(await _cli.Container.GetPropertiesAsync("newsletters/2026-07/sent/" + _cli.Subscribers.KeyOf(Address("bram"))));
    }

    /// <summary>Every run: logging at Trace, and no address of the test domain anywhere in what varbot printed or logged.</summary>
    private async Task<CliRun> RunAsync(params string[] args) => NoAddress(await CliRunner.RunAsync(_work.FullName, TraceEnvironment(), args));

    /// <summary>As <see cref="RunAsync"/>, with the built executable.</summary>
    private async Task<CliRun> RunProcessAsync(params string[] args) => NoAddress(await CliRunner.RunProcessAsync(_work.FullName, TraceEnvironment(), args));

    private Dictionary<string, string> TraceEnvironment()
    {
        var environment = _cli.Environment;
        environment["Logging__LogLevel__Default"] = "Trace";
        return environment;
    }

    private static CliRun NoAddress(CliRun run)
    {
        Assert.DoesNotContain(Domain, run.Output, StringComparison.OrdinalIgnoreCase);
        return run;
    }

    private async Task SubscribeAsync(string who)
    {
        await _cli.Container.CreateIfNotExistsAsync();
        await _cli.Subscribers.CreateAsync(who + Domain, null, [], "test", confirmed: true);
    }

    private static async Task<List<System.Text.Json.JsonElement>> WaitForAsync(MailDevClient maildev, string to, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        List<System.Text.Json.JsonElement> found;
        do
        {
            found = (await maildev.AllAsync()).Where(m => MailDevClient.To(m) == to).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);
        return found;
    }
}
