using System.Text.RegularExpressions;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>
/// Turns a theme's jaarplan passages into a few sentences and a few concrete activities: the theme's prose (lead-in
/// sentences that end in ':' are skipped) up to <see cref="MaxSummary"/> characters at a sentence end, and its first bullets.
/// Only the plan of the asked year counts: an older plan is stale and never stands in for a missing one.
/// </summary>
public static partial class PlanSummaries
{
    private const int MaxSummary = 420;
    private const int MaxHighlight = 220;

    public static bool HasPlan(KnowledgeModel model, int year) => model.Reports.Any(r => r.PlanYear == year);

    /// <returns>Null when the year's jaarplan says nothing about the theme.</returns>
    public static ThemePlan? For(KnowledgeModel model, Theme theme, int year, int highlights)
    {
        var passages = model.Passages
            .Where(p => p.ThemeId == theme.Id && p.Kind == PassageKind.Planned && p.Year == year)
            .OrderBy(p => p.Source.File, StringComparer.Ordinal)
            .ThenBy(p => p.Source.Line)
            .ToList();
        var prose = passages.Where(p => !p.IsBullet).Select(p => p.Text.Trim()).ToList();
        var bullets = passages.Where(p => p.IsBullet)
            .Select(p => DutchFormat.Truncate(Numbering().Replace(p.Text.Trim(), ""), MaxHighlight))
            .Take(highlights)
            .ToList();
        if (prose.Count == 0 && bullets.Count == 0)
        {
            return null;
        }

        return new ThemePlan(theme.Id, theme.Name, Sentences(prose, MaxSummary), bullets);
    }

    /// <summary>Whole sentences from the paragraphs, in order, as many as fit in <paramref name="max"/> characters (at least one).</summary>
    internal static string Sentences(IEnumerable<string> paragraphs, int max)
    {
        var text = "";
        foreach (var sentence in paragraphs.SelectMany(p => SentenceEnd().Split(p)).Select(s => s.Trim()).Where(s => s.Length > 0 && !s.EndsWith(':')))
        {
            var next = text.Length == 0 ? sentence : text + " " + sentence;
            if (next.Length > max)
            {
                return text.Length == 0 ? DutchFormat.Truncate(sentence, max) : text;
            }

            text = next;
        }

        return text;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9'""‘“(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex Numbering();
}
