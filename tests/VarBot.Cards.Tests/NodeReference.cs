using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using VarBot.TestSupport;

namespace VarBot.Cards.Tests;

/// <summary>Runs the official npm reference implementations (tools/node_modules) through the scripts in node/.</summary>
internal static class NodeReference
{
    private static readonly string ScriptDir = Path.Combine(RepoPaths.Root, "tests", "VarBot.Cards.Tests", "node");

    /// <summary>Expands each (template, data) with adaptivecards-templating 2.3.1; an entry is the card or the error text.</summary>
    public static IReadOnlyList<(JsonNode? Card, string? Error)> Expand(IEnumerable<(JsonNode Template, JsonNode Data)> cases)
    {
        var input = new JsonObject
        {
            ["cases"] = new JsonArray([.. cases.Select(c => new JsonObject { ["template"] = c.Template.DeepClone(), ["data"] = c.Data.DeepClone() })]),
        };
        var output = Run("expand.js", input);
        return [.. output["results"]!.AsArray().Select(r => r!["ok"]!.GetValue<bool>()
            ? (r["card"]?.DeepClone(), (string?)null)
            : ((JsonNode?)null, r["error"]!.GetValue<string>()))];
    }

    /// <summary>Parses each card with the adaptivecards 3.0.6 renderer; returns every parse and validation event as text.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(IEnumerable<JsonNode> cards)
    {
        var input = new JsonObject { ["cards"] = new JsonArray([.. cards.Select(c => c.DeepClone())]) };
        var output = Run("parse.js", input);
        return [.. output["results"]!.AsArray().Select(r =>
        {
            var events = r!["events"]!.AsArray().Concat(r["validation"]!.AsArray())
                .Select(e => $"{e!["phase"]}/{e["event"]}: {e["message"]}")
                .ToList();
            if (!r["rendered"]!.GetValue<bool>())
            {
                events.Add("Render/NotRendered");
            }

            return (IReadOnlyList<string>)events;
        })];
    }

    private static JsonNode Run(string script, JsonNode input)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(ScriptDir, script));
        info.ArgumentList.Add(Path.Combine(RepoPaths.Tools, "node_modules"));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(script + " did not finish within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {stderr.Result}");
        }

        return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException("node printed no JSON");
    }
}
