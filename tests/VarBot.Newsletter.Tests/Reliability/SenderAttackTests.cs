using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Newsletter.Tests.Reliability;

/// <summary>
/// Reliability, sending: faults from the security and fault review inside one send, reproduced with the real sender
/// against Azurite and maildev. The process-level attacks (concurrent runs, settings) are in
/// tests/VarBot.Cli.Tests/Newsletter/SendingAttackTests.cs and OneSenderTests.cs.
/// </summary>
public sealed class SenderAttackTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private static readonly IssueMonth March = IssueMonth.Parse("2026-03");

    [Fact]
    public async Task SendRecordRewrittenByAnotherRunWhileTheMailWentOut_DoneWriteFailsWith412_CountedAsSentTheirRecordKeptNoCrash()
    {
        var logs = new CapturingLoggerProvider();
        var azurite = BlobContainerFactory.Create(servers.Azurite.ConnectionString, AzuriteFixture.UniqueContainerName("rw"));
        await azurite.CreateIfNotExistsAsync();
        var container = new RewritesTheRecordBeforeDone(azurite);
        await using var host = await TestHost.StartAsync(servers, container, servers.Seeds.Model, logs: logs);
        using var maildev = new MailDevClient(servers.MailDev);
        await maildev.ClearAsync();
        var store = host.Services.GetRequiredService<SubscriberStore>();
        string[] addresses = ["een@example.org", "twee@example.org", "drie@example.org"];
        foreach (var address in addresses)
        {
            await store.CreateAsync(address, null, [], "test", confirmed: true);
        }

        await host.Services.GetRequiredService<IssueEditor>().ComposeAsync(servers.Seeds.Model, March);
        await host.Services.GetRequiredService<IssueStore>().ApproveAsync(March, "test");

        var summary = await host.Services.GetRequiredService<NewsletterSender>().SendAsync(March, new SendOptions());

        Assert.Equal(addresses.Length, summary.Sent);
        Assert.Empty(summary.Failed);
        var mails = await maildev.WaitForCountAsync(addresses.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(addresses.Order(), mails.Select(MailDevClient.To).Order());
        Assert.Equal(addresses.Length, container.Rewritten.Count); // every done write met another writer's record
        foreach (var name in container.Rewritten)
        {
            var record = NewsletterJson.Deserialize<SendRecord>((await azurite.GetAsync(name))!.Content);
            Assert.Equal(RewritesTheRecordBeforeDone.TheirMessageId, record.MessageId); // theirs stays, ours is not forced over it
        }

        Assert.Equal(addresses.Length, logs.Entries.Count(e => e.EventId.Id == 6106));
    }

    /// <summary>
    /// The real container, except that right before a send record is set to "done", another writer rewrites that record
    /// (as a run without the send lease or a staff reset would while the mail is on the wire).
    /// </summary>
    private sealed class RewritesTheRecordBeforeDone(IBlobContainer inner) : IBlobContainer, ITableServiceSource
    {
        public const string TheirMessageId = "<another-run@var.test>";

        public ConcurrentQueue<string> Rewritten { get; } = new();

        public string Name => inner.Name;

        public Azure.Data.Tables.TableServiceClient TableService => ((ITableServiceSource)inner).TableService;

        public async Task<string> PutAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, BlobCondition condition = default, CancellationToken cancellationToken = default)
        {
            if (blobName.Contains("/sent/", StringComparison.Ordinal) && condition.IfMatch is not null
                && NewsletterJson.Deserialize<SendRecord>(content.ToArray()).State == SendRecord.Done)
            {
                var theirs = new SendRecord(SendRecord.Sending, TheirMessageId, 1, DateTimeOffset.UtcNow);
                await inner.PutAsync(blobName, NewsletterJson.Serialize(theirs), "application/json", BlobCondition.None, cancellationToken);
                Rewritten.Enqueue(blobName);
            }

            return await inner.PutAsync(blobName, content, contentType, condition, cancellationToken);
        }

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

        public Task<BlobDownload?> GetAsync(string blobName, CancellationToken cancellationToken = default) => inner.GetAsync(blobName, cancellationToken);

        public Task<BlobDownload?> GetAsync(string blobName, int maxBytes, CancellationToken cancellationToken = default) => inner.GetAsync(blobName, maxBytes, cancellationToken);

        public Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(blobName, cancellationToken);

        public IAsyncEnumerable<BlobProperties> ListAsync(string? prefix = null, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> DeleteAsync(string blobName, BlobCondition condition = default, CancellationToken cancellationToken = default) => inner.DeleteAsync(blobName, condition, cancellationToken);

        public Task<IBlobLease?> TryAcquireLeaseAsync(string blobName, TimeSpan duration, CancellationToken cancellationToken = default) => inner.TryAcquireLeaseAsync(blobName, duration, cancellationToken);
    }
}
