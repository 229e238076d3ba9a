using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using Xunit.Abstractions;

namespace VarBot.Newsletter.Tests;

[Collection(ServersCollection.Name)]
public sealed class CrashTests(ServersFixture servers, ITestOutputHelper output)
{
    private static readonly IssueMonth November = IssueMonth.Parse("2026-11");

    [Fact]
    public async Task Send_KilledFiveTimesAndResumed_EveryoneOneMailAtMostOneDuplicatePerKill()
    {
        var model = TestModel.Create();
        var (services, _) = await Harness.ServicesAsync(servers, model, connections: 1);
        await using var _ = services;
        using var maildev = new MailDevClient(servers.MailDev);
        await maildev.ClearAsync();
        var store = services.GetRequiredService<SubscriberStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await store.SubscribeAsync($"crash{i:D3}@example.org", null, [TestModel.ThemeIds[i % 5]], "test", confirmed: true, ct));
        await services.GetRequiredService<IssueEditor>().ComposeAsync(model, November);
        await services.GetRequiredService<IssueStore>().ApproveAsync(November, "test");
        var sender = services.GetRequiredService<NewsletterSender>();
        var random = new Random(20261123);
        var kills = 0;

        // Five runs killed at a random point (after a random number of mails in that run), then one to completion.
        for (var run = 0; run < 5; run++)
        {
            using var kill = new CancellationTokenSource();
            var target = random.Next(10, 50);
            var progress = new SyncProgress(p =>
            {
                if (p.Sent >= target)
                {
                    kill.Cancel();
                }
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(November, new SendOptions(), progress, kill.Token));
            kills++;
        }

        var final = await sender.SendAsync(November, new SendOptions());

        var mails = await maildev.WaitForCountAsync(300, TimeSpan.FromSeconds(60));
        var perAddress = mails.GroupBy(MailDevClient.To).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = perAddress.Values.Sum(c => c - 1);
        output.WriteLine($"kills={kills} mails={mails.Count} distinct={perAddress.Count} duplicates={duplicates} finalRunSent={final.Sent} finalRunSkipped={final.AlreadySent}");
        Assert.Equal(300, perAddress.Count);
        Assert.All(perAddress.Values, c => Assert.InRange(c, 1, 2));
        Assert.InRange(duplicates, 0, kills);
        Assert.Empty(final.Failed);
    }

    /// <summary>IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool and would kill late).</summary>
    private sealed class SyncProgress(Action<SendProgress> report) : IProgress<SendProgress>
    {
        public void Report(SendProgress value) => report(value);
    }
}
