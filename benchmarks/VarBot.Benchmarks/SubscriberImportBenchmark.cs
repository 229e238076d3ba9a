using System.Diagnostics;
using System.Text;
using VarBot.Knowledge.Import;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>
/// `subscribers-import [--rows N]` (default 20,000): a CSV of N new subscribers (two themes each, one an alias) imported
/// into a fresh Azurite (blob and table service, started here) through <see cref="SubscriberImporter"/>, as
/// <c>varbot subscribers import</c> does: first the dry run, then the import, then the same file again (every row
/// exists). Prints rows per second of each, the table requests the import made (batches, single inserts) with the batch
/// latency, and this process's CPU time during the import; target: the import at least 5,000 rows/s.
/// </summary>
internal static class SubscriberImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(int.Parse).FirstOrDefault(20_000);
        var themes = new ThemeResolver(KnowledgeImporter.Import(RepoPaths.Seeds).Model.Themes);
        var csv = new StringBuilder("email,name,themes\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append("lid").Append(i).Append("@example.org,Lid ").Append(i).Append(",mensenhandel;cybercrime\n");
        }

        var started = Stopwatch.StartNew();
        using var azurite = new AzuriteFixture();
        Console.WriteLine($"subscribers-import: Azurite (blob {azurite.Port}, table {azurite.TablePort}) started in {started.ElapsedMilliseconds} ms; {rows:N0} rows");
        var container = BlobContainerFactory.Create(azurite.ConnectionString, "varbot");
        await container.CreateIfNotExistsAsync();
        var counter = new RequestCounter { InnerHandler = new SocketsHttpHandler() };
        var table = TableServiceFactory.Create(azurite.ConnectionString, new HttpClient(counter)).GetTableClient(SubscriberStore.DefaultTableName(container.Name));
        var store = new SubscriberStore(container, table, new SubscriberKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), TimeProvider.System);
        await store.EnsureReadyAsync();
        var importer = new SubscriberImporter(store);

        var dry = await importer.ImportAsync(new StringReader(csv.ToString()), "leden.csv", themes, dryRun: true);
        Print("dry run", dry);
        counter.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var import = await importer.ImportAsync(new StringReader(csv.ToString()), "leden.csv", themes, dryRun: false);
        Print("import", import);
        Console.WriteLine($"  CPU of this process (client side) during the import: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms");
        Console.WriteLine($"  requests: {counter.Batches} batches ($batch), {counter.SingleWrites} single inserts, {counter.Other} other; batch latency p50 {counter.Percentile(0.5):F0} ms, p99 {counter.Percentile(0.99):F0} ms");
        var again = await importer.ImportAsync(new StringReader(csv.ToString()), "leden.csv", themes, dryRun: false);
        Print("same file again", again);

        var stored = 0;
        await foreach (var _ in store.ListKeysAsync())
        {
            stored++;
        }

        Console.WriteLine($"subscribers in the table: {stored:N0}");
        var met = import.Imported == rows && stored == rows && import.RowsPerSecond >= 5_000;
        Console.WriteLine($"target (import >= 5,000 rows/s, every row stored): {(met ? "met" : "NOT met")}");
        return met ? 0 : 1;
    }

    /// <summary>Counts the table requests by kind and times the batches.</summary>
    private sealed class RequestCounter : DelegatingHandler
    {
        private readonly List<double> _batchMs = [];
        private int _batches;
        private int _single;
        private int _other;

        public int Batches => _batches;

        public int SingleWrites => _single;

        public int Other => _other;

        public void Reset()
        {
            _batches = _single = _other = 0;
            lock (_batchMs)
            {
                _batchMs.Clear();
            }
        }

        public double Percentile(double p)
        {
            lock (_batchMs)
            {
                return _batchMs.Count == 0 ? 0 : _batchMs.Order().ElementAt((int)Math.Min(_batchMs.Count - 1, p * _batchMs.Count));
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var batch = request.RequestUri!.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal);
            Interlocked.Increment(ref batch ? ref _batches : ref request.Method == HttpMethod.Post ? ref _single : ref _other);
            var watch = Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken);
            if (batch)
            {
                lock (_batchMs)
                {
                    _batchMs.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            return response;
        }
    }

    private static void Print(string what, ImportReport report) =>
        Console.WriteLine($"{what,-16} {report.Rows,7:N0} rows in {report.Elapsed.TotalMilliseconds,8:N0} ms = {report.RowsPerSecond,8:N0} rows/s (imported {report.Imported:N0}, existing {report.Existing:N0})");
}
