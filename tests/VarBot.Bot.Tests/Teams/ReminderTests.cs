using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.Bot.Teams;
using VarBot.Bot.Teams.Reminders;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// Opt-in reminders over the protocol against the real host: the stored reference, opting out, the schedule, and a
/// whole run of 1,000 members through the host's own background service to a recording connector that answers 429
/// for a while.
/// </summary>
public sealed class ReminderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>A week before the Leerhuis of 16 November 2026 in the seed model, early in the morning.</summary>
    private static readonly DateTimeOffset WeekBefore = new(2026, 11, 9, 7, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A connector address the host accepts without an app id (loopback; Teams' own hosts need one).</summary>
    private const string LocalServiceUrl = "http://127.0.0.1:9/emea/";

    [Fact]
    public async Task RemindMe_PersonalChat_StoresIdsServiceUrlAndTenantOnly()
    {
        var container = AzuriteFixture.UniqueContainerName("remind");
        await using var host = new BotHostFactory(azurite, container, settings: Quiet());
        using var client = await host.StartAsync();
        var activity = TeamsActivities.Personal("Herinner mij aan Leerhuizen", "m-one", LocalServiceUrl, "2026-11-01T10:00:00+01:00");

        var reply = Assert.Single(await client.ExpectRepliesAsync(activity));

        Assert.Contains("een week en een dag", (string?)reply["text"]);
        Assert.Contains("16 november 2026", (string?)reply["text"]);
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        var stored = await SingleMemberBlobAsync(blobs);
        var json = JsonNode.Parse(stored)!;
        Assert.Equal(LocalServiceUrl, (string?)json["reference"]!["serviceUrl"]);
        Assert.Equal("a:personal-m-one", (string?)json["reference"]!["conversation"]!["id"]);
        Assert.Equal("tenant-1", (string?)json["reference"]!["conversation"]!["tenantId"]);
        Assert.Equal("29:m-one", (string?)json["reference"]!["user"]!["id"]);
        Assert.Equal("varbot-id", (string?)json["reference"]!["bot"]!["id"]);
        Assert.DoesNotContain("Lid m-one", stored); // the member's name
        Assert.DoesNotContain("VarBot\"", stored);  // the bot's name
        Assert.DoesNotContain("Herinner", stored);  // the message text
    }

    [Fact]
    public async Task StopReminders_AfterOptIn_RemovesTheMemberAndSaysSo()
    {
        var container = AzuriteFixture.UniqueContainerName("stop");
        await using var host = new BotHostFactory(azurite, container, settings: Quiet());
        using var client = await host.StartAsync();
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        await client.ExpectRepliesAsync(TeamsActivities.Personal("Herinner mij aan Leerhuizen", "m-two", LocalServiceUrl));

        var stop = Assert.Single(await client.ExpectRepliesAsync(TeamsActivities.Personal("Stop herinneringen", "m-two", LocalServiceUrl)));
        var again = Assert.Single(await client.ExpectRepliesAsync(TeamsActivities.Personal("stop herinneringen!", "m-two", LocalServiceUrl)));

        Assert.Contains("geen herinneringen meer", (string?)stop["text"]);
        Assert.Contains("had geen herinneringen", (string?)again["text"]);
        Assert.Empty(await ListAsync(blobs, ReminderMembers.Prefix));
    }

    [Theory]
    [InlineData("2026-11-08", null)]        // 8 days before: nothing yet
    [InlineData("2026-11-09", 7)]           // a week before
    [InlineData("2026-11-12", 7)]           // the host was down on the day: the week reminder, late
    [InlineData("2026-11-15", 1)]           // a day before
    [InlineData("2026-11-16", 1)]           // on the day, if the day-before one was missed
    [InlineData("2026-11-17", null)]        // after the event: never
    public void Schedule_DaysAroundTheLeerhuis_OneReminderDueAtATime(string today, int? daysBefore)
    {
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;

        var due = ReminderSchedule.Due(model, DateOnly.Parse(today), new RemindersOptions());

        var reminder = due.SingleOrDefault(d => d.Event.Id == "2026-11-16-leerhuis");
        Assert.Equal(daysBefore, reminder?.DaysBefore);
    }

    [Fact]
    public void Schedule_CancelledEventsAndOtherTypes_NoReminders()
    {
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var cancelled = model.Events.First(e => e.Id == "2026-11-16-leerhuis") with { Id = "x-cancelled", Status = EventStatus.Cancelled };
        var webinar = model.Events.First(e => e.Id == "2026-11-16-leerhuis") with { Id = "x-webinar", Type = EventType.Webinar };
        var carrousel = model.Events.First(e => e.Id == "2026-11-16-leerhuis") with { Id = "x-carrousel", Type = EventType.Carrousel };
        var conference = model.Events.First(e => e.Id == "2026-11-16-leerhuis") with { Id = "x-conferentie", Type = EventType.Conferentie };
        model = model with { Events = [cancelled, webinar, carrousel, conference] };

        var due = ReminderSchedule.Due(model, new DateOnly(2026, 11, 15), new RemindersOptions());

        Assert.Equal(["x-carrousel", "x-conferentie"], due.Select(d => d.Event.Id).Order());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task ReminderService_ThousandMembersConnectorThrottles_EveryMemberOnceAndTheRunSlowsDown()
    {
        const int members = 1000;
        await using var connector = await RecordingConnector.StartAsync();
        var throttleFrom = DateTimeOffset.MaxValue;
        var throttleFor = TimeSpan.FromSeconds(1.5);
        // The connector starts throttling once 700 reminders arrived: the last 300 (the run's slowed-down tail, at half
        // its pace or less) are plenty to measure the pace after the 429s, and the run does not crawl through 700.
        connector.Answer = request =>
        {
            lock (connector)
            {
                if (throttleFrom == DateTimeOffset.MaxValue && connector.Received.Count >= 700)
                {
                    throttleFrom = request.At;
                }

                return request.At >= throttleFrom && request.At < throttleFrom + throttleFor ? new ConnectorAnswer(429, TimeSpan.FromSeconds(1)) : null;
            }
        };
        var time = new ShiftedTimeProvider(WeekBefore);
        var logs = new CapturingLoggerProvider();
        await using var host = new BotHostFactory(azurite, AzuriteFixture.UniqueContainerName("thousand"), time, new Dictionary<string, string?>
        {
            ["Reminders:CheckInterval"] = "00:00:00.500",
            ["Reminders:SendFrom"] = "09:00",
            ["Reminders:MessagesPerSecond"] = "200",
            ["Reminders:MaxParallel"] = "8",
        }, logs);
        using var client = await host.StartAsync();

        // 1,000 members opt in over the protocol, before 09:00 on the day.
        await Parallel.ForEachAsync(Enumerable.Range(0, members), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var reply = Assert.Single(await client.ExpectRepliesAsync(TeamsActivities.Personal("Herinner mij aan Leerhuizen", $"m{i:D4}", connector.ServiceUrl, "2026-11-09T08:00:00+01:00")));
            Assert.Contains("herinnering", (string?)reply["text"], StringComparison.OrdinalIgnoreCase);
        });
        Assert.Empty(connector.Received);

        // 09:00: the service's next tick sends the week-before reminders.
        time.Jump(TimeSpan.FromHours(2));
        await connector.WaitUntilAsync(r => r.Select(x => x.ConversationId).Distinct().Count() >= members, TimeSpan.FromMinutes(3), "a reminder for every member");
        await Task.Delay(TimeSpan.FromSeconds(2)); // two more ticks: nothing may follow

        var counts = connector.CountsPerConversation();
        Assert.Equal(members, counts.Count);
        Assert.All(counts, c => Assert.Equal(1, c.Value));
        var sample = connector.Received.First();
        Assert.Contains("Herinnering: over een week is Leerhuis (maandag 16 november 2026)", (string?)sample.Body["text"]);
        var card = sample.Body["attachments"]![0]!["content"]!;
        Assert.Contains("Herinnering: over een week", card.CardText());
        Assert.Contains(card.AllActions(), a => (string?)a["title"] == "Zet in mijn agenda");
        Assert.Equal("2026-11-16-leerhuis", (string?)card["refresh"]!["action"]!["data"]!["eventId"]);

        // The connector throttled; nothing reached it during the Retry-After pause, and the run went on slower.
        var refusals = connector.Refused.Where(r => r.Status == 429).Select(r => r.Request.At).Order().ToList();
        Assert.NotEmpty(refusals);
        var everyRequest = connector.Received.Select(r => r.At).Concat(connector.Refused.Select(r => r.Request.At)).ToList();
        // At most the requests already in flight when the first 429 came back (Reminders:MaxParallel = 8) may land in the pause.
        Assert.InRange(everyRequest.Count(at => at > refusals[0] + TimeSpan.FromMilliseconds(100) && at < refusals[0] + TimeSpan.FromSeconds(1)), 0, 8);
        var after = connector.Received.Where(r => r.At > refusals[^1]).Select(r => r.At).Order().ToList();
        Assert.True(after.Count >= 50, $"{after.Count} messages after the 429s");
        var rateAfter = (after.Count - 1) / (after[^1] - after[0]).TotalSeconds;
        Assert.True(rateAfter <= 110, $"{rateAfter:F0} messages/s after the 429s; the run was to continue at half its pace of 200/s");
        // The run that sent them ("; sent 1000,"); a later tick's run says "already sent 1000".
        var summary = Assert.Single(logs.Lines, l => l.Contains(" 5503: ", StringComparison.Ordinal) && l.Contains("; sent 1000,", StringComparison.Ordinal));
        Assert.Matches(@"429s [1-9]\d*, final pace (100|50|25)/s", summary);
    }

    private static Dictionary<string, string?> Quiet() => new() { ["Reminders:Enabled"] = "false" };

    private static async Task<string> SingleMemberBlobAsync(IBlobContainer blobs)
    {
        var name = Assert.Single(await ListAsync(blobs, ReminderMembers.Prefix));
        return Encoding.UTF8.GetString((await blobs.GetAsync(name))!.Content);
    }

    private static async Task<List<string>> ListAsync(IBlobContainer blobs, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in blobs.ListAsync(prefix))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
