using System.Diagnostics;
using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>Times the import of the five annual reports: the first (cold) run and the median of warm runs.</summary>
public static class ImportBenchmark
{
    public static int Run(string[] args)
    {
        var seeds = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? RepoPaths.Seeds;
        var runs = args.FirstOrDefault(a => a.StartsWith("--runs=", StringComparison.Ordinal)) is { } r
            ? int.Parse(r["--runs=".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : 50;

        var stopwatch = Stopwatch.StartNew();
        var first = ReportImporter.Import(seeds);
        var cold = stopwatch.Elapsed;

        var warm = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            stopwatch.Restart();
            ReportImporter.Import(seeds);
            warm.Add(stopwatch.Elapsed);
        }

        warm.Sort();
        var p50 = warm[warm.Count / 2];
        var p95 = warm[Math.Min(warm.Count - 1, (int)(warm.Count * 0.95))];
        Console.WriteLine($"import: {first.Reports.Count} reports, {first.Passages.Count} passages, {first.Events.Count} events, " +
            $"{first.Budgets.Count} budgets, {first.Monitoring.Count} monitoring, {first.Organisation.Count} organisation facts, {first.Issues.Count} issues");
        Console.WriteLine($"import cold: {cold.TotalMilliseconds:F1} ms");
        Console.WriteLine($"import warm p50: {p50.TotalMilliseconds:F2} ms, p95: {p95.TotalMilliseconds:F2} ms ({runs} runs)");
        return p50 < TimeSpan.FromSeconds(1) ? 0 : 1;
    }
}
