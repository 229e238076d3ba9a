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
    public static void Apply(Activity reply, string text, IReadOnlyList<AnswerSource> sources)
    {
        var citations = sources
            .DistinctBy(s => (s.ReportTitle, s.Section, s.Source?.File, s.Source?.Line))
            .Take(CitationEntities.MaxCitations)
            .Select((s, i) => new ClientCitation(i + 1, s.ReportTitle, BotTexts.CitationAbstract(s.Section, s.Source?.Line), Keywords: [s.Section]))
            .ToList();
        if (citations.Count == 0 || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        reply.Text = text.TrimEnd() + " " + string.Join(" ", citations.Select(c => $"[{c.Position}]"));
        reply.TextFormat = TextFormats.Plain;
        reply.Entities = [.. reply.Entities ?? [], CitationEntities.Create(citations)];
    }
}
