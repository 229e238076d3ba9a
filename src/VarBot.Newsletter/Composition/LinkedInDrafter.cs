using System.Globalization;
using System.Text;
using VarBot.Knowledge.Dutch;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>A LinkedIn post draft: plain text, the point in the first line, three to five hashtags and a link.</summary>
public sealed record LinkedInPost(string FileName, string Text);

/// <summary>
/// Drafts one post per upcoming event, one per news item and a monthly round-up. Links go to a page a reader can open
/// (the news item about the event, else the event in the issue's web version), never to a raw .ics download.
/// </summary>
public static class LinkedInDrafter
{
    public const int MaxLength = 3000;
    public const int MaxLead = 140;

    /// <summary>Hashtags per theme id: a renamed theme keeps its tags.</summary>
    private static readonly Dictionary<string, string[]> ThemeTags = new(StringComparer.Ordinal)
    {
        ["digitale-veiligheid"] = ["#DigitaleVeiligheid", "#Cybercrime"],
        ["mensenhandel"] = ["#Mensenhandel", "#Uitbuiting"],
        ["zorg-en-veiligheid"] = ["#ZorgEnVeiligheid", "#Zorg"],
        ["jeugd-en-veiligheid"] = ["#JeugdEnVeiligheid", "#Jeugd"],
        ["maatschappelijk-ongenoegen"] = ["#MaatschappelijkOngenoegen", "#Polarisatie"],
    };

    private static readonly string[] OrganisationTags = ["#VeiligheidsAlliantie", "#RegioRotterdam", "#Veiligheid"];

    public static IReadOnlyList<LinkedInPost> Draft(NewsletterIssue issue)
    {
        var names = issue.Themes.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var posts = new List<LinkedInPost>();
        var n = 1;
        foreach (var entry in issue.Agenda)
        {
            var lead = entry.Title.Contains(entry.TypeText, StringComparison.OrdinalIgnoreCase)
                ? string.Format(NewsletterTexts.PostEventLead, entry.Title, entry.DateText)
                : string.Format(NewsletterTexts.PostEventLeadWithType, entry.TypeText, entry.Title, entry.DateText);
            var body = new StringBuilder();
            if (entry.Topic is not null)
            {
                body.Append(entry.Topic).Append("\n\n");
            }

            body.Append(NewsletterTexts.PostInvitation)
                .Append(entry.Place is null ? "." : string.Format(NewsletterTexts.PostInvitationPlace, entry.Place))
                .Append(entry.Time is null ? "" : string.Format(NewsletterTexts.PostStart, entry.Time));
            posts.Add(new LinkedInPost($"{n++:D2}-agenda-{Slug(entry.EventId)}.txt", Compose(lead, body.ToString(), EventPage(issue, entry), entry.ThemeIds, names)));
        }

        foreach (var item in issue.News)
        {
            posts.Add(new LinkedInPost($"{n++:D2}-nieuws-{Slug(item.Id)}.txt", Compose(item.Title, item.Summary, item.Link ?? issue.WebUrl, item.ThemeIds, names)));
        }

        var roundup = new StringBuilder();
        foreach (var entry in issue.Agenda)
        {
            roundup.Append("📅 ").Append(entry.Title).Append(" – ").Append(entry.DateText).Append('\n');
        }

        foreach (var entry in issue.Terugblik)
        {
            roundup.Append("🔁 ").Append(string.Format(NewsletterTexts.PostRoundupRecap, entry.Title)).Append('\n');
        }

        foreach (var item in issue.News)
        {
            roundup.Append("📰 ").Append(item.Title).Append('\n');
        }

        if (issue.Plans is { } plans)
        {
            roundup.Append("🗓️ ").Append(string.Format(NewsletterTexts.PostRoundupPlans, plans.Year)).Append('\n');
        }

        if (issue.Spotlight is { } spotlight)
        {
            roundup.Append("🔎 ").Append(string.Format(NewsletterTexts.PostRoundupSpotlight, spotlight.Name)).Append('\n');
        }

        posts.Add(new LinkedInPost(
            $"{n:D2}-maandoverzicht.txt",
            Compose(string.Format(NewsletterTexts.PostRoundupLead, issue.MonthName), roundup.ToString().TrimEnd(), issue.WebUrl,
                issue.Spotlight is { } s ? [s.ThemeId] : [], names)));
        return posts;
    }

    /// <summary>The page about an event: its own (a news item's) page, else the event in the issue's web version.</summary>
    private static string EventPage(NewsletterIssue issue, AgendaEntry entry) =>
        entry.Summary is not null && entry.InfoUrl != issue.Sender.WebsiteUrl ? entry.InfoUrl : $"{issue.WebUrl}#{Uri.EscapeDataString(entry.EventId)}";

    /// <summary>Builds a post: the lead (at most 140 characters), body, link and hashtags, at most 3,000 characters in all.</summary>
    internal static string Compose(string lead, string body, string link, IEnumerable<string> themeIds, IReadOnlyDictionary<string, string> themeNames)
    {
        var tags = Hashtags(themeIds, themeNames);
        var tail = $"\n\n{link}\n\n{string.Join(' ', tags)}";
        lead = DutchFormat.Truncate(lead, MaxLead);
        var room = MaxLength - lead.Length - tail.Length - 2;
        body = DutchFormat.Truncate(body, Math.Max(room, 0));
        return body.Length == 0 ? lead + tail : $"{lead}\n\n{body}{tail}";
    }

    /// <summary>The tags of each theme (by id; an unknown id gets one tag made from its name), then the organisation's, at most five.</summary>
    internal static IReadOnlyList<string> Hashtags(IEnumerable<string> themeIds, IReadOnlyDictionary<string, string> themeNames)
    {
        var tags = new List<string>();
        foreach (var id in themeIds)
        {
            tags.AddRange(ThemeTags.TryGetValue(id, out var known) ? known : ["#" + PascalCase(themeNames.GetValueOrDefault(id, id))]);
        }

        tags.AddRange(OrganisationTags);
        return tags.Where(t => t.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).Take(5).ToList();
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
