using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VarBot.Cards.Templating;

namespace VarBot.Cards;

/// <summary>
/// The Adaptive Card templates of cards/*.json, loaded and validated once, rendered by name with the
/// data of CARD-CONTRACT.md. Thread-safe: templates are immutable after load.
/// </summary>
public sealed class CardCatalog
{
    /// <summary>Every template the bot uses; the catalog refuses to start without one of them or with any other.</summary>
    public static readonly IReadOnlyList<string> TemplateNames =
        ["answer", "events", "budget", "theme", "welcome", "notFound", "error", "subscribe", "event", "newsItem", "themeSummary", "newsletterPost"];

    /// <summary>Data lists that may be shortened to keep a card small; each template shows "… en N meer" from <c>{list}More</c>.</summary>
    private static readonly string[] TruncatableLists = ["events", "rows", "facts", "done", "planned"];

    /// <summary>Per template, every field of the card contract with its empty value.</summary>
    private static readonly FrozenDictionary<string, JsonObject> Defaults = BuildDefaults();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _sizeBuffer;

    private readonly FrozenDictionary<string, CardTemplate> _templates;
    private readonly int _maxCardBytes;

    public CardCatalog(IOptions<CardCatalogOptions> options)
        : this(options.Value)
    {
    }

    public CardCatalog(CardCatalogOptions options)
    {
        Directory = options.Directory ?? FindDirectory();
        _maxCardBytes = options.MaxCardBytes;
        _templates = Load(Directory);
    }

    /// <summary>The folder the templates were loaded from.</summary>
    public string Directory { get; }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="data"/> (not modified). Long lists are cut,
    /// with a "… en N meer" line, until the card fits in <see cref="CardCatalogOptions.MaxCardBytes"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The template name is unknown.</exception>
    public JsonObject Render(string template, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!_templates.TryGetValue(template, out var cardTemplate))
        {
            throw new ArgumentException($"Unknown card template '{template}'. Known templates: {string.Join(", ", TemplateNames)}.", nameof(template));
        }

        data = Normalize(template, data);
        var card = Expand(cardTemplate, data);
        if (Size(card) <= _maxCardBytes)
        {
            return card;
        }

        var working = (JsonObject)data.DeepClone();
        var originalCounts = TruncatableLists
            .Where(key => working[key] is JsonArray)
            .ToDictionary(key => key, key => working[key]!.AsArray().Count);
        while (Size(card) > _maxCardBytes)
        {
            Shrink(working, originalCounts, Size(card));
            card = Expand(cardTemplate, working);
        }

