using System.Text.Json.Nodes;
using VarBot.Cards.Templating;
using VarBot.TestSupport;

namespace VarBot.Cards.Tests.Templating;

/// <summary>
/// Edge cases of the templating subset (Data/templating-cases.json), each expanded by ours and by the
/// official adaptivecards-templating 2.3.1; the outputs must be the same JSON, and where the official
/// library throws, ours must throw a <see cref="TemplateException"/>.
/// </summary>
public sealed class CardTemplateTests
{
    private static readonly Lazy<(JsonArray Cases, IReadOnlyList<(JsonNode? Card, string? Error)> Official)> Reference = new(() =>
    {
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "VarBot.Cards.Tests", "Data", "templating-cases.json")))!.AsArray();
        var official = NodeReference.Expand(cases.Select(c => (c!["template"]!, c["data"]!)));
        return (cases, official);
    });

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "VarBot.Cards.Tests", "Data", "templating-cases.json")))!.AsArray();
        foreach (var c in cases)
        {
            data.Add(c!["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Expand_Case_MatchesOfficialLibrary(string name)
    {
        var (cases, official) = Reference.Value;
        var index = cases.Select((c, i) => (c, i)).Single(x => x.c!["name"]!.GetValue<string>() == name).i;
        var template = cases[index]!["template"]!;
        var data = cases[index]!["data"]!;
        var (expected, error) = official[index];

        if (error is not null)
        {
            Assert.Throws<TemplateException>(() => new CardTemplate(template).Expand(data));
            return;
        }

        var actual = new CardTemplate(template).Expand(data);
        JsonAssert.Equal(expected, actual, name);
    }

    [Fact]
    public void Expand_MissingPath_LeavesBindingTextAsOfficialLibraryDoes()
    {
        var template = JsonNode.Parse("""{"a":"${nope}","b":"Hallo ${nope}"}""");

        var actual = new CardTemplate(template).Expand(new JsonObject())!;

        Assert.Equal("${nope}", actual["a"]!.GetValue<string>());
        Assert.Equal("Hallo ${nope}", actual["b"]!.GetValue<string>());
    }

    [Fact]
    public void Expand_SingleExpression_KeepsJsonType()
    {
        var template = JsonNode.Parse("""{"n":"${n}","b":"${b}","s":"n=${n}"}""");

        var actual = new CardTemplate(template).Expand(JsonNode.Parse("""{"n":3,"b":true}"""))!;

        Assert.Equal(System.Text.Json.JsonValueKind.Number, actual["n"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.True, actual["b"]!.GetValueKind());
        Assert.Equal("n=3", actual["s"]!.GetValue<string>());
    }
}
