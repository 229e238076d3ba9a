using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Hosting;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests;

/// <summary>
/// One send date: Newsletter:Editorial:SendDayOfMonth is both the date the editorial rules compose from and the day the
/// scheduler sends on. Against Azurite and maildev, with the clock in January 2027 and the send day set to 15.
/// </summary>
public sealed class SchedulerTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private static readonly IssueMonth January = IssueMonth.Parse("2027-01");

    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    private async Task<(ServiceProvider Services, IBlobContainer Container, FakeTimeProvider Time, CapturingLoggerProvider Logs)> ServicesAsync(Dictionary<string, string?> extra)
    {
        var container = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("sch"));
        await container.CreateIfNotExistsAsync();
        var settings = Harness.Settings(servers.MailDev.SmtpPort, "http://127.0.0.1:9");
        foreach (var (key, value) in Editorial.Settings().Concat(extra))
        {
            settings[key] = value;
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 2, 9, 0, 0, Winter));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Information).AddProvider(logs))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<INewsletterModelSource>(new FixedModelSource(servers.Seeds.Model))
            .AddNewsletter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _ => container)
            .BuildServiceProvider();
        return (services, container, time, logs);
    }

    private static NewsletterScheduler Scheduler(IServiceProvider services) => services.GetServices<IHostedService>().OfType<NewsletterScheduler>().Single();

    [Fact]
    public async Task RunOnce_SendDayFifteen_ComposesEarlyWithThatSendDateAndSendsOnlyOnIt()
    {
        var (services, container, time, _) = await ServicesAsync(new() { ["Newsletter:ScheduleEnabled"] = "true", ["Newsletter:Editorial:SendDayOfMonth"] = "15" });
        await using var owned = services;
        var address = $"planning-{Guid.NewGuid():N}@var.test";
        await services.GetRequiredService<SubscriberStore>().SubscribeAsync(address, null, [], "test", confirmed: true);
        var store = services.GetRequiredService<IssueStore>();
        var editor = services.GetRequiredService<IssueEditor>();
        var scheduler = Scheduler(services);

        // 2 January: the month's issue is composed, with the 15th as its send date.
        await scheduler.RunOnceAsync(CancellationToken.None);
        var stored = await store.LoadAsync(January);
        Assert.NotNull(stored);
        Assert.Equal(new DateOnly(2027, 1, 15), editor.Composer.Schedule.SendDate(January));
        Assert.Equal(15, editor.Composer.Schedule.SendDayOfMonth);

        // Approved early: still nothing goes out before the send date (14 January, 23:30 in Amsterdam).
        await editor.ApproveAsync(January, "Anna", allowPastMonth: false, stored!.ContentHash);
        time.SetUtcNow(new DateTimeOffset(2027, 1, 14, 23, 30, 0, Winter));
        await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Null(await store.GetArchivedIssueAsync(January));
        Assert.Null(await container.GetPropertiesAsync(SendProgressQuery.ProgressBlob(January)));

        // The send date: sent.
        time.SetUtcNow(new DateTimeOffset(2027, 1, 15, 0, 30, 0, Winter));
        await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(await store.GetArchivedIssueAsync(January));
        var progress = await services.GetRequiredService<SendProgressQuery>().GetAsync(January);
        Assert.True(progress is { Done: true, Sent: 1, Failed: 0 }, $"{progress}");
        using var maildev = new MailDevClient(servers.MailDev);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!(await maildev.AllAsync()).Any(m => MailDevClient.To(m) == address) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains(await maildev.AllAsync(), m => MailDevClient.To(m) == address);
    }

    [Fact]
    public async Task RunOnce_SendDateReachedIssueNotApproved_SendsNothing()
    {
        var (services, container, time, _) = await ServicesAsync(new() { ["Newsletter:ScheduleEnabled"] = "true" });
        await using var owned = services;
        var scheduler = Scheduler(services);
        await scheduler.RunOnceAsync(CancellationToken.None);

        time.SetUtcNow(new DateTimeOffset(2027, 1, 20, 9, 0, 0, Winter));
        await scheduler.RunOnceAsync(CancellationToken.None);

        Assert.NotNull(await services.GetRequiredService<IssueStore>().LoadAsync(January));
        Assert.Null(await services.GetRequiredService<IssueStore>().GetArchivedIssueAsync(January));
        Assert.Null(await container.GetPropertiesAsync(SendProgressQuery.ProgressBlob(January)));
    }

    [Fact]
    public async Task Start_FormerScheduleDayOfMonthSet_WarnsItIsNoLongerRead()
    {
        var (services, _, _, logs) = await ServicesAsync(new() { ["Newsletter:ScheduleDayOfMonth"] = "1" });
        await using var owned = services;
        var scheduler = Scheduler(services);

        await scheduler.StartAsync(CancellationToken.None);
        await (scheduler.ExecuteTask ?? Task.CompletedTask);
        await scheduler.StopAsync(CancellationToken.None);

        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 6390);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("Newsletter:Editorial:SendDayOfMonth", entry.Message, StringComparison.Ordinal);
        Assert.Contains("day 10", entry.Message, StringComparison.Ordinal);
    }
}
