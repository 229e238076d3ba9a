using System.Runtime.CompilerServices;
using VarBot.Answering;
using VarBot.Bot.Texts;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Teams.Citations;

/// <summary>
/// An answer's sources as Teams citations: the reply's text is the answer followed by "[1]", "[2]", … and a citation
/// entity names each report with its section and line. Teams turns the numbers into references; a client that does not
/// render citations shows the plain sentence with the numbers after it, and the card's "Bron:" line names the reports.
/// Answers without sources stay as the card alone.
/// </summary>
internal static class AnswerCitations
{
    // The citations of one list of sources: a cached engine answer hands every turn the same list, so its entity and
    // numbers are made once and shared (an entry lives as long as its list).
    private static readonly ConditionalWeakTable<IReadOnlyList<AnswerSource>, Cited> Made = new();

    public static void Apply(Activity reply, string text, IReadOnlyList<AnswerSource> sources)
    {
        if (!Made.TryGetValue(sources, out var cited))
        {
            cited = Cite(sources);
            Made.AddOrUpdate(sources, cited);
        }

        if (cited.Entity is null || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        reply.Text = text.TrimEnd() + cited.Numbers;
        reply.TextFormat = TextFormats.Plain;
        reply.Entities = [.. reply.Entities ?? [], cited.Entity];
    }

    private static Cited Cite(IReadOnlyList<AnswerSource> sources)
    {
        var citations = sources
            .DistinctBy(s => (s.ReportTitle, s.Section, s.Source?.File, s.Source?.Line))
            .Take(CitationEntities.MaxCitations)
            .Select((s, i) => new ClientCitation(i + 1, s.ReportTitle, BotTexts.CitationAbstract(s.Section, s.Source?.Line), Keywords: [s.Section]))
            .ToList();
        return citations.Count == 0
            ? new Cited("", null)
            : new Cited(" " + string.Join(" ", citations.Select(c => $"[{c.Position}]")), CitationEntities.Create(citations));
    }

    /// <summary>What the text gets after the answer (" [1] [2]") and the citation entity (read-only once made).</summary>
    private sealed record Cited(string Numbers, Entity? Entity);
}
