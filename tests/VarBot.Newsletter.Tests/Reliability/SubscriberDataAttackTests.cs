using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;

namespace VarBot.Newsletter.Tests.Reliability;

/// <summary>
/// Attacks and faults on subscriber data (issues 9 and 13): CSV import and export, subscriber keys and token keys,
/// against real Azurite (and the real host where links are followed). See SECURITY.md.
/// </summary>
public sealed class SubscriberDataAttackTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private ThemeResolver Themes => new(servers.Seeds.Model.Themes);

    [Fact]
    public async Task Import_AliasAndFormerThemeNames_MappedToCurrentThemesAndReportedByLine()
    {
        var (services, _) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var csv = "email,name,themes\nanna@example.org,Anna,cybercrime\nbram@example.org,,huiselijk-geweld;Mensenhandel\n";

        var report = await services.GetRequiredService<SubscriberImporter>().ImportAsync(new StringReader(csv), "leden.csv", Themes, dryRun: false);

        Assert.Equal(2, report.Imported);
        Assert.Equal(2, report.Mapped);
        Assert.Contains(report.Issues, i => i.Line == 2 && i.Message.Contains("'cybercrime' gelezen als 'digitale-veiligheid'", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.Line == 3 && i.Message.Contains("'huiselijk-geweld' gelezen als 'zorg-en-veiligheid'", StringComparison.Ordinal));
        var store = services.GetRequiredService<SubscriberStore>();
        Assert.Equal(["digitale-veiligheid"], (await store.GetAsync("anna@example.org"))!.Value.Subscriber.Themes);
        Assert.Equal(["zorg-en-veiligheid", "mensenhandel"], (await store.GetAsync("bram@example.org"))!.Value.Subscriber.Themes);
    }

    [Fact]
    public async Task Import_TwentyPeopleWithOneDuplicateRow_TwentyImportedFirstRowKeptDuplicateReported()
    {
        var (services, _) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var lines = new List<string> { "email,name,themes" };
        lines.AddRange(Enumerable.Range(1, 20).Select(i => $"persoon{i:D2}@example.org,Persoon {i},mensenhandel"));
        lines.Insert(6, "PERSOON01@example.org,Overschrijver,jeugd-en-veiligheid"); // line 7 repeats line 2

        var report = await services.GetRequiredService<SubscriberImporter>().ImportAsync(new StringReader(string.Join('\n', lines)), "leden.csv", Themes, dryRun: false);

        Assert.Equal(21, report.Rows);
        Assert.Equal(20, report.Imported);
        Assert.Equal(1, report.Duplicates);
        var duplicate = Assert.Single(report.Issues, i => i.Kind == ImportIssueKind.Duplicate);
        Assert.Equal(7, duplicate.Line);
        Assert.Contains("regel 2", duplicate.Message, StringComparison.Ordinal);
        var first = (await services.GetRequiredService<SubscriberStore>().GetAsync("persoon01@example.org"))!.Value.Subscriber;
        Assert.Equal("Persoon 1", first.Name);
        Assert.Equal(["mensenhandel"], first.Themes);
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("bestaat-niet")]
    [InlineData("veilig-ondernemen")] // retired, no successor
    public async Task Import_UnknownOrTraversalThemeId_RowRejectedByLineNothingStored(string theme)
    {
        var (services, container) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var csv = $"email,name,themes\nok@example.org,,mensenhandel\nslecht@example.org,,{theme}\n";

        var report = await services.GetRequiredService<SubscriberImporter>().ImportAsync(new StringReader(csv), "leden.csv", Themes, dryRun: false);

        Assert.Equal(1, report.Imported);
        Assert.Equal(1, report.Invalid);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(3, issue.Line);
        Assert.Contains("thema", issue.Message, StringComparison.Ordinal);
        Assert.Null(await services.GetRequiredService<SubscriberStore>().GetAsync("slecht@example.org"));
        await foreach (var blob in container.ListAsync())
        {
            Assert.DoesNotContain("..", blob.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportDryRun_FileWithEveryKindOfProblem_ReportsByLineAndWritesNothing()
    {
        var (services, container) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var store = services.GetRequiredService<SubscriberStore>();
        await store.CreateAsync("bestaand@example.org", "Oud", ["mensenhandel"], "test", confirmed: true);
        var csv = "email,name,themes\nnieuw@example.org,,cybercrime\nbestaand@example.org,Nieuw,jeugd-en-veiligheid\ngeen-adres,,\nnieuw@example.org,,\n\"open,,\n";

        var report = await services.GetRequiredService<SubscriberImporter>().ImportAsync(new StringReader(csv), "proef.csv", Themes, dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal(1, report.Imported);
        Assert.Equal(1, report.Existing);
        Assert.Equal(2, report.Invalid);
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(1, report.Mapped);
        Assert.Equal([2, 4, 5, 6], report.Issues.Select(i => i.Line).Order());
        Assert.Null(await store.GetAsync("nieuw@example.org"));
        Assert.Equal("Oud", (await store.GetAsync("bestaand@example.org"))!.Value.Subscriber.Name);
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync())
        {
            keys.Add(key);
        }

        Assert.Single(keys); // the subscriber stored before the dry run, nothing more
        var blobs = new List<string>();
        await foreach (var blob in container.ListAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Empty(blobs);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Import_TwentyThousandRows_DryRunAtLeast5000RowsPerSecondAndImportStreams()
    {
        var (services, _) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var csv = new StringBuilder("email,name,themes\n");
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append("lid").Append(i).Append("@example.org,Lid ").Append(i).Append(",mensenhandel;cybercrime\n");
        }

        var importer = services.GetRequiredService<SubscriberImporter>();
        var validate = await importer.ImportAsync(new StringReader(csv.ToString()), "groot.csv", Themes, dryRun: true);
        var import = await importer.ImportAsync(new StringReader(csv.ToString()), "groot.csv", Themes, dryRun: false);

        Console.WriteLine($"dry run {validate.RowsPerSecond:F0} rows/s, import {import.RowsPerSecond:F0} rows/s");
        Assert.Equal(20_000, validate.Imported);
        Assert.Equal(20_000, import.Imported);
        Assert.True(validate.RowsPerSecond >= 5_000, $"dry run {validate.RowsPerSecond:F0} rows/s");
    }

    [Fact]
    public void ExportCell_FormulaInjection_PrefixedWithApostrophe()
    {
        var hostile = new Subscriber("a@example.org", "=HYPERLINK(\"http://evil.example\",\"klik\")", ["+cmd|' /C calc'!A0", "@SUM(1+1)"], SubscriberStatus.Confirmed, "-2+3", DateTimeOffset.UnixEpoch, null);

        var row = SubscriberCsv.Row(hostile);

        Assert.Equal("a@example.org,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\",\"'+cmd|' /C calc'!A0;@SUM(1+1)\",confirmed,'-2+3", row);
        Assert.Equal("'\tx", SubscriberCsv.Cell("\tx"));
        Assert.Equal("\"'\rx\"", SubscriberCsv.Cell("\rx"));
        Assert.Equal("gewoon", SubscriberCsv.Cell("gewoon"));
    }

    [Fact]
    public async Task SubscriberKey_AddressHashedWithoutSecret_DoesNotFindTheBlob()
    {
        var (services, _) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var store = services.GetRequiredService<SubscriberStore>();
        var outcome = await store.CreateAsync("geheim@example.org", null, [], "test", confirmed: true);

        var unsalted = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("geheim@example.org")))[..32];

        Assert.NotEqual(unsalted, outcome.Key);
        Assert.Null(await store.GetByKeyAsync(unsalted));
        Assert.NotNull(await store.GetByKeyAsync(outcome.Key));
        Assert.NotEqual(outcome.Key, new SubscriberKeys(RandomNumberGenerator.GetBytes(32)).For("geheim@example.org"));
    }

    [Fact]
    public async Task KeyMigration_LegacyUnsaltedBlobsAndSendRecords_MovedAndOldUnsubscribeLinkStillWorks()
    {
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, TestSupport.AzuriteFixture.UniqueContainerName("mig"));
        await container.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync(servers, container, servers.Seeds.Model);
        var legacy = SubscriberKeys.Legacy("oud@example.org");
        var subscriber = new Subscriber("oud@example.org", "Oud", ["mensenhandel"], SubscriberStatus.Confirmed, "formulier", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await container.PutAsync(SubscriberStore.BlobName(legacy), NewsletterJson.Serialize(subscriber), "application/json");
        await container.PutAsync(IssueStore.Folder(IssueMonth.Parse("2026-03")) + "sent/" + legacy, "{\"state\":\"done\",\"messageId\":\"<x>\",\"attempts\":1,\"at\":\"2026-03-01T00:00:00Z\"}"u8.ToArray(), "application/json");
        // A link from a mail sent before the migration names the legacy key.
        var oldLink = $"{host.BaseUrl}/nieuwsbrief/afmelden?token={Uri.EscapeDataString(host.Services.GetRequiredService<SubscriptionTokens>().Create(TokenPurpose.Unsubscribe, legacy, TimeSpan.FromDays(30)))}";
        var store = host.Services.GetRequiredService<SubscriberStore>();

        var first = await host.Services.GetRequiredService<SubscriberKeyMigration>().MigrateAsync();
        var second = await host.Services.GetRequiredService<SubscriberKeyMigration>().MigrateAsync();

        Assert.Equal(new KeyMigrationResult(1, 1, 0), first);
        Assert.Equal(new KeyMigrationResult(0, 0, 0), second);
        var key = store.KeyOf("oud@example.org");
        Assert.Equal("Oud", (await store.GetByKeyAsync(key))!.Value.Subscriber.Name);
        Assert.Null(await container.GetPropertiesAsync(SubscriberStore.BlobName(legacy)));
        Assert.NotNull(await container.GetPropertiesAsync("newsletters/2026-03/sent/" + key));
        Assert.Null(await container.GetPropertiesAsync("newsletters/2026-03/sent/" + legacy));
        using var http = new HttpClient();
        var page = await http.GetAsync(oldLink);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var done = await http.PostAsync(oldLink, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Contains("U bent afgemeld", await done.Content.ReadAsStringAsync());
        Assert.Null(await store.GetAsync("oud@example.org"));
    }

    [Theory]
    [InlineData("../../models/current")]
    [InlineData("abc")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    public void Check_SignedTokenWhoseKeyIsNotAKey_Malformed(string key)
    {
        var tokens = new SubscriptionTokens(Convert.FromBase64String(Harness.SigningKey), TimeProvider.System);

        var token = tokens.Create(TokenPurpose.Unsubscribe, key, TimeSpan.FromDays(1));

        Assert.Equal(TokenCheck.Malformed, tokens.Check(token, TokenPurpose.Unsubscribe, out var found));
        Assert.Equal("", found);
    }
}
