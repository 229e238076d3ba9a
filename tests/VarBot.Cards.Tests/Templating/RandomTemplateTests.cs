using System.Text.Json.Nodes;
using VarBot.Cards.Templating;

namespace VarBot.Cards.Tests.Templating;

/// <summary>
/// Differential test: templates built at random (fixed seeds) from the supported subset, expanded by ours
/// and by the official adaptivecards-templating 2.3.1; every case must give the same JSON or fail in both.
/// </summary>
public sealed class RandomTemplateTests
{
    private static readonly string[] Fields = ["tekst", "leeg", "getal", "nul", "waar", "onwaar", "lijst", "woorden", "object", "ontbreekt", "niets"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Expand_RandomTemplates_MatchOfficialLibrary(int seed)
    {
        var random = new Random(seed);
        var cases = Enumerable.Range(0, 150).Select(_ => (Template: (JsonNode)RandomTemplate(random), Data: (JsonNode)Data())).ToList();

        var official = NodeReference.Expand(cases);

        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            string ours;
            try
            {
                ours = JsonAssert.Canonical(new CardTemplate(cases[i].Template).Expand(cases[i].Data));
            }
            catch (TemplateException)
            {
                ours = "<error>";
            }

            var expected = official[i].Error is null ? JsonAssert.Canonical(official[i].Card) : "<error>";
            if (ours != expected)
            {
                failures.Add($"template {cases[i].Template.ToJsonString()}\nofficial {expected}\nours     {ours}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    private static JsonObject Data() => new()
    {
        ["tekst"] = "Zoë",
        ["leeg"] = "",
        ["getal"] = 3,
        ["nul"] = 0,
        ["waar"] = true,
        ["onwaar"] = false,
        ["lijst"] = new JsonArray(1, 2.5, "drie"),
        ["woorden"] = new JsonArray("a", "b", "c", "d"),
        ["object"] = new JsonObject { ["naam"] = "VAR", ["lijst"] = new JsonArray("x"), ["diep"] = new JsonObject { ["waarde"] = 7 } },
        ["niets"] = null,
        ["items"] = new JsonArray(
            new JsonObject { ["naam"] = "een", ["getal"] = 1, ["lijst"] = new JsonArray("p") },
            new JsonObject { ["naam"] = "twee", ["getal"] = 2 },
            new JsonObject { ["naam"] = "drie", ["lijst"] = new JsonArray() }),
    };

    private static JsonObject RandomTemplate(Random random)
    {
        var body = new JsonArray();
        for (var i = 0; i < 3; i++)
        {
            var element = new JsonObject { ["type"] = "TextBlock", ["text"] = TextValue(random) };
            if (random.Next(3) == 0)
            {
                element["$when"] = "${" + Expression(random, 2) + "}";
            }

            if (random.Next(4) == 0)
            {
                element["$data"] = random.Next(2) == 0 ? "${items}" : "${" + Path(random) + "}";
            }

            body.Add(element);
        }

        return new JsonObject { ["type"] = "AdaptiveCard", ["value"] = "${" + Expression(random, 2) + "}", ["body"] = body };
    }

    private static string TextValue(Random random) => random.Next(3) switch
    {
        0 => "${" + Expression(random, 2) + "}",
        1 => "a ${" + Expression(random, 2) + "} b",
        _ => "${" + Expression(random, 1) + "}/${" + Expression(random, 1) + "}",
    };

    private static string Path(Random random) => random.Next(8) switch
    {
        0 => "$index",
        1 => "$root." + Fields[random.Next(Fields.Length)],
        2 => "object.diep.waarde",
        3 => "object." + (random.Next(2) == 0 ? "naam" : "ontbreekt"),
        4 => "woorden[" + random.Next(6) + "]",
        5 => "$data",
        6 => "naam",
        _ => Fields[random.Next(Fields.Length)],
    };

    private static string Expression(Random random, int depth)
    {
        if (depth == 0)
        {
            return random.Next(5) switch
            {
                0 => "'tekst " + random.Next(10) + "'",
                1 => random.Next(5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => random.Next(2) == 0 ? "true" : "false",
                _ => Path(random),
            };
        }

        var a = Expression(random, depth - 1);
        var b = Expression(random, depth - 1);
        var p = Path(random);
        return random.Next(14) switch
        {
            0 => $"if({a}, {b}, {Expression(random, depth - 1)})",
            1 => $"equals({a}, {b})",
            2 => $"not({a})",
            3 => $"exists({p})",
            4 => $"empty({p})",
            5 => $"count({p})",
            6 => $"length({p})",
            7 => $"join({p}, ', ')",
            8 => $"{a} == {b}",
            9 => $"{a} != {b}",
            10 => $"{a} > {b}",
            11 => $"{a} && {b}",
            12 => $"{a} || !{b}",
            _ => p,
        };
    }
}
