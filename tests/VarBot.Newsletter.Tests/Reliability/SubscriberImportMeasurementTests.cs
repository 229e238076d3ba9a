using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Newsletter.Tests.Reliability;

/// <summary>
/// Runs alone: its tests measure the process (allocations, rows per second), so no other test of the assembly may
/// allocate or compete for the CPU meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "measured-alone";
}

/// <summary>
/// Large subscriber CSVs against real Azurite (issue 9): 20,000 rows validated at a measured pace and imported, and one
/// 30 MB line reported and streamed past, never held.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class SubscriberImportMeasurementTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private ThemeResolver Themes => new(servers.Seeds.Model.Themes);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Import_TwentyThousandRows_DryRunAtLeast5000RowsPerSecondAndImportStreams()
    {
        var (services, _) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var csv = new StringBuilder("email,name,themes\n");
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append("lid").Append(i).Append("@example.org,Lid ").Append(i).Append(",mensenhandel;cybercrime\n");
        }

        var importer = services.GetRequiredService<SubscriberImporter>();
        var validate = await importer.ImportAsync(new StringReader(csv.ToString()), "groot.csv", Themes, dryRun: true);
        var import = await importer.ImportAsync(new StringReader(csv.ToString()), "groot.csv", Themes, dryRun: false);

        Console.WriteLine($"dry run {validate.RowsPerSecond:F0} rows/s, import {import.RowsPerSecond:F0} rows/s");
        Assert.Equal(20_000, validate.Imported);
        Assert.Equal(20_000, import.Imported);
        Assert.True(validate.RowsPerSecond >= 5_000, $"dry run {validate.RowsPerSecond:F0} rows/s");
    }

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
