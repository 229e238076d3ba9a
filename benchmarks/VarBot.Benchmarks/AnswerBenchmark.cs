using System.Diagnostics;
using VarBot.Answering;
using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>Answer latency (p50/p99 on a warm engine) over the question sets, and engine build time from a model.</summary>
public static class AnswerBenchmark
{
    public static int Run(string[] args)
    {
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var data = Path.Combine(RepoPaths.Root, "tests", "VarBot.Answering.Tests", "Data");
        var items = Directory.GetFiles(data, "*.jsonl").SelectMany(f => Evaluation.Parse(File.ReadLines(f))).ToList();

        AnswerEngine.Build(model); // first build loads the vocabulary
        var builds = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var sw = Stopwatch.StartNew();
            AnswerEngine.Build(model);
            builds.Add(sw.Elapsed.TotalMilliseconds);
        }

        var engine = AnswerEngine.Build(model);
        var today = new DateOnly(2026, 11, 22);
        foreach (var item in items)
        {
            engine.Ask(new Question(item.Question, item.AsOf ?? today));
        }

        var slowest = items.Select(item =>
        {
            var sw = Stopwatch.StartNew();
            engine.Ask(new Question(item.Question, item.AsOf ?? today));
            return (item.Question, sw.Elapsed.TotalMilliseconds);
        }).OrderByDescending(x => x.TotalMilliseconds).Take(3).ToList();
        var times = new List<double>(items.Count * 20);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        var fastest = new double[items.Count];
        Array.Fill(fastest, double.MaxValue);
        for (var round = 0; round < 20; round++)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var sw = Stopwatch.StartNew();
                engine.Ask(new Question(item.Question, item.AsOf ?? today));
                var ms = sw.Elapsed.TotalMilliseconds;
                times.Add(ms);
                fastest[i] = Math.Min(fastest[i], ms);
            }
        }

        var allocatedPerAnswer = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)times.Count;
        var gcs = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        times.Sort();
        builds.Sort();
        var intrinsic = fastest.OrderBy(x => x).ToList();
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
        Console.WriteLine($"questions: {items.Count}, answers timed: {times.Count}");
        Console.WriteLine($"answer latency p50: {Percentile(times, 0.50):F3} ms, p99: {Percentile(times, 0.99):F3} ms, max: {times[^1]:F3} ms");
        Console.WriteLine($"per-question best of 20 (scheduling noise removed) p50: {Percentile(intrinsic, 0.50):F3} ms, p99: {Percentile(intrinsic, 0.99):F3} ms, max: {intrinsic[^1]:F3} ms");
        Console.WriteLine($"allocated per answer: {allocatedPerAnswer / 1024:F1} KiB; collections gen0/1/2: {gcs.Item1}/{gcs.Item2}/{gcs.Item3}, GC pause total: {pause.TotalMilliseconds:F0} ms");
        Console.WriteLine($"engine build (warm vocabulary) median: {Percentile(builds, 0.5):F1} ms, min: {builds[0]:F1} ms, max: {builds[^1]:F1} ms");
        foreach (var (question, ms) in slowest)
        {
            Console.WriteLine($"slow: {ms:F2} ms  {question}");
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
