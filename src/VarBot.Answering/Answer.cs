using System.Text.Json.Nodes;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

/// <summary>A user's question, the date it is asked on, and the previous turn of the conversation, if any.</summary>
public sealed record Question(string Text, DateOnly Today, ConversationContext? Previous = null);

/// <summary>What the engine answers: a Dutch reply, card data, sources and follow-up suggestions.</summary>
/// <param name="Answered">False when the reports do not contain the answer (or the input was unusable).</param>
public sealed record Answer(
    string Intent,
    string Text,
    AnswerCard Card,
    IReadOnlyList<AnswerSource> Sources,
    IReadOnlyList<string> Suggestions,
    ConversationContext Context,
    bool Answered);

/// <summary>Card data for <c>cards/{Template}.json</c>, shaped as CARD-CONTRACT.md describes.</summary>
public sealed record AnswerCard(string Template, JsonObject Data);

/// <summary>The report and section an answer rests on.</summary>
public sealed record AnswerSource(string ReportId, string ReportTitle, string Section, SourceRef? Source);

/// <summary>The intent and slots of a turn, kept per conversation so a follow-up can continue it.</summary>
public sealed record ConversationContext(string Intent, IReadOnlyDictionary<string, string> Slots)
{
    public static ConversationContext Empty { get; } = new("none", new Dictionary<string, string>());

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this);

    public static ConversationContext? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        var raw = System.Text.Json.JsonSerializer.Deserialize<ContextDto>(json);
        return raw is null ? null : new ConversationContext(raw.Intent ?? "none", raw.Slots ?? []);
    }

    private sealed record ContextDto(string? Intent, Dictionary<string, string>? Slots);
}
