using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Calendar;
using VarBot.Knowledge.Model;

namespace VarBot.Bot.Answers;

/// <summary>Builds the data for each card the bot sends and renders it from cards/ (CARD-CONTRACT.md).</summary>
internal sealed class BotCards(ICardRenderer renderer, PublicAddress address, IBotKnowledge knowledge, Teams.Cards.EventsCardRefresh eventsRefresh)
{
    // Rendered answer cards, per engine answer object: an entry lives as long as its answer (the engine's answer cache
    // holds it), so a new model or an evicted answer takes its card with it.
    private readonly ConditionalWeakTable<EngineAnswer, RenderedCard> _rendered = new();

    // The blank subscription form depends only on the model's current themes: rendered once per model.
    private readonly ConditionalWeakTable<KnowledgeModel, RenderedCard> _subscribeForms = new();

    /// <summary>The agenda path of an event's .ics file, as served by this host.</summary>
    public static string IcsPath(string eventId) => "/agenda/" + Uri.EscapeDataString(eventId) + ".ics";

    /// <summary>
    /// The answer card of <paramref name="answer"/> with its feedback buttons for <paramref name="answerId"/>. The card
    /// depends only on the answer (a cached engine answer is one object for every turn that asks the same question in
    /// the same situation) and the answer id, so it is rendered once per answer, kept as JSON with a stand-in id, and
    /// each turn's card is that JSON with its own id spliced in as it is written (no template expansion, no parse).
    /// </summary>
    /// <returns>A JSON value that writes the card; read it as a tree with <c>JsonNode.Parse(card.ToJsonString())</c>.</returns>
    public JsonNode Answer(EngineAnswer answer, string answerId)
    {
        if (!_rendered.TryGetValue(answer, out var rendered))
        {
            var placeholder = Guid.NewGuid().ToString("N")[..16];
            rendered = RenderedCard.Create(Render(answer, placeholder), placeholder);
            _rendered.AddOrUpdate(answer, rendered);
        }

        return rendered.With(answerId);
    }

    private JsonObject Render(EngineAnswer answer, string answerId)
    {
        var data = (JsonObject)answer.Data.DeepClone();
        data["answerId"] = answerId;
        data["title"] ??= "";
        data["intro"] ??= "";
        data["sources"] ??= new JsonArray();
        data["suggestions"] ??= new JsonArray(answer.Suggestions.Take(4).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        if (data["events"] is JsonArray events)
        {
            AddCalendarLinks(events);
            data["refresh"] = eventsRefresh.For(data, answer.Today);
        }

        var card = renderer.Render(answer.Template, data);
        // The answer's plain text is the card's fallback: clients that cannot show the card show this instead.
        card["fallbackText"] = answer.Text;
        return card;
    }

    /// <summary>Every event with an exact date gets an absolute link to its .ics file ("Zet in mijn agenda").</summary>
    private void AddCalendarLinks(JsonArray events)
    {
        var baseUrl = address.BaseUrl;
        var model = knowledge.Model;
        foreach (var item in events.OfType<JsonObject>())
        {
            var existing = item["icsUrl"] is JsonValue v && v.TryGetValue<string>(out var url) ? url : null;
            if (existing is not null && Uri.IsWellFormedUriString(existing, UriKind.Absolute))
            {
                continue;
            }

            var id = item["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var eventId) ? eventId : null;
            if (existing is null && (id is null || model?.Events.FirstOrDefault(e => e.Id == id) is not { } known || !IcsWriter.CanWrite(known)))
            {
                item.Remove("icsUrl");
                continue;
            }

            var path = existing ?? (id is null ? null : IcsPath(id));
            if (path is null || baseUrl is null)
            {
                item.Remove("icsUrl");
                continue;
            }

            item["icsUrl"] = baseUrl + (path.StartsWith('/') ? path : "/" + path);
        }
    }

    public JsonObject Welcome() => ExampleCard(BotTexts.WelcomeTitle, BotTexts.WelcomeText);

    public JsonObject Help() => ExampleCard(BotTexts.HelpTitle, BotTexts.HelpText);

    /// <summary>The themes a subscriber can choose: the model's current ones.</summary>
    public static IReadOnlyList<(string Id, string Name)> CurrentThemes(KnowledgeModel? model) =>
        model?.Themes.Where(t => t.IsCurrent).Select(t => (t.Id, t.Name)).ToList() ?? [];

    /// <summary>The blank subscription form for the current model's themes (rendered once per model, a new node per call).</summary>
    public JsonNode SubscribeForm()
    {
        if (knowledge.Model is not { } model)
        {
            return Subscribe([]);
        }

        if (!_subscribeForms.TryGetValue(model, out var form))
        {
            form = RenderedCard.Create(Subscribe(CurrentThemes(model)));
            _subscribeForms.AddOrUpdate(model, form);
        }

        return form.AsNode();
    }

    /// <summary>The subscription form: e-mail, optional name and the current themes; after a refusal, with the error and what was typed.</summary>
    public JsonObject Subscribe(IReadOnlyList<(string Id, string Name)> themes, string? error = null, SubscriptionInput? typed = null) =>
        renderer.Render("subscribe", new JsonObject
        {
            ["title"] = BotTexts.SubscribeTitle,
            ["text"] = BotTexts.SubscribeText,
            ["error"] = error ?? "",
            ["email"] = typed?.Email ?? "",
            ["name"] = typed?.Name ?? "",
            ["selected"] = string.Join(",", typed?.Themes.Where(t => themes.Any(c => c.Id == t)) ?? []),
            ["themes"] = new JsonArray([.. themes.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name })]),
        });

