using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VarBot.Knowledge.Import;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Hosting;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Cli.Tests.Newsletter;

/// <summary>
/// Issue 9, item 7: two sends of one issue duplicated mails and crashed on a 412. Now one run per issue holds a blob
/// lease: three concurrent `varbot newsletter send` processes and the scheduler on two hosts, against real Azurite and
/// maildev, deliver exactly one mail per subscriber. See SECURITY.md.
/// </summary>
public sealed class OneSenderTests(NewsletterServers servers) : IClassFixture<NewsletterServers>, IDisposable
{
    private const int Subscribers = 150;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-onesender-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Send_ThreeConcurrentProcessesAndSchedulerOnTwoHosts_EverySubscriberExactlyOneMail()
    {
        var cli = new NewsletterCli(servers, connections: 2);
        var domain = $"@een-{Guid.NewGuid():N}"[..14] + ".example.org";
        using var maildev = new MailDevClient(servers.MailDev);
        // The scheduler sends the month it is now (Europe/Amsterdam); the CLI sends the same month.
        var month = VarBot.Newsletter.IssueMonth.Of(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(1)));
        Assert.Equal(0, (await cli.RunAsync(_work.FullName, "newsletter", "preview", "--month", month.ToString(), "--out", "nb", "--seeds", RepoPaths.Seeds)).ExitCode);
        await Parallel.ForEachAsync(Enumerable.Range(0, Subscribers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await cli.Subscribers.CreateAsync($"lid{i:D3}{domain}", null, [], "test", confirmed: true, ct));
        var approve = await cli.RunAsync(_work.FullName, "newsletter", "approve", "--month", month.ToString(), "--by", "test", "--allow-past-month");
        Assert.True(approve.ExitCode == 0, approve.Output);

        var logs = Enumerable.Range(0, 3).Select(_ => new StringBuilder()).ToList();
        var processes = new List<Process>
        {
            cli.Start(_work.FullName, logs[0], "newsletter", "send", "--month", month.ToString(), "--wait", "120"),
            cli.Start(_work.FullName, logs[1], "newsletter", "send", "--month", month.ToString()),
            cli.Start(_work.FullName, logs[2], "newsletter", "send", "--month", month.ToString(), "--wait", "120"),
        };
        await using var host1 = new AsyncHost(await StartSchedulerAsync(cli));
        await using var host2 = new AsyncHost(await StartSchedulerAsync(cli));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        foreach (var process in processes)
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        var query = host1.Host.Services.GetRequiredService<SendProgressQuery>();
        await Poll.UntilAsync(() => query.CountLogAsync(month, timeout.Token), log => log.Done >= Subscribers, TimeSpan.FromMinutes(4), timeout.Token);

        var mails = (await maildev.SettledAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60))).Where(m => MailDevClient.To(m).EndsWith(domain, StringComparison.Ordinal)).ToList();
        var perAddress = mails.GroupBy(MailDevClient.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Subscribers, perAddress.Count);
        Assert.True(perAddress.Values.All(c => c == 1), $"duplicates: {perAddress.Values.Sum(c => c - 1)}");
        for (var i = 0; i < processes.Count; i++)
        {
            var output = logs[i].ToString();
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            Assert.True(processes[i].ExitCode == 0 || (processes[i].ExitCode == 2 && output.Contains("wordt op dit moment al verstuurd", StringComparison.Ordinal)), output);
        }

        var progress = await query.GetAsync(month);
        Assert.NotNull(progress);
        Assert.True(progress.Done);
    }

    /// <summary>A host with the newsletter scheduler on (composition done, so it only sends the approved issue).</summary>
    private async Task<IHost> StartSchedulerAsync(NewsletterCli cli)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(cli.Environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value));
        builder.Configuration["Newsletter:ScheduleEnabled"] = "true";
        builder.Configuration["Newsletter:ScheduleDayOfMonth"] = "1";
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, cli.ContainerName);
        builder.Services.AddSingleton(container);
        builder.Services.AddSingleton<INewsletterModelSource>(new FixedModelSource(KnowledgeImporter.Import(RepoPaths.Seeds).Model));
        builder.Services.AddNewsletter(builder.Configuration, _ => container);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Stops and disposes a host asynchronously (its singletons include IAsyncDisposable-only services).</summary>
    private sealed class AsyncHost(IHost host) : IAsyncDisposable
    {
        public IHost Host => host;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }
}
