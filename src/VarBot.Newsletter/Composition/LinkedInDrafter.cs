using System.Globalization;
using System.Text;
using VarBot.Knowledge.Dutch;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>A LinkedIn post draft: plain text, the point in the first line, three to five hashtags and a link.</summary>
public sealed record LinkedInPost(string FileName, string Text);

/// <summary>Drafts one post per upcoming event, one per news item and a monthly round-up.</summary>
public static class LinkedInDrafter
{
    public const int MaxLength = 3000;
    public const int MaxLead = 140;

    private static readonly Dictionary<string, string[]> ThemeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Digitale veiligheid"] = ["#DigitaleVeiligheid", "#Cybercrime"],
        ["Mensenhandel"] = ["#Mensenhandel", "#Uitbuiting"],
        ["Zorg en veiligheid"] = ["#ZorgEnVeiligheid", "#Zorg"],
        ["Jeugd en veiligheid"] = ["#JeugdEnVeiligheid", "#Jeugd"],
        ["Maatschappelijk ongenoegen"] = ["#MaatschappelijkOngenoegen", "#Polarisatie"],
    };

    public static IReadOnlyList<LinkedInPost> Draft(NewsletterIssue issue)
    {
        var posts = new List<LinkedInPost>();
        var n = 1;
        foreach (var entry in issue.Agenda)
        {
            var lead = entry.Title.Contains(entry.TypeText, StringComparison.OrdinalIgnoreCase)
                ? $"{entry.Title} op {entry.DateText}."
                : $"{entry.TypeText}: {entry.Title} op {entry.DateText}.";
            var body = new StringBuilder();
            if (entry.Topic is not null)
            {
                body.Append(entry.Topic).Append("\n\n");
            }

            body.Append("De VeiligheidsAlliantie regio Rotterdam nodigt professionals uit de regio van harte uit")
                .Append(entry.Place is null ? "." : $" in {entry.Place}.")
                .Append(entry.Time is null ? "" : $" Aanvang: {entry.Time}.");
            posts.Add(new LinkedInPost($"{n++:D2}-agenda-{Slug(entry.EventId)}.txt", Compose(lead, body.ToString(), entry.IcsUrl ?? issue.WebUrl, [entry.ThemeName])));
        }

        foreach (var item in issue.News)
        {
            var names = item.ThemeNames?.Split(", ") ?? [];
            posts.Add(new LinkedInPost($"{n++:D2}-nieuws-{Slug(item.Id)}.txt", Compose(item.Title, item.Summary, item.Link ?? issue.WebUrl, names)));
        }

        var roundup = new StringBuilder();
        foreach (var entry in issue.Agenda)
        {
            roundup.Append("📅 ").Append(entry.Title).Append(" – ").Append(entry.DateText).Append('\n');
        }

        foreach (var item in issue.News)
        {
            roundup.Append("📰 ").Append(item.Title).Append('\n');
        }

        if (issue.Spotlight is { } spotlight)
        {
            roundup.Append("🔎 Thema in de kijker: ").Append(spotlight.Name).Append('\n');
        }

        posts.Add(new LinkedInPost(
            $"{n:D2}-maandoverzicht.txt",
            Compose($"De nieuwsbrief van {issue.MonthName} van de VeiligheidsAlliantie regio Rotterdam is uit.", roundup.ToString().TrimEnd(), issue.WebUrl, [issue.Spotlight?.Name])));
        return posts;
    }

    /// <summary>Builds a post: the lead (at most 140 characters), body, link and hashtags, at most 3,000 characters in all.</summary>
    internal static string Compose(string lead, string body, string link, IEnumerable<string?> themeNames)
    {
        var tags = Hashtags(themeNames);
        var tail = $"\n\n{link}\n\n{string.Join(' ', tags)}";
        lead = DutchFormat.Truncate(lead, MaxLead);
        var room = MaxLength - lead.Length - tail.Length - 2;
        body = DutchFormat.Truncate(body, Math.Max(room, 0));
        return body.Length == 0 ? lead + tail : $"{lead}\n\n{body}{tail}";
    }

    internal static IReadOnlyList<string> Hashtags(IEnumerable<string?> themeNames)
    {
        var tags = new List<string>();
        foreach (var name in themeNames.OfType<string>())
        {
            tags.AddRange(ThemeTags.TryGetValue(name, out var known) ? known : ["#" + PascalCase(name)]);
        }

        tags.AddRange(["#VeiligheidsAlliantie", "#RegioRotterdam", "#Veiligheid"]);
        return tags.Distinct(StringComparer.OrdinalIgnoreCase).Take(5).ToList();
    }

    private static string PascalCase(string text)
    {
        var plain = new string(text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        return string.Concat(plain.Split([' ', '-', '/', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]).Where(w => w.All(char.IsLetterOrDigit)));
    }

    private static string Slug(string id) =>
        new(id.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
