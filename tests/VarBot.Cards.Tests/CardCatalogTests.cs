using System.Text;
using System.Text.Json.Nodes;
using VarBot.TestSupport;
using Xunit.Abstractions;

namespace VarBot.Cards.Tests;

/// <summary>
/// Every template rendered with the sample data in Data/ by our catalog and by the official
/// adaptivecards-templating 2.3.1, compared as JSON; every card parsed by the official adaptivecards 3.0.6
/// renderer without a single parse or validation event; every card under 28 KB.
/// </summary>
public sealed class CardCatalogTests(ITestOutputHelper output)
{
    private const int TeamsLimitBytes = 28 * 1024;

    private static readonly string DataDir = Path.Combine(RepoPaths.Root, "tests", "VarBot.Cards.Tests", "Data");

    private static readonly CardCatalog Catalog = new(new CardCatalogOptions());

    private static readonly Lazy<IReadOnlyList<RenderedSample>> Samples = new(LoadSamples);

    public static TheoryData<string> SampleNames()
    {
        var names = new TheoryData<string>();
        foreach (var file in SampleFiles())
        {
            names.Add(Path.GetFileNameWithoutExtension(file));
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Render_Sample_EqualsOfficialTemplatingOutput(string name)
    {
        var sample = Samples.Value.Single(s => s.Name == name);

        Assert.Null(sample.OfficialError);
        JsonAssert.Equal(sample.Official, sample.Ours, name);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Render_Sample_ParsesInOfficialRendererWithoutEvents(string name)
    {
        var sample = Samples.Value.Single(s => s.Name == name);

        Assert.Empty(sample.RendererEvents);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Render_Sample_IsUnder28KiloBytesAndUnresolvedFree(string name)
    {
        var sample = Samples.Value.Single(s => s.Name == name);
        var json = sample.Ours.ToJsonString();

        Assert.True(Encoding.UTF8.GetByteCount(json) < TeamsLimitBytes);
        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_TemplateFiles_AreAdaptiveCards15WithSchema()
    {
        foreach (var name in CardCatalog.TemplateNames)
        {
            var card = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, name + ".json")))!;

            Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());
            Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
            Assert.Equal("1.5", card["version"]!.GetValue<string>());
        }

        Assert.Equal(CardCatalog.TemplateNames.Order(), Catalog.Names.Order());
    }

    [Fact]
    public void Catalog_DefaultDirectory_IsTheCopyInTheOutputFolder()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "cards"), Catalog.Directory);
    }

    [Theory]
    [InlineData("answer", true)]
    [InlineData("events", true)]
    [InlineData("budget", true)]
    [InlineData("theme", true)]
    [InlineData("notFound", true)]
    [InlineData("welcome", false)]
    [InlineData("error", false)]
    [InlineData("subscribe", false)]
    public void Render_Template_HasFeedbackButtonsExceptWelcomeAndError(string template, bool expected)
    {
        var card = Catalog.Render(template, Sample(template));

        var feedback = AllActions(card).Where(a => a["data"]?["feedback"] is not null).ToList();

        if (!expected)
        {
            Assert.Empty(feedback);
            return;
        }

        Assert.Equal(2, feedback.Count);
        Assert.Equal("Nuttig", feedback[0]["title"]!.GetValue<string>());
        Assert.Equal("up", feedback[0]["data"]!["feedback"]!.GetValue<string>());
        Assert.Equal("Niet nuttig", feedback[1]["title"]!.GetValue<string>());
        Assert.Equal("down", feedback[1]["data"]!["feedback"]!.GetValue<string>());
        Assert.All(feedback, a => Assert.Equal(Sample(template)["answerId"]!.GetValue<string>(), a["data"]!["answerId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("answer")]
    [InlineData("events")]
    [InlineData("budget")]
    [InlineData("theme")]
    [InlineData("notFound")]
    public void Render_Template_SuggestionsAreSubmitButtonsWithTheQuestion(string template)
    {
        var data = Sample(template);
        var card = Catalog.Render(template, data);

        var questions = AllActions(card).Where(a => a["data"]?["question"] is not null).ToList();

        var expected = data["suggestions"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(expected, questions.Select(q => q["data"]!["question"]!.GetValue<string>()));
        Assert.All(questions, q =>
        {
            Assert.Equal("Action.Submit", q["type"]!.GetValue<string>());
            Assert.Equal(q["title"]!.GetValue<string>(), q["data"]!["question"]!.GetValue<string>());
            // No msteams imBack: the Agents Playground (Web Chat) throws "Cannot add property msTeams, object is not
            // extensible" on such a click and sends nothing; plain data arrives as a message with value everywhere.
            Assert.Null(q["data"]!["msteams"]);
        });
    }

    [Fact]
    public void Render_Welcome_ExamplesAreButtons()
    {
        var data = Sample("welcome");
        var card = Catalog.Render("welcome", data);

        var questions = AllActions(card).Select(a => a["data"]?["question"]?.GetValue<string>()).OfType<string>();

        Assert.Equal(data["examples"]!.AsArray().Select(e => e!.GetValue<string>()), questions);
    }

    [Fact]
    public void Render_Subscribe_HasEmailNameThemeChoicesAndASubscribeSubmit()
    {
        var data = Sample("subscribe-invalid");
        var card = Catalog.Render("subscribe", data);

        var inputs = AllElements(card).Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["email", "name", "themes"], inputs.Select(i => i["id"]!.GetValue<string>()));
        Assert.Equal("Email", inputs[0]["style"]!.GetValue<string>());
        Assert.True(inputs[0]["isRequired"]!.GetValue<bool>());
        Assert.Equal("zoë@@rotterdam", inputs[0]["value"]!.GetValue<string>());
        var themes = inputs[2];
        Assert.True(themes["isMultiSelect"]!.GetValue<bool>());
        Assert.Equal("expanded", themes["style"]!.GetValue<string>());
        Assert.Equal(5, themes["choices"]!.AsArray().Count);
        Assert.Equal("mensenhandel,jeugd-en-veiligheid", themes["value"]!.GetValue<string>());
        var submit = Assert.Single(AllActions(card));
        Assert.Equal("Action.Submit", submit["type"]!.GetValue<string>());
        Assert.Equal("subscribe", submit["data"]!["action"]!.GetValue<string>());
        Assert.Contains(data["error"]!.GetValue<string>(), card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("answer")]
    [InlineData("events")]
    [InlineData("budget")]
    [InlineData("theme")]
    [InlineData("notFound")]
    public void Render_Template_NamesItsSources(string template)
    {
        var data = Sample(template);
        var text = Catalog.Render(template, data).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.All(data["sources"]!.AsArray(), source => Assert.Contains(source!.GetValue<string>(), text, StringComparison.Ordinal));
        Assert.Contains(data["sources"]!.AsArray().Count > 1 ? "Bronnen: " : "Bron: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Events_AgendaButtonOnlyForEventsWithIcs()
    {
        var card = Catalog.Render("events", Sample("events"));

        var agenda = AllActions(card).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl").ToList();

        Assert.Equal(2, agenda.Count);
        Assert.All(agenda, a => Assert.Equal("Zet in mijn agenda", a["title"]!.GetValue<string>()));
        Assert.Equal("https://varbot.example/agenda/ev-2026-leerhuis-1.ics", agenda[0]["url"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_CardWithUnknownElementOrBadVersion_ReportsEvents()
    {
        // Guards the renderer check itself: it must be able to fail.
        var unknown = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel","pages":[]}]}""")!;
        var missingText = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}],"actions":[{"type":"Action.OpenUrl","title":"x"}]}""")!;

        var events = NodeReference.Parse([unknown, missingText]);

        Assert.NotEmpty(events[0]);
        Assert.NotEmpty(events[1]);
    }

    [Fact]
    public void Render_AllTemplates_IsFastEnoughForEveryTurn()
    {
        var samples = CardCatalog.TemplateNames.Select(name => (name, Sample(name))).ToList();
        foreach (var (name, data) in samples)
        {
            Catalog.Render(name, data);
        }

        const int rounds = 300;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            foreach (var (name, data) in samples)
            {
                Catalog.Render(name, data);
            }
        }

        var perCard = watch.Elapsed.TotalMicroseconds / (rounds * samples.Count);
        output.WriteLine($"Render: {perCard:F1} µs per card (average over {rounds * samples.Count} renders of the {samples.Count} sample cards)");
        Assert.True(perCard < 2000, $"{perCard} µs per card");
    }

    [Fact]
    public void Render_UnknownTemplate_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Catalog.Render("nieuws", new JsonObject()));

        Assert.Contains("'nieuws'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events", "events", "Leerhuis Femicide, een bijeenkomst met een lange beschrijving die de kaart vult")]
    [InlineData("theme", "done", "Een activiteit uit het jaarverslag met een lange beschrijving van wat er gedaan werd")]
    [InlineData("budget", "rows", "Een begrotingspost met een lange omschrijving")]
    [InlineData("answer", "facts", "Feit")]
    public void Render_HugeList_IsCutWithMoreLineAndStaysUnderLimit(string template, string list, string text)
    {
        var data = Sample(template);
        var item = data[list]!.AsArray()[0]!;
        var items = new JsonArray();
        for (var i = 0; i < 1500; i++)
        {
            var copy = item.DeepClone();
            if (copy is JsonObject obj)
            {
                obj[obj.ContainsKey("label") ? "label" : "title"] = $"{text} {i}";
            }
            else
            {
                copy = $"{text} {i}";
            }

            items.Add(copy);
        }

        data[list] = items;

        var card = Catalog.Render(template, data);
        var json = card.ToJsonString();

        Assert.True(Encoding.UTF8.GetByteCount(json) <= new CardCatalogOptions().MaxCardBytes, "card too large");
        Assert.Matches(@"… en \d+ meer", JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(1500, data[list]!.AsArray().Count);
        Assert.Empty(NodeReference.Parse([card])[0]);
    }

    [Fact]
    public void Render_HugeText_IsShortenedUnderLimit()
    {
        var data = Sample("answer");
        data["text"] = string.Concat(Enumerable.Repeat("Zoë fietst naar het Leerhuis. ", 3000));

        var card = Catalog.Render("answer", data);

        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) <= new CardCatalogOptions().MaxCardBytes);
        Assert.Contains("…", card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("answer.json", "{ not json", "not valid JSON")]
    [InlineData("answer.json", """{"type":"AdaptiveCard","version":"1.6","body":[]}""", "\"version\" must be \"1.5\"")]
    [InlineData("answer.json", """{"type":"Card","version":"1.5","body":[]}""", "\"type\" must be \"AdaptiveCard\"")]
    [InlineData("answer.json", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"${if(a)}"}]}""", "if expects")]
    [InlineData("answer.json", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"${a +}"}]}""", "Expected an expression")]
    [InlineData("nieuws.json", """{"type":"AdaptiveCard","version":"1.5","body":[]}""", "unknown card template name 'nieuws'")]
    public void Catalog_InvalidTemplate_FailsAtLoadNamingTheFile(string file, string content, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("varbot-cards-");
        try
        {
            foreach (var name in CardCatalog.TemplateNames)
            {
                File.Copy(Path.Combine(RepoPaths.Cards, name + ".json"), Path.Combine(dir.FullName, name + ".json"));
            }

            File.WriteAllText(Path.Combine(dir.FullName, file), content);

            var ex = Assert.Throws<CardCatalogException>(() => new CardCatalog(new CardCatalogOptions { Directory = dir.FullName }));

            Assert.Contains(file, ex.Message, StringComparison.Ordinal);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Catalog_MissingTemplate_FailsAtLoad()
    {
        var dir = Directory.CreateTempSubdirectory("varbot-cards-");
        try
        {
            File.Copy(Path.Combine(RepoPaths.Cards, "answer.json"), Path.Combine(dir.FullName, "answer.json"));

            var ex = Assert.Throws<CardCatalogException>(() => new CardCatalog(new CardCatalogOptions { Directory = dir.FullName }));

            Assert.Contains("events.json", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static JsonObject Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(DataDir, name + ".json")))!.AsObject();

    private static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(DataDir, "*.json").Where(f => Path.GetFileName(f) != "templating-cases.json").Order(StringComparer.Ordinal);

    private static IEnumerable<JsonObject> AllElements(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"] is JsonValue => [obj, .. obj.SelectMany(p => AllElements(p.Value))],
        JsonObject obj => obj.SelectMany(p => AllElements(p.Value)),
        JsonArray array => array.SelectMany(AllElements),
        _ => [],
    };

    private static IEnumerable<JsonObject> AllActions(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal) => [obj],
        JsonObject obj => obj.SelectMany(p => AllActions(p.Value)),
        JsonArray array => array.SelectMany(AllActions),
        _ => [],
    };

    private static IReadOnlyList<RenderedSample> LoadSamples()
    {
        var samples = SampleFiles().Select(file =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var template = name.Split('-')[0];
            var data = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var templateJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, template + ".json")))!;
            return (Name: name, Template: templateJson, Data: data, Ours: Catalog.Render(template, data));
        }).ToList();
        var official = NodeReference.Expand(samples.Select(s => (s.Template, (JsonNode)CardCatalog.Normalize(s.Name.Split('-')[0], s.Data))));
        var events = NodeReference.Parse(samples.Select(s => (JsonNode)s.Ours));
        return [.. samples.Select((s, i) => new RenderedSample(s.Name, s.Ours, official[i].Card, official[i].Error, events[i]))];
    }

    private sealed record RenderedSample(string Name, JsonObject Ours, JsonNode? Official, string? OfficialError, IReadOnlyList<string> RendererEvents);
}
