using System.Diagnostics;
using System.Text;
using VarBot.Newsletter.Delivery;
using VarBot.TestSupport;
using Xunit.Abstractions;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>
/// The crash test of the send: the built varbot sends to 300 subscribers (real Azurite, real maildev), is killed
/// (SIGKILL of the process tree) five times at random points and resumed, then runs to completion.
/// </summary>
public sealed class NewsletterCrashTests(NewsletterServers servers, ITestOutputHelper output) : IClassFixture<NewsletterServers>, IDisposable
{
    private const int Subscribers = 300;
    private const int Kills = 5;
    private const int Connections = 4;
    private const string Month = "2026-12";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-crash-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Send_ProcessKilledFiveTimesAndResumed_EveryoneOneMailAtMostOneDuplicatePerConnectionPerKill()
    {
        var cli = new NewsletterCli(servers, Connections);
        using var maildev = new MailDevClient(servers.MailDev);
        await maildev.ClearAsync();
        Assert.True((await cli.RunAsync(_work.FullName, "newsletter", "preview", "--month", Month, "--seeds", RepoPaths.Seeds)).ExitCode == 0);
        var store = cli.Subscribers;
        string[] themes = ["digitale-veiligheid", "mensenhandel", "zorg-en-veiligheid", "jeugd-en-veiligheid", "maatschappelijk-ongenoegen"];
        await Parallel.ForEachAsync(Enumerable.Range(0, Subscribers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await store.CreateAsync($"crash{i:D3}@example.org", null, [themes[i % themes.Length]], "test", confirmed: true, ct));
        var approve = await cli.RunAsync(_work.FullName, "newsletter", "approve", "--month", Month, "--by", "crashtest", "--allow-past-month");
        Assert.True(approve.ExitCode == 0, approve.Output);

        var random = new Random(20261123);
        var duplicatesBefore = 0;
        var duplicatesPerKill = new List<int>();
        var killedAfter = new List<int>();
        var total = Stopwatch.StartNew();
        for (var run = 0; run <= Kills; run++)
        {
            var log = new StringBuilder();
            // A killed run leaves its send lease until it expires (15 s): the resumed run waits for it, as an operator would
            // with --wait. After the last kill it does; after the others the test breaks the dead run's lease as its expiry
            // would, so the test does not wait out five leases.
            using var process = cli.Start(_work.FullName, log, "newsletter", "send", "--month", Month, "--allow-past-month", "--wait", "60");
            if (run < Kills)
            {
                // Kill once maildev has stored a random number of new mails from this run.
                var seen = (await maildev.AllAsync()).Count;
                var target = seen + random.Next(15, 46);
                while (seen < target && !process.HasExited)
                {
                    seen += (await maildev.NewerThanAsync(seen)).Count;
                    await Task.Delay(5);
                }

                Assert.False(process.HasExited, $"Run {run} finished before it could be killed:\n{log}");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                killedAfter.Add(seen);
                if (run < Kills - 1)
                {
                    await servers.Azurite.BreakLeaseAsync(cli.ContainerName, NewsletterSender.LeaseBlob(VarBot.Newsletter.IssueMonth.Parse(Month)));
                }
            }
            else
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, log.ToString());
                Assert.Contains("al eerder verstuurd", log.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("@example.org", log.ToString(), StringComparison.Ordinal);
            }

            // The duplicates a kill causes show up in the run that resumes after it.
            var duplicates = Duplicates(await maildev.SettledAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(20)));
            if (run > 0)
            {
                duplicatesPerKill.Add(duplicates - duplicatesBefore);
            }

            duplicatesBefore = duplicates;
        }

        var mails = await maildev.SettledAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(20));
        var perAddress = mails.GroupBy(MailDevClient.To).ToDictionary(g => g.Key, g => g.Count());
        var totalDuplicates = perAddress.Values.Sum(c => c - 1);
        output.WriteLine(
            $"subscribers={Subscribers} connections={Connections} kills={Kills} killedAtMaildevCount=[{string.Join(",", killedAfter)}] "
            + $"duplicatesPerKill=[{string.Join(",", duplicatesPerKill)}] totalDuplicates={totalDuplicates} mails={mails.Count} "
            + $"distinctRecipients={perAddress.Count} elapsed={total.Elapsed.TotalSeconds:F1}s");
        Assert.Equal(Subscribers, perAddress.Count);
        Assert.All(perAddress.Keys, a => Assert.Matches(@"^crash\d{3}@example\.org$", a));
        Assert.All(duplicatesPerKill, d => Assert.InRange(d, 0, Connections));
        Assert.InRange(totalDuplicates, 0, Kills * Connections);
        Assert.Equal(duplicatesPerKill.Sum(), totalDuplicates);
    }

    private static int Duplicates(List<System.Text.Json.JsonElement> mails) =>
        mails.GroupBy(MailDevClient.To).Sum(g => g.Count() - 1);
}
