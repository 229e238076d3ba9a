using VarBot.Answering.Conversation;
using VarBot.Answering.Routing;
using VarBot.Knowledge.Model;

namespace VarBot.Answering.Answers;

/// <summary>Where a fact was read in the model: report, section and line.</summary>
internal sealed record FactSource(string ReportId, string Section, SourceRef? Line);

/// <summary>A statement taken from the model (a sentence, a list item, a table line), with its source.</summary>
internal sealed record Fact(string Text, FactSource Source);

/// <summary>A row of a budget table: a model line (or the report's own total) per column.</summary>
internal sealed record TableRow(string Label, IReadOnlyList<string> Values, bool IsTotal);

/// <summary>
/// Answer stage result: what one intent class says, typed. Text comes later from the realiser; figures in
/// <see cref="Lead"/> and <see cref="Items"/> are model lines, the difference of two lines with the same label, or the
/// sum of one table's group of lines or of its lines asked together (shown with it).
/// </summary>
internal sealed record Reply
{
    public required Intent Intent { get; init; }
    /// <summary>The card template: answer, events, budget, theme or notFound.</summary>
    public string Template { get; init; } = "answer";
    public string Title { get; init; } = "";
    /// <summary>The sentence that answers (at most 40 words).</summary>
    public required string Lead { get; init; }
    /// <summary>
    /// At most five bullets, best first: the realiser shows as many as fit on one screen, from the first on, and a
    /// paged list (<see cref="More"/>) continues after the last one shown.
    /// </summary>
    public IReadOnlyList<Fact> Items { get; init; } = [];
    public IReadOnlyList<Event> Events { get; init; } = [];
    public IReadOnlyList<string> Columns { get; init; } = [];
    public IReadOnlyList<TableRow> Rows { get; init; } = [];
    public string Note { get; init; } = "";
    public IReadOnlyList<FactSource> Sources { get; init; } = [];
    public IReadOnlyList<string> Suggestions { get; init; } = [];
    /// <summary>True when the list goes on beyond <see cref="Items"/> (or the events given).</summary>
    public bool HasMore { get; init; }
    /// <summary>
    /// The "Meer" button of a paged list (a theme's items, a list of events); the realiser offers it first when the list
    /// goes on or not all items fitted. Null: the answer does not page.
    /// </summary>
    public string? More { get; init; }
    public bool Answered { get; init; } = true;
    /// <summary>What the next turn may continue from.</summary>
    public required ConversationContext Context { get; init; }
}
