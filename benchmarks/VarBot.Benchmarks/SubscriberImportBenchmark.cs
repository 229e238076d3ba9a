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
/// exists). Prints rows per second of each; target: the import at least 5,000 rows/s.
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
        var store = new SubscriberStore(container, new SubscriberKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), TimeProvider.System);
        await store.EnsureReadyAsync();
        var importer = new SubscriberImporter(store);

        var dry = await importer.ImportAsync(new StringReader(csv.ToString()), "leden.csv", themes, dryRun: true);
        Print("dry run", dry);
        var import = await importer.ImportAsync(new StringReader(csv.ToString()), "leden.csv", themes, dryRun: false);
        Print("import", import);
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

    private static void Print(string what, ImportReport report) =>
        Console.WriteLine($"{what,-16} {report.Rows,7:N0} rows in {report.Elapsed.TotalMilliseconds,8:N0} ms = {report.RowsPerSecond,8:N0} rows/s (imported {report.Imported:N0}, existing {report.Existing:N0})");
}
