using System.Text.Json.Nodes;
using VarBot.Knowledge.Model;

namespace VarBot.Bot.Answers;

/// <summary>What the answering engine said, in the terms the bot needs.</summary>
/// <param name="Context">The engine's conversation context as JSON, for the next turn.</param>
/// <param name="Sources">The report, section and line the answer rests on (Teams citations).</param>
/// <param name="Today">The day the question was answered for (the agenda card's refresh compares with it).</param>
internal sealed record EngineAnswer(
    string Intent,
    string Text,
    string Template,
    JsonObject Data,
    IReadOnlyList<string> Suggestions,
    string? Context,
    bool Answered,
    string ModelVersion,
    IReadOnlyList<VarBot.Answering.AnswerSource> Sources,
    DateOnly Today);

/// <summary>The current knowledge model and the answering engine built from it (rebuilt when a new model is published).</summary>
internal interface IBotKnowledge
{
    /// <summary>The model in use, or null while none is loaded.</summary>
    KnowledgeModel? Model { get; }

    /// <summary>Answers a question; null while no model is loaded.</summary>
    EngineAnswer? Ask(string question, DateOnly today, string? previousContext);
}

/// <summary>Renders cards/{template}.json with data (Adaptive Card templating).</summary>
internal interface ICardRenderer
{
    JsonObject Render(string template, JsonObject data);
}
