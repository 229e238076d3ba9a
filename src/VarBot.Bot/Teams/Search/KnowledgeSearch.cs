using System.Globalization;
using System.Text;
using VarBot.Bot.Teams.Cards;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Bot.Teams.Search;

internal enum HitKind
{
    Event,
    Theme,
    News,
}

/// <summary>One search result: what it is and the record it points to.</summary>
internal sealed record SearchHit(HitKind Kind, string Id, double Score, DateOnly? Date);

/// <summary>
/// The search behind the message extension: events, current themes and news items whose words start with every word
/// typed (case and accents ignored). A match in the title counts three times. Upcoming events come first, then themes,
/// news (newest first) and past events; an empty query lists what is coming up and the latest news.
/// </summary>
internal static class KnowledgeSearch
{
    public static IReadOnlyList<SearchHit> Find(KnowledgeModel model, string query, DateOnly today)
    {
        var words = Words(query).Distinct().ToList();
        var hits = new List<SearchHit>();
        foreach (var meeting in model.Events)
        {
            var score = Score(words, meeting.Title, meeting.Topic, DutchFormat.EventTypeLabel(meeting.Type), Theme(model, meeting.ThemeId), meeting.Place, DutchFormat.When(meeting));
            if (score > 0 || (words.Count == 0 && EventCards.IsUpcoming(meeting, today)))
            {
                hits.Add(new SearchHit(HitKind.Event, meeting.Id, score, meeting.Date ?? new DateOnly(meeting.Year, meeting.Month ?? 1, 1)));
            }
        }

        if (words.Count > 0)
        {
            foreach (var theme in model.Themes.Where(t => t.IsCurrent))
            {
                var score = Score(words, theme.Name, string.Join(' ', theme.Aliases), string.Join(' ', theme.FormerNames));
                if (score > 0)
                {
                    hits.Add(new SearchHit(HitKind.Theme, theme.Id, score, null));
                }
            }
        }

        foreach (var item in model.News)
        {
            var score = Score(words, item.Title, item.Summary, string.Join(' ', item.Themes.Select(t => Theme(model, t))));
            if (score > 0 || words.Count == 0)
            {
                hits.Add(new SearchHit(HitKind.News, item.Id, score, item.Date));
            }
        }

        return [.. hits
            .OrderBy(h => Rank(h, today))
            .ThenByDescending(h => h.Score)
            .ThenBy(h => h.Kind == HitKind.Event && h.Date >= today ? h.Date!.Value.DayNumber : -(h.Date?.DayNumber ?? 0))];
    }

    /// <summary>Upcoming events, themes, news, past events.</summary>
    private static int Rank(SearchHit hit, DateOnly today) => hit.Kind switch
    {
        HitKind.Event when hit.Date >= new DateOnly(today.Year, today.Month, 1) => 0,
        HitKind.Theme => 1,
        HitKind.News => 2,
        _ => 3,
    };

    private static string? Theme(KnowledgeModel model, string? themeId) =>
        themeId is null ? null : model.Themes.FirstOrDefault(t => t.Id == themeId)?.Name;

    /// <summary>0 unless every query word starts a word of the fields; the title field counts three times.</summary>
    private static double Score(IReadOnlyList<string> query, string title, params string?[] fields)
    {
        if (query.Count == 0)
        {
            return 0;
        }

        var titleWords = Words(title).ToHashSet();
        var otherWords = fields.SelectMany(f => Words(f)).ToHashSet();
        double score = 0;
        foreach (var word in query)
        {
            var inTitle = titleWords.Any(w => w.StartsWith(word, StringComparison.Ordinal));
            var elsewhere = otherWords.Any(w => w.StartsWith(word, StringComparison.Ordinal));
            if (!inTitle && !elsewhere)
            {
                return 0;
            }

            score += inTitle ? 3 : 1;
        }

        return score;
    }

    /// <summary>Lower case, accents removed, split on anything that is not a letter or digit.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        foreach (var word in builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return word;
        }
    }
}
