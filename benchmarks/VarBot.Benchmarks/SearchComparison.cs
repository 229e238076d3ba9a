using System.Diagnostics;
using VarBot.Answering;
using VarBot.Answering.Analysis;
using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>
/// Issue 10, "search: decide by measurement": the own Dutch stemmer against Lucene.Net.Analysis.Common's Snowball Dutch
/// stemmer, each in the same engine, on every question set of the repository: questions passed, answer latency, build time.
/// </summary>
public static class SearchComparison
{
    public static int Run(string[] args)
    {
        var model = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
        var data = Path.Combine(RepoPaths.Root, "tests", "VarBot.Answering.Tests", "Data");
        var sets = Directory.GetFiles(data, "qa-*.jsonl").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var today = new DateOnly(2026, 11, 22);
        var lucene = new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer();
        var stemmers = new (string Name, Func<string, string> Stem)[]
        {
            ("own DutchStemmer", Answering.Analysis.DutchStemmer.Stem),
            ("Lucene Snowball Dutch", word =>
            {
                lock (lucene)
                {
                    lucene.SetCurrent(word);
                    lucene.Stem();
                    return lucene.Current;
                }
            }),
        };

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
        foreach (var (name, stem) in stemmers)
        {
            Analyzer.UseStemmer(stem);
            var started = Stopwatch.GetTimestamp();
            var engine = AnswerEngine.Build(model);
            var build = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var total = 0;
            var passed = 0;
            var perSet = new List<string>();
            var times = new List<double>();
            foreach (var file in sets)
            {
                var items = Evaluation.Parse(File.ReadLines(file));
                var results = Evaluation.Run(engine, items, today);
                total += results.Count;
                passed += results.Count(r => r.Passed);
                perSet.Add($"{Path.GetFileNameWithoutExtension(file)} {results.Count(r => r.Passed)}/{results.Count}");
                foreach (var item in items)
                {
                    var sw = Stopwatch.StartNew();
                    engine.Ask(new Question(item.Question, item.AsOf ?? today));
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine($"{name}: {passed}/{total} passed ({string.Join(", ", perSet)}); p50 {times[times.Count / 2]:F3} ms, p99 {times[(int)(times.Count * 0.99)]:F3} ms; build {build:F0} ms");
        }

        Analyzer.UseStemmer(Answering.Analysis.DutchStemmer.Stem);
        return 0;
    }
}
