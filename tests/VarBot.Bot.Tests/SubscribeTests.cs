using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Knowledge.Import;
using VarBot.Newsletter.Subscribers;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>Subscribing to the nieuwsbrief from the bot, through the real host, Azurite and maildev (double opt-in).</summary>
public sealed class SubscribeTests : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly MailDevFixture _maildev;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly string _container = AzuriteFixture.UniqueContainerName("sub");
    private readonly MailDevClient _mail;
    private BotHostFactory _host = null!;
    private HttpClient _client = null!;

    public SubscribeTests(AzuriteFixture azurite, MailDevFixture maildev)
    {
        _azurite = azurite;
        _maildev = maildev;
        _mail = new MailDevClient(maildev);
    }

    public async Task InitializeAsync()
    {
        _host = new BotHostFactory(_azurite, _container, settings: new Dictionary<string, string?>
        {
            ["Newsletter:Smtp:Host"] = "127.0.0.1",
            ["Newsletter:Smtp:Port"] = _maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Newsletter:FromAddress"] = "nieuwsbrief@var.test",
            ["Newsletter:PublicBaseUrl"] = "http://127.0.0.1:3978",
        }, logs: _logs);
        _client = await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _mail.Dispose();
        await _host.DisposeAsync();
    }

    private static string NewConversation() => "sub:" + Guid.NewGuid().ToString("N");

    private static string NewAddress() => $"zoe.{Guid.NewGuid():N}"[..16] + "@rotterdam.example.nl";

    [Theory]
    [InlineData("nieuwsbrief")]
    [InlineData("Aanmelden voor de nieuwsbrief")]
    [InlineData("ik wil de nieuwsbrief ontvangen!")]
    [InlineData("<at>VarBot</at> nieuwsbrief")]
    public async Task Message_AsksToSubscribe_SendsSubscribeCardWithTheFiveCurrentThemes(string text)
    {
        var reply = await _client.AskAsync(text, NewConversation());

        var card = reply.Card();
        Assert.Equal("1.5", (string?)card["version"]);
        var inputs = Elements(card).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["email", "name", "themes"], inputs.Select(i => (string?)i["id"]));
        var themes = inputs[2];
        Assert.True((bool)themes["isMultiSelect"]!);
        Assert.Equal("expanded", (string?)themes["style"]);
        Assert.Equal(
            ["digitale-veiligheid", "jeugd-en-veiligheid", "maatschappelijk-ongenoegen", "mensenhandel", "zorg-en-veiligheid"],
            themes["choices"]!.AsArray().Select(c => (string?)c!["value"]).Order());
        Assert.Contains(card.SubmitActions(), a => (string?)a.Data["action"] == "subscribe");
        Assert.Contains("Aanmelden voor de nieuwsbrief", card.CardText());
    }

    [Fact]
    public async Task Message_AsksToSubscribeAfterANewModel_FormListsTheNewModelsThemes()
    {
        // The blank form is rendered once per model: the same form twice, then a model with one current theme.
        var container = AzuriteFixture.UniqueContainerName("subreload");
        await using var host = new BotHostFactory(_azurite, container, settings: new Dictionary<string, string?>
        {
            ["ModelStore:RefreshInterval"] = "00:00:01",
        });
        using var client = await host.StartAsync();
        var before = ThemeChoices((await client.AskAsync("nieuwsbrief", NewConversation())).Card());
        Assert.Equal(before, ThemeChoices((await client.AskAsync("nieuwsbrief", NewConversation())).Card()));
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var kept = model.Themes.First(t => t.IsCurrent);
        var changed = model with { Version = "subform01", Themes = [kept] };
        await ModelReload.PublishAndWaitAsync(_azurite, container, client, changed);

        Assert.Equal(5, before.Count);
        Assert.Equal([kept.Id], ThemeChoices((await client.AskAsync("nieuwsbrief", NewConversation())).Card()));
    }

    private static List<string?> ThemeChoices(JsonObject card) =>
        [.. Elements(card).Single(e => (string?)e["id"] == "themes")["choices"]!.AsArray().Select(c => (string?)c!["value"]).Order()];

    [Theory]
    [InlineData("ik wil me afmelden voor de nieuwsbrief")]
    [InlineData("wat stond er in de nieuwsbrief van maart?")]
    public async Task Message_MentionsNieuwsbriefWithoutSubscribing_IsNoSubscribeCard(string text)
    {
        var reply = await _client.AskAsync(text, NewConversation());

        Assert.DoesNotContain(reply.Card().SubmitActions(), a => (string?)a.Data["action"] == "subscribe");
    }

    [Fact]
    public async Task WelcomeCard_ExampleButton_OpensTheSubscribeCard()
    {
        var welcome = Assert.Single(await _client.ExpectRepliesAsync(Activities.BotAdded(NewConversation()))).Card();
        var example = welcome.SubmitActions().Single(a => ((string?)a.Data["question"])?.Contains("nieuwsbrief", StringComparison.Ordinal) == true);

        var reply = await _client.SubmitAsync(example.Data.DeepClone(), NewConversation());

        Assert.Contains(reply.Card().SubmitActions(), a => (string?)a.Data["action"] == "subscribe");
    }

    [Fact]
    public async Task Submit_ValidAddress_StoresPendingSubscriberAndMailsConfirmationLinkThatConfirms()
    {
        var email = NewAddress();
        var conversation = NewConversation();
        var form = (await _client.AskAsync("nieuwsbrief", conversation)).Card();
        var submit = form.SubmitActions().Single(a => (string?)a.Data["action"] == "subscribe").Data;

        // Action.Submit: the card's data plus the inputs arrive as the message value.
        var value = (JsonObject)submit.DeepClone();
        value["email"] = email;
        value["name"] = "Zoë de Vries";
        value["themes"] = "mensenhandel,jeugd-en-veiligheid,bestaat-niet";
        var reply = await _client.SubmitAsync(value, conversation);

        Assert.StartsWith("Bijna klaar: bevestig", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Contains(email, (string?)reply["text"], StringComparison.Ordinal);
        var store = _host.Services.GetRequiredService<SubscriberStore>();
        var stored = (await store.GetAsync(email))!.Value.Subscriber;
        Assert.Equal(SubscriberStatus.Pending, stored.Status);
        Assert.Equal("bot", stored.ConsentSource);
        Assert.Equal("Zoë de Vries", stored.Name);
        Assert.Equal(["mensenhandel", "jeugd-en-veiligheid"], stored.Themes);

        var mail = await WaitForMailToAsync(email);
        var text = mail.GetProperty("text").GetString()!;
        Assert.Contains("Bevestig", mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(text, @"http://127\.0\.0\.1:3978(/nieuwsbrief/bevestigen\?token=\S+)").Groups[1].Value;
        Assert.NotEmpty(link);
        using var confirm = await _client.PostAsync(link, new FormUrlEncodedContent([new("thema", "mensenhandel"), new("thema", "jeugd-en-veiligheid")]));
        Assert.True(confirm.IsSuccessStatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await store.GetAsync(email))!.Value.Subscriber.Status);

        AssertNotInLogs(email);
    }

    [Fact]
    public async Task Submit_ConfirmedAddressAgainWithOtherName_StoredUnchanged()
    {
        // Issue 9: anyone in Teams could overwrite a confirmed subscriber's name and themes through the card.
        var email = NewAddress();
        var store = _host.Services.GetRequiredService<SubscriberStore>();
        await store.CreateAsync(email, "Zoë de Vries", ["mensenhandel"], "formulier", confirmed: true);
        var value = new JsonObject { ["action"] = "subscribe", ["email"] = email, ["name"] = "Klik op http://evil.example", ["themes"] = "" };

        var reply = await _client.SubmitAsync(value, NewConversation());

        Assert.StartsWith("Bijna klaar", (string?)reply["text"], StringComparison.Ordinal);
        var stored = (await store.GetAsync(email))!.Value.Subscriber;
        Assert.Equal("Zoë de Vries", stored.Name);
        Assert.Equal(["mensenhandel"], stored.Themes);
        var mail = await WaitForMailToAsync(email);
        Assert.Equal(VarBot.Newsletter.NewsletterTexts.ManageSubject, mail.GetProperty("subject").GetString());
        Assert.DoesNotContain("evil.example", mail.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ValidAddress_AnswersInlineAndMailsConfirmation()
    {
        var email = NewAddress();
        var invoke = Activities.Invoke(NewConversation(), "subscribe", new JsonObject { ["email"] = email, ["themes"] = "digitale-veiligheid" });

        using var response = await _client.PostAsJsonAsync("/api/messages", invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.StartsWith("Bijna klaar", (string?)body["value"], StringComparison.Ordinal);
        await WaitForMailToAsync(email);
        AssertNotInLogs(email);
    }

    [Theory]
    [InlineData("zoe@@rotterdam.nl")]
    [InlineData("zoe.rotterdam.nl")]
    [InlineData("")]
    [InlineData("zoe@localhost")]
    public async Task Submit_InvalidAddress_DutchMessageAndTheCardAgainWithNothingStored(string email)
    {
        var conversation = NewConversation();
        var value = new JsonObject { ["action"] = "subscribe", ["email"] = email, ["name"] = "Zoë", ["themes"] = "mensenhandel" };

        var reply = await _client.SubmitAsync(value, conversation);

        Assert.Contains("geen geldig e-mailadres", (string?)reply["text"], StringComparison.Ordinal);
        var card = reply.Card();
        Assert.Contains("geen geldig e-mailadres", card.CardText(), StringComparison.Ordinal);
        Assert.Contains(card.SubmitActions(), a => (string?)a.Data["action"] == "subscribe");
        var themes = Elements(card).Single(e => (string?)e["id"] == "themes");
        Assert.Equal("mensenhandel", (string?)themes["value"]);
        await foreach (var subscriber in _host.Services.GetRequiredService<SubscriberStore>().ListAsync())
        {
            Assert.NotEqual("Zoë", subscriber.Name);
        }
    }

    private async Task<JsonElement> WaitForMailToAsync(string email)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            foreach (var mail in await _mail.AllAsync())
            {
                if (MailDevClient.IsTo(mail, email))
                {
                    return mail;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "no confirmation mail arrived for the subscriber");
            await Task.Delay(50);
        }
    }

    private void AssertNotInLogs(string email)
    {
        var lines = _logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Subscription from the bot", StringComparison.Ordinal)); // the capture works
        Assert.DoesNotContain(lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Elements(p.Value))],
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };
}
