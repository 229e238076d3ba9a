using System.Text;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>The plain-text part of a digest: the same content and order as the HTML part.</summary>
public static class TextDigestWriter
{
    public static string Write(DigestView view)
    {
        var issue = view.Issue;
        var text = new StringBuilder(4096);
        Heading(text, $"Nieuwsbrief {issue.MonthName}", '=');
        text.Append("VeiligheidsAlliantie regio Rotterdam\n\n");
        if (view.IsTest)
        {
            text.Append("Proefzending: deze e-mail is een test en is niet naar abonnees verstuurd.\n\n");
        }

        text.Append(view.Greeting).Append("\n\n").Append(issue.Intro).Append("\n\n");

        if (issue.Agenda.Count > 0)
        {
            Heading(text, "Agenda", '-');
            Events(text, view, issue.Agenda);
        }

        if (issue.Terugblik.Count > 0)
        {
            Heading(text, "Terugblik", '-');
            Events(text, view, issue.Terugblik);
        }

        if (issue.News.Count > 0)
        {
            Heading(text, "Nieuws", '-');
            foreach (var item in view.InFull(issue.News, n => n.ThemeIds))
            {
                text.Append("* ").Append(item.Title).Append('\n');
                text.Append("  ").Append(item.DateText).Append(item.ThemeNames is null ? "" : " · " + item.ThemeNames).Append('\n');
                text.Append("  ").Append(item.Summary).Append('\n');
                if (item.Link is not null)
                {
                    text.Append("  Lees meer: ").Append(item.Link).Append('\n');
                }

                text.Append('\n');
            }

            Headlines(text, view.AsHeadlines(issue.News, n => n.ThemeIds).Select(n => (n.Title, n.DateText, n.ThemeNames)));
        }

        if (issue.Spotlight is { } spotlight)
        {
            Heading(text, "Thema in de kijker: " + spotlight.Name, '-');
            text.Append("Dit zijn de plannen voor ").Append(spotlight.PlanYear).Append(":\n");
            foreach (var plan in spotlight.Plans)
            {
                text.Append("* ").Append(plan).Append('\n');
            }

            text.Append('\n');
        }

        if (issue.Figures.Count > 0)
        {
            Heading(text, "Cijfers", '-');
            foreach (var figure in view.InFull(issue.Figures, f => f.ThemeIds))
            {
                text.Append("* ").Append(figure.Title).Append('\n').Append("  ").Append(figure.Text).Append("\n\n");
            }

            Headlines(text, view.AsHeadlines(issue.Figures, f => f.ThemeIds).Select(f => (f.Title, f.Text, (string?)null)));
        }

        text.Append("--\n");
        text.Append("U ontvangt deze nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam omdat u zich hebt aangemeld. Uw thema's: ")
            .Append(view.ChosenThemeNames).Append(".\n");
        text.Append("Thema's wijzigen: ").Append(view.PreferencesUrl).Append('\n');
        text.Append("Afmelden: ").Append(view.UnsubscribeUrl).Append('\n');
        text.Append("Bekijk in uw browser: ").Append(issue.WebUrl).Append('\n');
        return text.ToString();
    }

    private static void Events(StringBuilder text, DigestView view, IReadOnlyList<AgendaEntry> entries)
    {
        foreach (var entry in view.InFull(entries, e => e.ThemeIds))
        {
            text.Append("* ").Append(entry.Title).Append('\n');
            text.Append("  ").Append(entry.DateText).Append(entry.Time is null ? "" : ", " + entry.Time)
                .Append(entry.Place is null ? "" : " · " + entry.Place).Append('\n');
            if (entry.Detail is { } detail)
            {
                text.Append("  ").Append(detail).Append('\n');
            }
            if (entry.Topic is not null)
            {
                text.Append("  ").Append(entry.Topic).Append('\n');
            }

            if (entry.IcsUrl is not null && ReferenceEquals(entries, view.Issue.Agenda))
            {
                text.Append("  Zet in uw agenda: ").Append(entry.IcsUrl).Append('\n');
            }

            text.Append('\n');
        }

        Headlines(text, view.AsHeadlines(entries, e => e.ThemeIds).Select(e => (e.Title, e.DateText, e.ThemeName)));
    }

    private static void Headlines(StringBuilder text, IEnumerable<(string Title, string Detail, string? Theme)> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append("Ook in deze nieuwsbrief, bij andere thema's:\n");
        foreach (var (title, detail, theme) in list)
        {
            text.Append("- ").Append(title).Append(" (").Append(detail).Append(theme is null ? "" : ", " + theme).Append(")\n");
        }

        text.Append('\n');
    }

    private static void Heading(StringBuilder text, string title, char underline) =>
        text.Append(title).Append('\n').Append(underline, title.Length).Append("\n\n");
}
