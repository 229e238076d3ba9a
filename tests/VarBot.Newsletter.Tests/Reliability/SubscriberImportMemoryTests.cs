using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Newsletter.Tests.Reliability;

/// <summary>
/// Runs alone: it measures the process's allocations, so no other test may allocate meanwhile (issue 9: a 30 MB line
/// in a subscriber CSV).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuredCollection
{
    public const string Name = "allocation-measured";
}

/// <summary>A subscriber CSV with one huge line, against real Azurite: the line is reported and streamed past, never held.</summary>
[Collection(AllocationMeasuredCollection.Name)]
public sealed class SubscriberImportMemoryTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private ThemeResolver Themes => new(servers.Seeds.Model.Themes);

    [Fact]
    public async Task Import_ThirtyMegabyteLine_ReportedAndSkippedOtherRowsImported()
    {
        var (services, _) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var csv = new StreamReader(new HugeLineStream(
            "email,name,themes\nvoor@example.org,,\n", 30 * 1024 * 1024, "\nna@example.org,,mensenhandel\n"));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var report = await services.GetRequiredService<SubscriberImporter>().ImportAsync(csv, "groot.csv", Themes, dryRun: false);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(2, report.Imported);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(3, issue.Line);
        Assert.Contains("langer dan", issue.Message, StringComparison.Ordinal);
        // The line is streamed past, never held: far less allocated than its 60 MB as a .NET string.
        Assert.True(allocated < 40L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    /// <summary>A stream of head, then <c>length</c> times 'x' produced on the fly, then tail: a huge line without a huge test string.</summary>
    private sealed class HugeLineStream(string head, long length, string tail) : Stream
    {
        private readonly byte[] _head = Encoding.UTF8.GetBytes(head);
        private readonly byte[] _tail = Encoding.UTF8.GetBytes(tail);
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _head.Length + length + _tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written++] = _position < _head.Length
                    ? _head[_position]
                    : _position < _head.Length + length ? (byte)'x' : _tail[_position - _head.Length - length];
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