        return card;
    }

    /// <summary>
    /// The data as the templates expect it (a copy when anything changes; the input is never modified):
    /// JSON nulls are removed, since optional fields are tested with <c>exists()</c> and a null in text fails in
    /// the official templating too; then every absent field of the card contract is filled in as <c>""</c> or
    /// <c>[]</c>, so a missing field shows as nothing rather than as the literal <c>${field}</c>.
    /// </summary>
    internal static JsonObject Normalize(string template, JsonObject data)
    {
        var result = ContainsNull(data) ? (JsonObject)WithoutNulls(data)! : data;
        foreach (var (key, value) in Defaults[template])
        {
            if (result.ContainsKey(key))
            {
                continue;
            }

            if (ReferenceEquals(result, data))
            {
                result = (JsonObject)data.DeepClone();
            }

            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static bool ContainsNull(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return true;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (ContainsNull(value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (ContainsNull(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray array => new JsonArray([.. array.Where(item => item is not null).Select(WithoutNulls)]),
        _ => node?.DeepClone(),
    };

    private static FrozenDictionary<string, JsonObject> BuildDefaults()
    {
        JsonObject Fields(params string[] names)
        {
            var fields = new JsonObject { ["title"] = "", ["intro"] = "", ["sources"] = new JsonArray(), ["suggestions"] = new JsonArray(), ["answerId"] = "" };
            foreach (var name in names)
            {
                fields[name] = name is "facts" or "events" or "columns" or "rows" or "done" or "planned" or "examples" or "themes" or "headlines" or "agenda"
                    ? new JsonArray()
                    : "";
            }

            return fields;
        }

        return new Dictionary<string, JsonObject>
        {
            ["answer"] = Fields("text", "facts"),
            ["events"] = Fields("events", "refresh"),
            ["budget"] = Fields("columns", "rows", "note"),
            ["theme"] = Fields("done", "doneLabel", "planned", "plannedLabel"),
            ["welcome"] = Fields("text", "examples"),
            ["notFound"] = Fields("text"),
            ["error"] = Fields("text"),
            ["subscribe"] = Fields("text", "error", "email", "name", "selected", "themes"),
            ["event"] = Fields("lead", "date", "type", "status"),
            ["newsItem"] = Fields("meta", "text"),
            ["themeSummary"] = Fields("text", "planned", "plannedLabel"),
            ["newsletterPost"] = Fields("headlines", "agenda", "url"),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static JsonObject Expand(CardTemplate template, JsonObject data) =>
        template.Expand(data) as JsonObject
        ?? throw new InvalidOperationException("A card template expanded to something other than a card.");

    /// <summary>The card's size as UTF-8 JSON, written to a buffer kept per thread (no string of the card).</summary>
    private static int Size(JsonObject card)
    {
        var buffer = _sizeBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            card.WriteTo(writer);
        }

        return buffer.WrittenCount;
    }

    /// <summary>Cuts the largest list by the share the card is over budget (at least one item); without lists, the longest text.</summary>
    private void Shrink(JsonObject data, Dictionary<string, int> originalCounts, int size)
    {
        var overshoot = (double)(size - _maxCardBytes) / size;
        var largest = originalCounts.Keys
            .Select(key => (Key: key, List: data[key]!.AsArray()))
            .Where(x => x.List.Count > 0)
            .OrderByDescending(x => x.List.ToJsonString().Length)
            .FirstOrDefault();
        if (largest.List is not null)
        {
            var remove = Math.Clamp((int)Math.Ceiling(largest.List.Count * overshoot * 1.1), 1, largest.List.Count);
            for (var i = 0; i < remove; i++)
            {
                largest.List.RemoveAt(largest.List.Count - 1);
            }

            data[largest.Key + "More"] = originalCounts[largest.Key] - largest.List.Count;
            return;
        }

        var longest = data
            .Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            .Select(p => (p.Key, Text: p.Value!.GetValue<string>()))
            .OrderByDescending(p => p.Text.Length)
            .FirstOrDefault();
        if (longest.Text is not { Length: > 1 })
        {
            throw new InvalidOperationException("The card does not fit in the size limit and has nothing left to shorten.");
        }

        data[longest.Key] = longest.Text[..(longest.Text.Length / 2)] + "…";
    }

    private static FrozenDictionary<string, CardTemplate> Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new CardCatalogException($"Card templates folder '{directory}' does not exist.");
        }

        var templates = new Dictionary<string, CardTemplate>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!TemplateNames.Contains(name, StringComparer.Ordinal))
            {
                throw new CardCatalogException($"{file}: unknown card template name '{name}'. Known templates: {string.Join(", ", TemplateNames)}.");
            }

            JsonNode? json;
            try
            {
                json = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                throw new CardCatalogException($"{file}: not valid JSON: {ex.Message}", ex);
            }

            if (json is not JsonObject card)
            {
                throw new CardCatalogException($"{file}: the template must be a JSON object.");
            }

            if (card["type"]?.GetValueKind() != JsonValueKind.String || card["type"]!.GetValue<string>() != "AdaptiveCard")
            {
                throw new CardCatalogException($"{file}: \"type\" must be \"AdaptiveCard\".");
            }

            if (card["version"]?.GetValueKind() != JsonValueKind.String || card["version"]!.GetValue<string>() != "1.5")
            {
                throw new CardCatalogException($"{file}: \"version\" must be \"1.5\" (what Teams supports).");
            }

            try
            {
                templates[name] = new CardTemplate(card);
            }
            catch (TemplateException ex)
            {
                throw new CardCatalogException($"{file}: {ex.Message}", ex);
            }
        }

        var missing = TemplateNames.Where(name => !templates.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new CardCatalogException($"Card templates folder '{directory}' lacks: {string.Join(", ", missing.Select(m => m + ".json"))}.");
        }

        return templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>cards/ in the app folder (copied there by the build), else the first cards/ with answer.json above it.</summary>
    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "cards");
            if (File.Exists(Path.Combine(candidate, "answer.json")))
            {
                return candidate;
            }
        }

        throw new CardCatalogException($"No cards/ folder with the card templates found in or above {AppContext.BaseDirectory}.");
    }
}
