using System.Text.Json;
using System.Text.Json.Nodes;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Tests;

/// <summary>The citation entity on the wire, as Teams and the Agents Playground read it (schema.org Message with Claims).</summary>
public sealed class CitationEntityTests
{
    [Fact]
    public void Create_TwoSources_SerialisesTeamsMessageEntity()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Het budget is € 484.000. [1]",
            Entities = [CitationEntities.Create([new ClientCitation(1, "Jaarverslag 2025 / Jaarplan 2026", "Begroting 2026, regel 512", Keywords: ["begroting", "2026"])])],
        };

        var json = JsonSerializer.SerializeToNode(activity, BotJson.Options)!;

        var entity = json["entities"]![0]!;
        Assert.Equal(
            """{"type":"https://schema.org/Message","@type":"Message","@context":"https://schema.org","@id":"","citation":[{"@type":"Claim","position":1,"appearance":{"@type":"DigitalDocument","name":"Jaarverslag 2025 / Jaarplan 2026","abstract":"Begroting 2026, regel 512","keywords":["begroting","2026"]}}]}""",
            entity.ToJsonString());
        Assert.Null(entity["additionalType"]); // not AI generated: no AI label
    }

    [Fact]
    public void Create_LongTextsAndManyCitations_CutToTeamsLimits()
    {
        var citations = Enumerable.Range(1, 12)
            .Select(i => new ClientCitation(i, new string('n', 100), new string('a', 200), "not a url", ["a", "b", "c", "d"]))
            .ToList();

        var entity = JsonSerializer.SerializeToNode(CitationEntities.Create(citations), BotJson.Options)!;

        var list = entity["citation"]!.AsArray();
        Assert.Equal(10, list.Count);
        Assert.All(list, c =>
        {
            Assert.Equal(80, ((string)c!["appearance"]!["name"]!).Length);
            Assert.Equal(160, ((string)c["appearance"]!["abstract"]!).Length);
            Assert.Null(c["appearance"]!["url"]);
            Assert.Equal(3, c["appearance"]!["keywords"]!.AsArray().Count);
        });
    }

    [Fact]
    public void Deserialize_ActivityWithCitationEntity_KeepsItForRoundTrip()
    {
        var json = """{"type":"message","entities":[{"type":"https://schema.org/Message","@type":"Message","citation":[{"@type":"Claim","position":1,"appearance":{"name":"n","abstract":"a"}}]}]}""";

        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

        Assert.Equal(CitationEntities.MessageEntityType, activity.Entities![0].Type);
        Assert.Equal(1, JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!["entities"]![0]!["citation"]![0]!["position"]!.GetValue<int>());
    }
}
