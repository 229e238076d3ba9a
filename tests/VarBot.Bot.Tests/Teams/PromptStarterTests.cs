using VarBot.Bot.Tests.Infrastructure;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// Every prompt starter in the Teams manifest (TeamsAppPackageTests checks the list) is sent as the member's message, as
/// a click in Teams does, and gets the answer it promises, not the "I don't know" card.
/// </summary>
[Collection(BotHostCollection.Name)]
public sealed class PromptStarterTests(BotHostFixture fixture)
{
    private const string Today = "2026-11-01T10:00:00+01:00";

    [Theory]
    [InlineData("Volgende Leerhuis", "16 november 2026")]
    [InlineData("Begroting dit jaar", "2026")]
    [InlineData("Thema's", "Mensenhandel")]
    [InlineData("Wat is nieuw?", "Laatste Leerhuis van 2026 op 16 november")]
    [InlineData("Nieuwsbrief", "Aanmelden voor de nieuwsbrief")]
    [InlineData("Hulp", "Wat kun")]
    public async Task PersonalCommand_SentAsMessage_GetsItsAnswer(string title, string expected)
    {
        var replies = await fixture.Client.ExpectRepliesAsync(Activities.Message(title, "a:prompt-" + Guid.NewGuid().ToString("N"), Today));

        var reply = Assert.Single(replies);
        var shown = (string?)reply["text"] + "\n" + string.Join("\n", reply["attachments"]!.AsArray().Select(a => a!["content"]!.CardText()));
        Assert.Contains(expected, shown);
    }

    [Theory]
    [InlineData("Herinner mij aan Leerhuizen", "u krijgt voortaan een herinnering")]
    [InlineData("Stop herinneringen", "herinneringen")]
    public async Task ReminderCommand_SentAsMessage_IsAnswered(string title, string expected)
    {
        await using var connector = await VarBot.TestSupport.RecordingConnector.StartAsync();
        var reply = Assert.Single(await fixture.Client.ExpectRepliesAsync(TeamsActivities.Personal(title, "prompt-" + Guid.NewGuid().ToString("N")[..8], connector.ServiceUrl, Today)));

        Assert.Contains(expected, (string?)reply["text"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GroupCommand_KanaalId_IsAnswered()
    {
        var activity = TeamsActivities.Group("Kanaal-id", "19:prompt@thread.tacv2;messageid=1", "29:alice", mention: true);

        var reply = Assert.Single(await fixture.Client.ExpectRepliesAsync(activity));

        Assert.Contains("19:prompt@thread.tacv2", (string?)reply["text"]);
    }
}
