using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Bot.Teams.Channels;
using VarBot.Bot.Teams.Reminders;
using VarBot.Bot.Tests.Infrastructure;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Newsletter;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Protocol.Schema;
using VarBot.Storage;
using VarBot.TestSupport;
using Xunit.Abstractions;

namespace VarBot.Bot.Tests.Teams;

/// <summary>
/// Crash tests of the proactive sends: the built bot host runs as its own process against Azurite and a recording
/// connector, is killed (SIGKILL) or stopped (SIGTERM) mid-run and started again. Nobody gets a message twice; a kill
/// can cost at most the sends on the wire at that moment (they stay "in doubt" and are not sent again); a stop costs none.
/// </summary>
public abstract class TeamsCrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    protected const string SigningKey = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWZvci1jcmFzaC10ZXN0cy0xMjM0NQ==";
    protected static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    protected AzuriteFixture Azurite => azurite;

    protected ITestOutputHelper Output => output;

    protected Dictionary<string, string> Settings(string container, IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = Azurite.ConnectionString,
            ["Storage__Container"] = container,
            ["VarBot__PublishSeedsWhenEmpty"] = "false",
            ["Newsletter__SigningKey"] = SigningKey,
            ["Newsletter__PublicBaseUrl"] = "http://127.0.0.1:9",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The seed model plus a Leerhuis and a conference on the given days, published as the current model.</summary>
    protected static async Task PublishModelWithEventsAsync(IBlobContainer blobs, DateOnly leerhuis, DateOnly conference)
    {
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var source = model.Events[^1].Sources;
        Event Make(string id, EventType type, string title, DateOnly date) =>
            new(id, type, title, "Crashtest", null, date, date.Year, date.Month, null, "Rotterdam", EventStatus.Planned, source);
        model = model with
        {
            Version = "crash" + Guid.NewGuid().ToString("N")[..8],
            Events = [.. model.Events, Make("e2e-leerhuis", EventType.Leerhuis, "Leerhuis Crashtest", leerhuis), Make("e2e-conferentie", EventType.Conferentie, "Conferentie Crashtest", conference)],
        };
        await blobs.CreateIfNotExistsAsync();
        await new ModelPublisher(blobs, TimeProvider.System, NullLogger<ModelPublisher>.Instance).PublishAsync(model);
    }

    /// <summary>
    /// This month's issue as the newsletter sender leaves it once mails go out: archived (archief.json) with a "done" send
    /// record of one subscriber.
    /// </summary>
    protected static async Task<IssueMonth> StoreSentIssueAsync(IBlobContainer blobs)
    {
        var month = IssueMonth.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime));
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var issue = new IssueComposer(new NewsletterLinks("http://127.0.0.1:9")).Compose(model, month);
        var store = new IssueStore(blobs, TimeProvider.System);
        Assert.True(await store.ArchiveAsync(issue, "<html></html>"));
        var record = new SendRecord(SendRecord.Done, "<id@var.test>", 1, DateTimeOffset.UtcNow);
        await blobs.PutAsync(IssueStore.Folder(month) + "sent/subscriber-1", JsonSerializer.SerializeToUtf8Bytes(record, new JsonSerializerOptions(JsonSerializerDefaults.Web)), "application/json");
        return month;
    }

    protected static ConversationReference Reference(string serviceUrl, int i) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = $"a:crash-{i:D4}", ConversationType = "personal", TenantId = "tenant-1" },
        Bot = new ChannelAccount { Id = "28:varbot-app-id" },
        User = new ChannelAccount { Id = $"29:crash-{i:D4}" },
    };

    protected static async Task<int> CountRecordsAsync(IBlobContainer blobs, string prefix, string state)
    {
        var count = 0;
        await foreach (var blob in blobs.ListAsync(prefix))
        {
            var content = Encoding.UTF8.GetString((await blobs.GetAsync(blob.Name))!.Content);
            if ((string?)JsonNode.Parse(content)!["state"] == state)
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>Proactive reminders: killed, then stopped, then run to the end; every member reminded once per event.</summary>
public sealed class ReminderCrashTests(AzuriteFixture azurite, ITestOutputHelper output) : TeamsCrashTests(azurite, output), IClassFixture<AzuriteFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Reminders_HostKilledThenStoppedMidRun_NoMemberRemindedTwice()
    {
        const int memberCount = 200;
        const int maxParallel = 4;
        var container = AzuriteFixture.UniqueContainerName("rcrash");
        var blobs = BlobContainerFactory.Create(Azurite.ConnectionString, container);
        await using var connector = await RecordingConnector.StartAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
        await PublishModelWithEventsAsync(blobs, today.AddDays(7), today.AddDays(1));
        var members = new ReminderMembers(blobs, TimeProvider.System);
        await Parallel.ForEachAsync(Enumerable.Range(0, memberCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await members.OptInAsync(Reference(connector.ServiceUrl, i), ct));
        var settings = Settings(container, new Dictionary<string, string>
        {
            ["Reminders__CheckInterval"] = "00:00:00.500",
            ["Reminders__SendFrom"] = "00:00",
            ["Reminders__MessagesPerSecond"] = "80",
            ["Reminders__MaxParallel"] = maxParallel.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        const int expected = memberCount * 2; // a week before the one event, a day before the other

        // Run 1: killed once 100 reminders arrived.
        using (var first = BotProcess.Start(settings))
        {
            await connector.WaitUntilAsync(r => r.Count >= 100, TimeSpan.FromMinutes(2), "100 reminders");
            await first.KillAsync();
        }

        // The dead host's lease would expire within Reminders:LeaseDuration (30 s); break it as its expiry would.
        await Azurite.BreakLeaseAsync(container, ReminderService.LeaseBlob);

        var afterKill = connector.Received.Count;

        // Run 2: stopped (SIGTERM) once 100 more arrived: sends on the wire finish, waiting ones give their claim back.
        using (var second = BotProcess.Start(settings))
        {
            await connector.WaitUntilAsync(r => r.Count >= afterKill + 100, TimeSpan.FromMinutes(2), "100 more reminders");
            await second.StopAsync(TimeSpan.FromSeconds(60));
        }

        // Run 3: to the end, and one more pass that finds nothing left to send.
        using (var third = BotProcess.Start(settings))
        {
            await third.WaitForOutputAsync($@"Reminder run for .*: 2 due reminders, {memberCount} members; sent 0,", TimeSpan.FromMinutes(3));
        }

        var perMemberAndEvent = connector.Received
            .GroupBy(r => (r.ConversationId, Event: (string?)r.Body["attachments"]?[0]?["content"]?["refresh"]?["action"]?["data"]?["eventId"]))
            .ToDictionary(g => g.Key, g => g.Count());
        var inDoubt = await CountRecordsAsync(blobs, "teams/reminders/sent/", "sending");
        var lost = expected - perMemberAndEvent.Count;
        Output.WriteLine($"members={memberCount} expected={expected} received={connector.Received.Count} distinct={perMemberAndEvent.Count} lost={lost} inDoubt={inDoubt} afterKill={afterKill}");
        Assert.All(perMemberAndEvent, p => Assert.Equal(1, p.Value));
        Assert.All(perMemberAndEvent.Keys, k => Assert.Contains(k.Event, new[] { "e2e-leerhuis", "e2e-conferentie" }));
        Assert.InRange(lost, 0, inDoubt);
        // The kill leaves at most its in-flight sends in doubt; a stop whose grace period runs out on a starved machine can
        // leave its own in-flight sends too. Never more, and never a duplicate (above).
        Assert.InRange(inDoubt, 0, 2 * maxParallel);
    }
}

/// <summary>Newsletter posts to Teams channels: killed after the first post; each channel gets exactly one post.</summary>
public sealed class ChannelPostCrashTests(AzuriteFixture azurite, ITestOutputHelper output) : TeamsCrashTests(azurite, output), IClassFixture<AzuriteFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task ChannelPosts_HostKilledAfterFirstPost_EachChannelOnePost()
    {
        var container = AzuriteFixture.UniqueContainerName("ccrash");
        var blobs = BlobContainerFactory.Create(Azurite.ConnectionString, container);
        await using var connector = await RecordingConnector.StartAsync();
        await PublishModelWithEventsAsync(blobs, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        var month = await StoreSentIssueAsync(blobs);
        string[] channels = ["19:algemeen@thread.tacv2", "19:beleid@thread.tacv2", "19:communicatie@thread.tacv2"];
        var values = new Dictionary<string, string>
        {
            ["Reminders__Enabled"] = "false",
            ["Teams__ChannelPostInterval"] = "00:00:00.100",
            ["Teams__BotId"] = "28:varbot-app-id",
            ["Teams__TenantId"] = "tenant-1",
            ["Teams__ServiceUrl"] = connector.ServiceUrl,
        };
        for (var i = 0; i < channels.Length; i++)
        {
            values[$"Teams__NewsletterChannels__{i}__Id"] = channels[i];
            values[$"Teams__NewsletterChannels__{i}__Name"] = "Kanaal " + i;
        }

        var settings = Settings(container, values);
        using (var first = BotProcess.Start(settings))
        {
            await connector.WaitUntilAsync(r => r.Count >= 1, TimeSpan.FromMinutes(2), "the first channel post");
            await first.KillAsync();
        }

        // The dead host's lease would expire within 30 s; break it as its expiry would.
        await Azurite.BreakLeaseAsync(container, NewsletterChannelPoster.LeaseBlob);

        using (var second = BotProcess.Start(settings))
        {
            await connector.WaitUntilAsync(r => r.Count >= channels.Length - 1, TimeSpan.FromMinutes(2), "the other channel posts");
            await Task.Delay(TimeSpan.FromSeconds(1)); // ten more ticks: nothing may follow
        }

        var perChannel = connector.Received.GroupBy(r => (string?)r.Body["channelData"]?["channel"]?["id"]).ToDictionary(g => g.Key!, g => g.Count());
        var inDoubt = await CountRecordsAsync(blobs, "teams/channel-posts/", "sending");
        Output.WriteLine($"channels={channels.Length} posts={connector.Received.Count} inDoubt={inDoubt}");
        Assert.All(perChannel, p => Assert.Equal(1, p.Value));
        Assert.InRange(channels.Length - perChannel.Count, 0, inDoubt);
        Assert.InRange(inDoubt, 0, 1);
        var post = connector.Received.First();
        Assert.True(post.IsCreateConversation);
        Assert.True((bool?)post.Body["isGroup"]);
        Assert.Equal("28:varbot-app-id", (string?)post.Body["bot"]?["id"]);
        var card = post.Body["activity"]!["attachments"]![0]!["content"]!;
        Assert.Contains($"/nieuwsbrief/{month}", (string?)card.AllActions().Single(a => (string?)a["title"] == "Lees de nieuwsbrief")["url"]);
    }
}
