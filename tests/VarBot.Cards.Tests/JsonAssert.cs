using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VarBot.Cards.Tests;

internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Canonical text of a JSON value (same serializer for both sides, so only content differences remain).</summary>
    public static string Canonical(JsonNode? node) =>
        node is null ? "null" : JsonNode.Parse(node.ToJsonString())!.ToJsonString(Indented);

    public static void Equal(JsonNode? expected, JsonNode? actual, string because)
    {
        var e = Canonical(expected);
        var a = Canonical(actual);
        Assert.True(e == a, $"{because}\n--- official ---\n{e}\n--- ours ---\n{a}");
    }
}
