using System.Diagnostics;
using System.Globalization;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Benchmarks;

/// <summary>
/// Publishes a model to a real Azurite and measures loading it through the pointer, as the bot does at start and on
/// hot reload: a cold first load, then warm loads (p50/p99), the deserialisation alone, and the pointer check that
/// each refresh poll costs when nothing changed.
/// Usage: model-load [MODEL.json] [--loads N]
/// </summary>
public static class ModelLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var loads = 50;
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--loads" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                loads = n;
                i++;
            }
            else if (!args[i].StartsWith('-'))
            {
                file = args[i];
            }
        }

        var model = file is null ? Generate(targetBytes: 500_000) : ModelJson.Deserialize(await File.ReadAllBytesAsync(file));
        var size = ModelJson.Serialize(model).Length;
        Console.WriteLine($"model-load: model {model.Version} ({(file is null ? "generated" : file)}), {size / 1024.0:F0} KB JSON, {model.Passages.Count} passages");

        var started = Stopwatch.StartNew();
        using var azurite = new AzuriteFixture();
        Console.WriteLine($"model-load: Azurite started in {started.ElapsedMilliseconds} ms on port {azurite.Port}");

        using var http = new HttpClient();
        var container = BlobContainerFactory.Create(azurite.ConnectionString, "varbot", http);
        var publish = Stopwatch.StartNew();
        await new ModelPublisher(container, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ModelPublisher>.Instance).PublishAsync(model);
        Console.WriteLine($"model-load: publish {publish.Elapsed.TotalMilliseconds:F1} ms");

        // Cold: a fresh client and repository, first request, first deserialisation of this shape.
        using var coldHttp = new HttpClient();
        var repository = new ModelRepository(BlobContainerFactory.Create(azurite.ConnectionString, "varbot", coldHttp));
        var cold = Stopwatch.StartNew();
        var loaded = await repository.LoadCurrentAsync() ?? throw new InvalidOperationException("Nothing published.");
        cold.Stop();
        if (loaded.Model.Passages.Count != model.Passages.Count)
        {
            throw new InvalidOperationException("The loaded model differs from the published one.");
        }

        var warm = new double[loads];
        for (var i = 0; i < loads; i++)
        {
            var sw = Stopwatch.StartNew();
            _ = await repository.LoadCurrentAsync();
            warm[i] = sw.Elapsed.TotalMilliseconds;
        }

        var json = ModelJson.Serialize(model);
        var parse = new double[loads];
        for (var i = 0; i < loads; i++)
        {
            var sw = Stopwatch.StartNew();
            _ = ModelJson.Deserialize(json);
            parse[i] = sw.Elapsed.TotalMilliseconds;
        }

        var check = new double[loads];
        for (var i = 0; i < loads; i++)
        {
            var sw = Stopwatch.StartNew();
            _ = await repository.GetPointerETagAsync();
            check[i] = sw.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine($"model-load: cold first load {cold.Elapsed.TotalMilliseconds:F1} ms (pointer + model blob + deserialise)");
        Console.WriteLine($"model-load: warm load       p50 {Percentile(warm, 50):F1} ms, p99 {Percentile(warm, 99):F1} ms over {loads} loads");
        Console.WriteLine($"model-load: deserialise     p50 {Percentile(parse, 50):F1} ms, p99 {Percentile(parse, 99):F1} ms");
        Console.WriteLine($"model-load: pointer check   p50 {Percentile(check, 50):F2} ms, p99 {Percentile(check, 99):F2} ms (one refresh poll, nothing changed)");
        return 0;
    }

    private static double Percentile(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    /// <summary>A synthetic model of about <paramref name="targetBytes"/> of JSON, shaped like the real one (mostly passages).</summary>
    private static KnowledgeModel Generate(int targetBytes)
    {
        const string text = "De VeiligheidsAlliantie organiseerde in het verslagjaar kennisbijeenkomsten over ondermijning, " +
            "digitale veiligheid en zorg en veiligheid, samen met gemeenten, politie en het Openbaar Ministerie in de regio Rotterdam.";
        var passages = new List<Passage>();
        var themes = new[] { "ondermijning", "digitaal", "zorg-veiligheid", "jeugd", "mensenhandel" };
        var model = new KnowledgeModel { Version = "bench" };
        for (var i = 0; ; i++)
        {
            passages.Add(new Passage(
                $"p{i}", $"r{2017 + i % 9}", themes[i % themes.Length], "Kennisbijeenkomsten", i % 3 == 0 ? "Leerhuizen" : null,
                2017 + i % 9, (PassageKind)(i % 3), i % 2 == 0, text, new SourceRef($"jaarverslag-{2017 + i % 9}.txt", i + 1)));
            if (i % 200 == 199 && ModelJson.Serialize(model with { Passages = passages }).Length >= targetBytes)
            {
                break;
            }
        }

        return model with
        {
            Version = "bench-" + passages.Count.ToString(CultureInfo.InvariantCulture),
            Passages = passages,
            Themes = themes.Select(t => new Theme(t, t, true, [], [], null)).ToList(),
        };
    }
}
