using System.Net;
using System.Net.Http.Json;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

[Collection(BotHostCollection.Name)]
public sealed class HostEndpointTests(BotHostFixture fixture)
{
    [Fact]
    public async Task AgendaIcs_KnownDatedEvent_ReturnsCalendarFile()
    {
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var dated = model.Events.First(e => e.Date is not null);

        using var response = await fixture.Client.GetAsync($"/agenda/{Uri.EscapeDataString(dated.Id)}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT\r\n", ics, StringComparison.Ordinal);
        // All day (VALUE=DATE) or, when the model has a time, local time in Europe/Amsterdam (TZID): the day is the event's.
        Assert.Matches($@"\r\nDTSTART;(VALUE=DATE|TZID=Europe/Amsterdam):{dated.Date:yyyyMMdd}", ics.Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgendaIcs_UnknownEvent_Returns404()
    {
        using var response = await fixture.Client.GetAsync("/agenda/bestaat-niet.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Nieuwsbrief_SubscribePage_IsServedByTheBotHost()
    {
        using var response = await fixture.Client.GetAsync("/nieuwsbrief");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nieuwsbrief", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Readyz_ModelLoadedAndStorageUp_ReturnsOk()
    {
        using var response = await fixture.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>With an app id configured, the host refuses requests without a Bot Framework token before any bot code runs.</summary>
public sealed class HostAuthenticationTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;

    public HostAuthenticationTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task PostMessages_AppIdConfiguredAndNoToken_Returns401()
    {
        await using var host = new BotHostFactory(_azurite, AzuriteFixture.UniqueContainerName("auth"), settings: new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "6f1b7c2e-2f4f-4a55-9a55-0d1c2b3a4f5e",
            ["Bot:MicrosoftAppPassword"] = "test-only-not-a-secret",
            ["Bot:OpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration",
        });
        using var client = await host.StartAsync();

        using var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("hulp", "auth-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>A host that cannot render its cards does not start: it fails at start, not on the first message.</summary>
public sealed class HostStartTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;

    public HostStartTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Start_CardsFolderMissing_FailsWithTheReason()
    {
        var empty = Directory.CreateTempSubdirectory("varbot-no-cards-").FullName;
        await using var host = new BotHostFactory(_azurite, AzuriteFixture.UniqueContainerName("nocards"), settings: new Dictionary<string, string?> { ["Cards:Directory"] = empty });

        var ex = await Record.ExceptionAsync(host.StartAsync);

        Assert.NotNull(ex);
        Assert.Contains(empty, ex.ToString(), StringComparison.Ordinal);
    }
}
