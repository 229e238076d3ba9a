using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Hosting;
using VarBot.Newsletter.Issues;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>Drafts, approval and the frozen archive against a real Azurite, with the clock at 4 December 2026.</summary>
public sealed class DraftTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private static readonly IssueMonth January = IssueMonth.Parse("2027-01");
    private static readonly IssueMonth March = IssueMonth.Parse("2026-03");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(1)));

    private async Task<ServiceProvider> ServicesAsync(bool fourEyes = false)
    {
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("ed"));
        await container.CreateIfNotExistsAsync();
        var settings = Harness.Settings(servers.MailDev.SmtpPort, "http://127.0.0.1:9");
        foreach (var (key, value) in Editorial.Settings(fourEyes))
        {
            settings[key] = value;
        }

        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<INewsletterModelSource>(new FixedModelSource(servers.Seeds.Model))
            .AddNewsletter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _ => container)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task SaveDraft_TwoEditorsFromTheSameVersion_SecondGetsConflictNothingLost()
    {
        await using var services = await ServicesAsync();
        var editor = services.GetRequiredService<IssueEditor>();
        var model = servers.Seeds.Model;
        var read = await editor.GetDraftAsync(model, January);
        Assert.Null(read.ETag);

        var (_, etag) = await editor.SaveDraftAsync(model, read.Draft with { Subject = "Van Anna" }, read.ETag, "Anna");
        var conflict = await Assert.ThrowsAsync<DraftConflictException>(() => editor.SaveDraftAsync(model, read.Draft with { Subject = "Van Bram" }, read.ETag, "Bram"));
        var (composed, _) = await editor.SaveDraftAsync(model, read.Draft with { Subject = "Van Anna, bijgewerkt" }, etag, "Anna");

        Assert.Contains("Iemand anders", conflict.Message, StringComparison.Ordinal);
        var stored = await services.GetRequiredService<IssueStore>().GetDraftAsync(January);
        Assert.Equal("Van Anna, bijgewerkt", stored!.Draft.Subject);
        Assert.Equal("Anna", stored.Draft.EditedBy);
        Assert.Equal("Van Anna, bijgewerkt", composed.Issue.Subject);
        Assert.Equal("Van Anna, bijgewerkt", (await services.GetRequiredService<IssueStore>().LoadAsync(January))!.Issue.Subject);
    }

    [Fact]
    public async Task Approve_ThenEdit_ApprovalDroppedAndSendRefused()
    {
        await using var services = await ServicesAsync();
        var editor = services.GetRequiredService<IssueEditor>();
        var store = services.GetRequiredService<IssueStore>();
        var model = servers.Seeds.Model;
        var stored = await editor.EnsureStoredAsync(model, January);

        var approval = await editor.ApproveAsync(January, "Anna", allowPastMonth: false, stored.ContentHash);
        Assert.Equal(IssueState.Approved, await store.GetStateAsync(January));
        var draft = await editor.GetDraftAsync(model, January);
        await editor.SaveDraftAsync(model, draft.Draft with { Intro = "Een nieuwe inleiding met inhoud." }, draft.ETag, "Bram");

        Assert.Equal(stored.ContentHash, approval.ContentHash);
        Assert.Equal(IssueState.Draft, await store.GetStateAsync(January));
        Assert.Null(await store.GetApprovalAsync(January));
        await Assert.ThrowsAsync<IssueNotApprovedException>(() => services.GetRequiredService<NewsletterSender>().SendAsync(January, new SendOptions()));
        var refused = await Assert.ThrowsAsync<IssueRefusedException>(() => editor.FreezeForSendingAsync(January, allowPastMonth: false));
        Assert.Equal(RefusalReason.NotApproved, refused.Reason);
    }

    [Fact]
    public async Task Approve_StaleHash_RefusedAsConflict()
    {
        await using var services = await ServicesAsync();
        var editor = services.GetRequiredService<IssueEditor>();
        await editor.EnsureStoredAsync(servers.Seeds.Model, January);

        await Assert.ThrowsAsync<DraftConflictException>(() => editor.ApproveAsync(January, "Anna", false, "0000000000000000"));
    }

    [Fact]
    public async Task Approve_FourEyesByTheLastEditor_RefusedByAColleagueAccepted()
    {
        await using var services = await ServicesAsync(fourEyes: true);
        var editor = services.GetRequiredService<IssueEditor>();
        var model = servers.Seeds.Model;
        var draft = await editor.GetDraftAsync(model, January);
        await editor.SaveDraftAsync(model, draft.Draft with { Intro = "Inleiding van Anna." }, draft.ETag, "Anna");

        var refused = await Assert.ThrowsAsync<IssueRefusedException>(() => editor.ApproveAsync(January, "anna", false));
        var approval = await editor.ApproveAsync(January, "Bram", false);

        Assert.Equal(RefusalReason.SameEditor, refused.Reason);
        Assert.Contains("Vier ogen", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Bram", approval.ApprovedBy);
    }

    [Fact]
    public async Task Approve_PastMonth_OnlyWithOverrideAndWarned()
    {
        await using var services = await ServicesAsync();
        var editor = services.GetRequiredService<IssueEditor>();
        var model = servers.Seeds.Model;
        var stored = await editor.EnsureStoredAsync(model, March);
        var draft = await editor.GetDraftAsync(model, March);

        var warnings = await editor.WarningsAsync(model, draft.Draft, stored.Issue);
        var refused = await Assert.ThrowsAsync<IssueRefusedException>(() => editor.ApproveAsync(March, "Anna", allowPastMonth: false));
        var approval = await editor.ApproveAsync(March, "Anna", allowPastMonth: true);
        var sendRefused = await Assert.ThrowsAsync<IssueRefusedException>(() => editor.FreezeForSendingAsync(March, allowPastMonth: false));

        Assert.Contains(warnings, w => w.Code == IssueWarning.MonthPassed);
        Assert.Contains(warnings, w => w.Code == IssueWarning.PastEvent && w.ItemId == "2026-03-23-leerhuis");
        Assert.Equal(RefusalReason.MonthPassed, refused.Reason);
        Assert.Equal("Anna", approval.ApprovedBy);
        Assert.Equal(RefusalReason.MonthPassed, sendRefused.Reason);
    }

    [Fact]
    public async Task Freeze_SentIssue_ArchiveFixedAgainstLaterPreviewAndEdits()
    {
        await using var services = await ServicesAsync();
        var editor = services.GetRequiredService<IssueEditor>();
        var store = services.GetRequiredService<IssueStore>();
        var model = servers.Seeds.Model;
        var stored = await editor.EnsureStoredAsync(model, January);
        await editor.ApproveAsync(January, "Anna", false);
        Assert.Null(await store.GetArchiveHtmlAsync(January));

        await editor.FreezeForSendingAsync(January, allowPastMonth: false);
        var archived = await store.GetArchiveHtmlAsync(January);
        var changedModel = model with { News = [.. model.News, new Knowledge.Model.NewsItem("later", "Later bericht", new DateOnly(2026, 12, 20), [], "Later.", null, null, "", new Knowledge.Model.SourceRef("x", 1))] };
        var preview = await editor.ComposeAsync(changedModel, January);
        var draft = await editor.GetDraftAsync(changedModel, January);
        var editRefused = await Assert.ThrowsAsync<IssueRefusedException>(() => editor.SaveDraftAsync(changedModel, draft.Draft with { Subject = "Anders" }, draft.ETag, "Bram"));

        Assert.NotNull(archived);
        Assert.Contains("webversie", archived, StringComparison.Ordinal);
        Assert.DoesNotContain("Afmelden", archived, StringComparison.Ordinal);
        Assert.DoesNotContain("Later bericht", preview.Html, StringComparison.Ordinal);
        Assert.Equal(archived, await store.GetArchiveHtmlAsync(January));
        Assert.Equal(stored.ContentHash, (await store.LoadAsync(January))!.ContentHash);
        Assert.Equal(IssueState.Sent, await store.GetStateAsync(January));
        Assert.Equal(RefusalReason.AlreadySent, editRefused.Reason);
    }

    [Fact]
    public async Task Warnings_NewsItemAlreadyInASentIssue_Named()
    {
        await using var services = await ServicesAsync();
        var editor = services.GetRequiredService<IssueEditor>();
        var model = servers.Seeds.Model;
        var november = IssueMonth.Parse("2026-11");
        await editor.EnsureStoredAsync(model, november);
        await editor.ApproveAsync(november, "Anna", allowPastMonth: true);
        await editor.FreezeForSendingAsync(november, allowPastMonth: true);
        var sent = (await services.GetRequiredService<IssueStore>().GetArchivedIssueAsync(november))!;
        var december = await editor.GetDraftAsync(model, IssueMonth.Parse("2026-12"));
        var again = december.Draft with { News = ["2026-11-02-leerhuis-16-november"] };

        var warnings = await editor.WarningsAsync(model, again, editor.Composer.Build(model, again));

        Assert.Contains(sent.Agenda, a => a.EventId == "2026-11-16-leerhuis");
        var warning = Assert.Single(warnings, w => w.Code == IssueWarning.AlreadySent);
        Assert.Contains("november 2026", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebVersion_DraftOrApprovedNotSent_NotFoundSentServedFrozen()
    {
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("ed"));
        await container.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync(servers, container, servers.Seeds.Model);
        var editor = host.Services.GetRequiredService<IssueEditor>();
        await editor.EnsureStoredAsync(servers.Seeds.Model, January);
        using var http = new HttpClient();

        var draft = await http.GetAsync(host.BaseUrl + "/nieuwsbrief/2027-01");
        await editor.ApproveAsync(January, "Anna", false);
        var approved = await http.GetAsync(host.BaseUrl + "/nieuwsbrief/2027-01");
        await editor.FreezeForSendingAsync(January, false);
        var sent = await http.GetAsync(host.BaseUrl + "/nieuwsbrief/2027-01");

        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Nieuwsbrief januari 2027", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