    public JsonObject Error(string text) => renderer.Render("error", new JsonObject
    {
        ["title"] = BotTexts.ErrorTitle,
        ["intro"] = "",
        ["text"] = text,
        ["sources"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
        ["answerId"] = "",
    });

    private JsonObject ExampleCard(string title, string text) => renderer.Render("welcome", new JsonObject
    {
        ["title"] = title,
        ["intro"] = "",
        ["text"] = text,
        ["examples"] = new JsonArray(BotTexts.Examples.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        ["sources"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
        ["answerId"] = "",
    });
}

/// <summary>
/// One rendered card as UTF-8 JSON, for an answer card with a stand-in answer id (16 random hex digits, so it never occurs
/// by chance); <see cref="With"/> makes a card for a real id from it, spliced in when the card is written, without
/// rendering the template again or parsing the JSON. A card without an id (a blank form) is <see cref="AsNode"/>.
/// </summary>
internal sealed class RenderedCard
{
    private static readonly JsonTypeInfo<AnswerCard> CardInfo = (JsonTypeInfo<AnswerCard>)VarBot.Protocol.Schema.BotJson.Options.GetTypeInfo(typeof(AnswerCard));

    private readonly byte[] _json;
    private readonly int[] _idAt;
    private readonly int _idLength;

    private RenderedCard(byte[] json, int[] idAt, int idLength) => (_json, _idAt, _idLength) = (json, idAt, idLength);

    public static RenderedCard Create(JsonObject card, string? placeholder = null)
    {
        var json = System.Text.Encoding.UTF8.GetBytes(card.ToJsonString());
        var id = System.Text.Encoding.UTF8.GetBytes(placeholder ?? "");
        var at = new List<int>();
        for (var from = 0; id.Length > 0 && from <= json.Length - id.Length;)
        {
            var found = json.AsSpan(from).IndexOf(id);
            if (found < 0)
            {
                break;
            }

            at.Add(from + found);
            from += found + id.Length;
        }

        return new RenderedCard(json, [.. at], id.Length);
    }

    /// <summary>A JSON value (its own node, so a reply may take it) that writes the card with <paramref name="answerId"/> as its answer id.</summary>
    public JsonNode With(string answerId) => JsonValue.Create(new AnswerCard(this, answerId), CardInfo)!;

    /// <summary>A JSON value (its own node) that writes the card as rendered.</summary>
    public JsonNode AsNode() => With(string.Empty);

    /// <summary>Writes the card with <paramref name="answerId"/> spliced in at every place of the stand-in.</summary>
    internal void WriteTo(Utf8JsonWriter writer, string answerId)
    {
        var idBytes = System.Text.Encoding.UTF8.GetByteCount(answerId);
        var length = _json.Length + (_idAt.Length * (idBytes - _idLength));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            var from = 0;
            foreach (var at in _idAt)
            {
                _json.AsSpan(from, at - from).CopyTo(buffer.AsSpan(written));
                written += at - from;
                written += System.Text.Encoding.UTF8.GetBytes(answerId, buffer.AsSpan(written));
                from = at + _idLength;
            }

            _json.AsSpan(from).CopyTo(buffer.AsSpan(written));
            written += _json.Length - from;
            // The rendered card is valid JSON; an id (a ticket) of letters, digits, '-', '_' and '.' keeps it so (anything else is checked).
            writer.WriteRawValue(buffer.AsSpan(0, written), skipInputValidation: IsJsonSafe(answerId));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsJsonSafe(string id)
    {
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An answer card with its answer id, as a JSON value: written by splicing (<see cref="RenderedCard.WriteTo"/>).</summary>
[JsonConverter(typeof(AnswerCardConverter))]
internal sealed record AnswerCard(RenderedCard Card, string AnswerId);

internal sealed class AnswerCardConverter : JsonConverter<AnswerCard>
{
    public override AnswerCard Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An answer card is written, never read back as such.");

    public override void Write(Utf8JsonWriter writer, AnswerCard value, JsonSerializerOptions options) => value.Card.WriteTo(writer, value.AnswerId);
}
