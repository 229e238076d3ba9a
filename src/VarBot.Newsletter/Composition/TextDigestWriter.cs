using System.Text;
using VarBot.Templates;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>The plain-text part of a digest: the same content and order as the HTML part.</summary>
public static class TextDigestWriter
{
    public static string Write(DigestView view)
    {
        var issue = view.Issue;
        var text = new StringBuilder(4096);
        if (!view.IsWeb)
        {
            text.Append(MailTexts.ViewInBrowser).Append(": ").Append(issue.WebUrl).Append("\n\n");
        }

        Heading(text, string.Format(MailTexts.Title, issue.MonthName), '=');
        text.Append(MailTexts.Organisation).Append("\n\n");
        if (view.IsTest)
        {
            text.Append(MailTexts.ProofBanner).Append("\n\n");
        }

        text.Append(view.Greeting).Append("\n\n").Append(issue.Intro).Append("\n\n");

        if (issue.Agenda.Count > 0)
        {
            Heading(text, MailTexts.Agenda, '-');
            foreach (var entry in view.InFull(issue.Agenda, e => e.ThemeIds))
            {
                text.Append("* ").Append(entry.Title).Append('\n');
                text.Append("  ").Append(entry.WhenWhere).Append('\n');
                Line(text, entry.Detail);
                Line(text, entry.Topic);
                Line(text, entry.Summary);
                text.Append("  ").Append(MailTexts.Register).Append(": ").Append(entry.InfoUrl).Append('\n');
                if (entry.IcsUrl is not null)
                {
                    text.Append("  ").Append(MailTexts.AddToCalendar).Append(": ").Append(entry.IcsUrl).Append('\n');
                }

                text.Append('\n');
            }

            Headlines(text, view.AsHeadlines(issue.Agenda, e => e.ThemeIds).Select(e => (e.Title, e.DateText, e.ThemeName)));
        }

        if (issue.Terugblik.Count > 0)
        {
            Heading(text, MailTexts.Terugblik, '-');
            foreach (var entry in view.InFull(issue.Terugblik, e => e.ThemeIds))
            {
                text.Append("* ").Append(entry.Title).Append('\n');
                text.Append("  ").Append(entry.DateText).Append(entry.Detail is null ? "" : " · " + entry.Detail).Append('\n');
                Line(text, entry.Recap);
                if (entry.Link is not null)
                {
                    text.Append("  ").Append(MailTexts.ReadMore).Append(": ").Append(entry.Link).Append('\n');
                }

                text.Append('\n');
            }

            Headlines(text, view.AsHeadlines(issue.Terugblik, e => e.ThemeIds).Select(e => (e.Title, e.DateText, e.ThemeName)));
        }

        if (issue.News.Count > 0)
        {
            Heading(text, MailTexts.News, '-');
            foreach (var item in view.InFull(issue.News, n => n.ThemeIds))
            {
                text.Append("* ").Append(item.Title).Append('\n');
                text.Append("  ").Append(item.DateText).Append(item.ThemeNames is null ? "" : " · " + item.ThemeNames).Append('\n');
                Line(text, item.Summary);
                if (item.Link is not null)
                {
                    text.Append("  ").Append(MailTexts.ReadMore).Append(": ").Append(item.Link).Append('\n');
                }

                text.Append('\n');
            }

            Headlines(text, view.AsHeadlines(issue.News, n => n.ThemeIds).Select(n => (n.Title, n.DateText, n.ThemeNames)));
        }

        if (issue.Plans is { } plans)
        {
            Heading(text, string.Format(MailTexts.PlansHeading, plans.Year), '-');
            text.Append(string.Format(MailTexts.PlansIntro, plans.Year)).Append("\n\n");
            foreach (var theme in view.InFull(plans.Themes, t => t.ThemeIds))
            {
                text.Append(theme.Name).Append('\n').Append(theme.Summary).Append('\n');
                foreach (var highlight in theme.Highlights)
                {
                    text.Append("* ").Append(highlight).Append('\n');
                }

                text.Append('\n');
            }

            Headlines(text, view.AsHeadlines(plans.Themes, t => t.ThemeIds).Select(t => (t.Name, string.Format(MailTexts.PlansHeading, plans.Year), (string?)null)));
        }

        if (issue.Spotlight is { } spotlight)
        {
            Heading(text, string.Format(MailTexts.SpotlightHeading, spotlight.Name), '-');
            text.Append(spotlight.Summary).Append("\n\n");
            if (spotlight.Plans.Count > 0)
            {
                text.Append(string.Format(MailTexts.SpotlightIntro, spotlight.PlanYear)).Append('\n');
                foreach (var plan in spotlight.Plans)
                {
                    text.Append("* ").Append(plan).Append('\n');
                }

                text.Append('\n');
            }
        }

        if (issue.Figures.Count > 0)
        {
            Heading(text, MailTexts.Figures, '-');
            foreach (var figure in view.InFull(issue.Figures, f => f.ThemeIds))
            {
                text.Append("* ").Append(figure.Title).Append('\n').Append("  ").Append(figure.Text).Append("\n\n");
            }

            Headlines(text, view.AsHeadlines(issue.Figures, f => f.ThemeIds).Select(f => (f.Title, f.Text, (string?)null)));
        }

        Footer(text, view);
        return text.ToString();
    }

    private static void Footer(StringBuilder text, DigestView view)
    {
        var sender = view.Issue.Sender;
        text.Append("--\n").Append(sender.Name).Append('\n');
        if (sender.PostalAddress is not null)
        {
            text.Append(sender.PostalAddress).Append('\n');
        }

        if (sender.ContactAddress is not null)
        {
            text.Append(MailTexts.Contact).Append(": ").Append(sender.ContactAddress).Append('\n');
        }

        text.Append(MailTexts.Website).Append(": ").Append(sender.WebsiteUrl).Append('\n');
        if (sender.PrivacyUrl is not null)
        {
            text.Append(MailTexts.Privacy).Append(": ").Append(sender.PrivacyUrl).Append('\n');
        }

        text.Append('\n');
        if (view.IsWeb)
        {
            text.Append(MailTexts.WhyWebVersion).Append('\n').Append(MailTexts.SubscribeFromWeb).Append(": ").Append(view.PreferencesUrl).Append('\n');
            return;
        }

        text.Append(string.Format(MailTexts.WhyYouGetThis, view.ChosenThemeNames)).Append('\n');
        text.Append(MailTexts.ChangeThemes).Append(": ").Append(view.PreferencesUrl).Append('\n');
        text.Append(MailTexts.Unsubscribe).Append(": ").Append(view.UnsubscribeUrl).Append('\n');
    }

    private static void Line(StringBuilder text, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append("  ").Append(value).Append('\n');
        }
    }

    private static void Headlines(StringBuilder text, IEnumerable<(string Title, string Detail, string? Theme)> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(MailTexts.OtherThemes).Append('\n');
        foreach (var (title, detail, theme) in list)
        {
            text.Append("- ").Append(title).Append(" (").Append(detail).Append(theme is null ? "" : ", " + theme).Append(")\n");
        }

        text.Append('\n');
    }

    private static void Heading(StringBuilder text, string title, char underline) =>
        text.Append(title).Append('\n').Append(underline, title.Length).Append("\n\n");
}
