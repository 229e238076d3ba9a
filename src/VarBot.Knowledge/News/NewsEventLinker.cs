using System.Globalization;
using System.Text.RegularExpressions;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.News;

/// <summary>
/// Resolves the <c>event:</c> field of news items to an event id. Staff may write the id ("2026-03-23-leerhuis") or
/// the free-text form "Leerhuis, 23 maart 2026": the date picks the events of that day and the title words choose
/// between several. A reference that names no single event becomes null, with a warning naming the file and line,
/// so the model never carries a dangling event link.
/// </summary>
public static partial class NewsEventLinker
{
    public static IReadOnlyList<NewsItem> Link(IReadOnlyList<NewsItem> news, IReadOnlyList<Event> events, ICollection<ValidationIssue> issues)
    {
        var byId = events.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        var linked = new List<NewsItem>(news.Count);
        foreach (var item in news)
        {
            if (item.EventId is not { Length: > 0 } reference)
            {
                linked.Add(item);
                continue;
            }

            var resolved = byId.TryGetValue(reference.Trim(), out var exact) ? exact.Id : Resolve(reference, events);
            if (resolved is null)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, "nieuws-evenement-onbekend",
                    $"Nieuwsbericht '{item.Title}' noemt evenement '{reference}', maar dat is niet één bekend evenement. "
                    + "Schrijf het evenement-id (zie 'varbot show events') of 'Titel, d maand jjjj'; de nieuwsbrief koppelt het bericht nu niet aan een evenement.",
                    item.Source));
            }

            linked.Add(item with { EventId = resolved });
        }

        return linked;
    }

    /// <summary>The id of the one event "Title, 23 maart 2026" names, or null.</summary>
    public static string? Resolve(string reference, IReadOnlyList<Event> events)
    {
        var match = DatePattern().Match(reference);
        if (!match.Success || !TryDate(match, out var date))
        {
            return null;
        }

        var onDate = events.Where(e => e.Date == date).ToList();
        if (onDate.Count <= 1)
        {
            return onDate.SingleOrDefault()?.Id;
        }

        var words = Words(reference[..match.Index]);
        var best = onDate
            .Select(e => (Event: e, Score: Words(e.Title + " " + DutchFormat.EventTypeLabel(e.Type)).Count(words.Contains)))
            .OrderByDescending(x => x.Score)
            .ToList();
        return best[0].Score > 0 && best[0].Score > best[1].Score ? best[0].Event.Id : null;
    }

    private static bool TryDate(Match match, out DateOnly date)
    {
        date = default;
        var month = DutchFormat.Months.ToList().IndexOf(match.Groups["month"].Value.ToLowerInvariant()) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<day>\d{1,2})\s+(?<month>[A-Za-z]+)\s+(?<year>\d{4})")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
