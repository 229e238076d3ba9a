using System.Text.Json.Nodes;
using VarBot.Knowledge.Model;

namespace VarBot.Answering;

/// <summary>A user's question, the date it is asked on (the user's local date, from the caller), and the previous turn's context.</summary>
public sealed record Question(string Text, DateOnly Today, ConversationContext? Previous = null);

/// <summary>
/// What the engine answers: one card (template and data) and its plain text, which is the card's fallback and summary,
/// never a second message.
/// </summary>
/// <param name="Answered">False when the reports do not contain the answer (or the input was unusable).</param>
public sealed record Answer(
    string Intent,
    string Text,
    AnswerCard Card,
    IReadOnlyList<AnswerSource> Sources,
    IReadOnlyList<string> Suggestions,
    ConversationContext Context,
    bool Answered);

/// <summary>Card data for <c>cards/{Template}.json</c>, shaped as cards/README.md describes.</summary>
public sealed record AnswerCard(string Template, JsonObject Data);

/// <summary>The report, section and line an answer rests on.</summary>
public sealed record AnswerSource(string ReportId, string ReportTitle, string Section, SourceRef? Source);
