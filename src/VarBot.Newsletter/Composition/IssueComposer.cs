using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>
/// Composes the issue for month M from the knowledge model: Agenda (M and the next two months, never a past or
/// cancelled event), Terugblik (the previous month), Nieuws (previous month and M), Thema in de kijker (rotating
/// through the current themes) and Cijfers (monitoring that appeared). Empty sections stay empty and are not rendered.
/// With a <see cref="TimeProvider"/>, an issue composed during its own month also leaves out the events of M that
/// already took place; without one (golden tests) the Agenda starts on the first of M.
/// </summary>
public sealed class IssueComposer(NewsletterLinks links, TimeProvider? time = null)
{
    private const int MaxPlans = 5;

    public NewsletterIssue Compose(KnowledgeModel model, IssueMonth month)
    {
        var themeNames = model.Themes.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var agenda = Agenda(model, month, themeNames);
        var terugblik = Terugblik(model, month, themeNames);
        var news = News(model, month, themeNames);
        var spotlight = Spotlight(model, month);
        var figures = Figures(model, month);
        var monthName = DutchFormat.MonthYear(month.Year, month.Month);

        var subject = agenda.FirstOrDefault() is { } first
            ? $"VAR-nieuwsbrief {monthName}: {first.Title} {When(first)}"
            : spotlight is not null
                ? $"VAR-nieuwsbrief {monthName}: thema {spotlight.Name}"
                : $"VAR-nieuwsbrief {monthName}";

        return new NewsletterIssue(
            Month: month.ToString(),
            MonthName: monthName,
            Subject: DutchFormat.Truncate(subject, 120),
            Preheader: Preheader(agenda, terugblik, news, spotlight),
            Intro: Intro(monthName, agenda, spotlight),
            WebUrl: links.IssueUrl(month),
            LogoUrl: links.LogoUrl,
            Agenda: agenda,
            Terugblik: terugblik,
            News: news,
            Spotlight: spotlight,
            Figures: figures,
            Themes: model.Themes.Where(t => t.IsCurrent).Select(t => new ThemeChoice(t.Id, t.Name)).ToList());
    }

    private List<AgendaEntry> Agenda(KnowledgeModel model, IssueMonth month, Dictionary<string, string> themes)
    {
        var end = month.AddMonths(3);
        DateOnly? today = time is not null && DateOnly.FromDateTime(time.GetLocalNow().DateTime) is var now && month.Contains(now) ? now : null;
        return model.Events
            .Where(e => e.Status == EventStatus.Planned)
            .Where(e => MonthOf(e) is { } m && m.CompareTo(month) >= 0 && m.CompareTo(end) < 0)
            .Where(e => today is null || e.Date is not { } date || date >= today)
            .OrderBy(SortKey)
            .Select(e => Entry(e, themes, withIcs: e.Date is not null))
            .ToList();
    }

    private List<AgendaEntry> Terugblik(KnowledgeModel model, IssueMonth month, Dictionary<string, string> themes) =>
        model.Events
            .Where(e => e.Status != EventStatus.Cancelled && MonthOf(e) == month.Previous)
            .OrderBy(SortKey)
            .Select(e => Entry(e, themes, withIcs: false))
            .ToList();

    private List<NewsEntry> News(KnowledgeModel model, IssueMonth month, Dictionary<string, string> themes) =>
        model.News
            .Where(n => month.Contains(n.Date) || month.Previous.Contains(n.Date))
            .OrderByDescending(n => n.Date)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new NewsEntry(
                n.Id,
                n.Title,
                DutchFormat.LongDate(n.Date),
                n.Summary,
                n.Link,
                n.Themes,
                n.Themes.Count == 0 ? null : string.Join(", ", n.Themes.Select(t => themes.GetValueOrDefault(t, t)))))
            .ToList();

    private static ThemeSpotlight? Spotlight(KnowledgeModel model, IssueMonth month)
    {
        var current = model.Themes.Where(t => t.IsCurrent).ToList();
        if (current.Count == 0)
        {
            return null;
        }

        var theme = current[(month.Year * 12 + month.Month - 1) % current.Count];
        var planned = model.Passages.Where(p => p.ThemeId == theme.Id && p.Kind == PassageKind.Planned).ToList();
        var years = planned.Select(p => p.Year).Where(y => y <= month.Year).ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var year = years.Max();
        // The theme's opening paragraph, then its bullet items (the concrete plans); further prose is context, not plans.
        var ofYear = planned.Where(p => p.Year == year).OrderBy(p => p.Source.Line).ToList();
        var plans = ofYear.Take(1).Concat(ofYear.Skip(1).Where(p => p.IsBullet))
            .Take(MaxPlans)
            .Select(p => DutchFormat.Truncate(p.Text, 400))
            .ToList();
        return new ThemeSpotlight(theme.Id, theme.Name, year, plans);
    }

    /// <summary>
    /// Monitoring publications that appeared in M-1 or M: by their month when the report gives one, else by a news item
    /// of M-1 or M (in the publication's year) whose title names the publication, e.g. "Gezamenlijk Veiligheidsbeeld 2025
    /// verschenen". The reports mostly give a season ("voorjaar"), which is not enough to place a publication in a month.
    /// </summary>
    private static List<FigureEntry> Figures(KnowledgeModel model, IssueMonth month)
    {
        bool InWindow(IssueMonth m) => m == month || m == month.Previous;
        var news = model.News.Where(n => InWindow(IssueMonth.Of(n.Date))).ToList();
        var figures = new List<FigureEntry>();
        foreach (var publication in model.Monitoring.OrderBy(m => m.Status == PublicationStatus.Published ? 0 : 1))
        {
            string text;
            if (publication.Month is { } mm && InWindow(new IssueMonth(publication.Year, mm)))
            {
                text = (publication.Status == PublicationStatus.Published ? "Verschenen in " : "Verwacht in ") + DutchFormat.MonthYear(publication.Year, mm);
            }
            else if (news.FirstOrDefault(n => n.Date.Year == publication.Year && n.Title.Contains(publication.Title, StringComparison.OrdinalIgnoreCase)) is { } item)
            {
                text = "Verschenen op " + DutchFormat.Date(item.Date);
            }
            else
            {
                continue;
            }

            if (figures.Any(f => string.Equals(f.Title, publication.Title, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            text += (publication.Covers is null ? "" : $", over {publication.Covers}") + (publication.Performer is null ? "." : $"; uitgevoerd door {publication.Performer}.");
            figures.Add(new FigureEntry(
                publication.Title,
                text,
                publication.Kind == MonitoringKind.Mensenhandelmonitor ? ThemeIdByName(model, "mensenhandel") : null));
        }

        return figures;
    }

    private static string? ThemeIdByName(KnowledgeModel model, string name) =>
        model.Themes.FirstOrDefault(t => t.IsCurrent && t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))?.Id;

    private AgendaEntry Entry(Event e, Dictionary<string, string> themes, bool withIcs) => new(
        e.Id,
        e.Title,
        e.Date is { } date ? DutchFormat.LongDate(date) : $"{DutchFormat.MonthYear(e.Year, e.Month ?? 1)} (datum volgt)",
        DutchFormat.EventTypeLabel(e.Type),
        e.ThemeId,
        e.ThemeId is null ? null : themes.GetValueOrDefault(e.ThemeId),
        e.Topic,
        e.Place,
        e.Time,
        withIcs ? links.IcsUrl(e.Id) : null);

    private static IssueMonth? MonthOf(Event e) =>
        e.Date is { } date ? IssueMonth.Of(date) : e.Month is { } m ? new IssueMonth(e.Year, m) : null;

    private static (int, int, int) SortKey(Event e) => (e.Year, e.Date?.Month ?? e.Month ?? 13, e.Date?.Day ?? 32);

    private static string When(AgendaEntry entry) =>
        entry.IcsUrl is not null ? "op " + entry.DateText.Split(' ', 2)[^1] : "in " + entry.DateText.Replace(" (datum volgt)", "", StringComparison.Ordinal);

    private static string Intro(string monthName, List<AgendaEntry> agenda, ThemeSpotlight? spotlight)
    {
        var intro = $"Welkom bij de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam van {monthName}.";
        if (agenda.Count > 0)
        {
            intro += agenda.Count == 1
                ? " In de agenda staat één bijeenkomst waarvoor wij u van harte uitnodigen."
                : $" In de agenda staan {agenda.Count} bijeenkomsten waarvoor wij u van harte uitnodigen.";
        }

        if (spotlight is not null)
        {
            intro += $" Het thema in de kijker is {spotlight.Name}.";
        }

        return intro;
    }

    private static string Preheader(List<AgendaEntry> agenda, List<AgendaEntry> terugblik, List<NewsEntry> news, ThemeSpotlight? spotlight)
    {
        var parts = new List<string>();
        if (agenda.Count > 0)
        {
            parts.Add($"Agenda: {agenda[0].Title} ({agenda[0].DateText})");
        }

        if (terugblik.Count > 0)
        {
            parts.Add("terugblik op " + terugblik[0].Title);
        }

        if (news.Count > 0)
        {
            parts.Add(news.Count == 1 ? "1 nieuwsbericht" : $"{news.Count} nieuwsberichten");
        }

        if (spotlight is not null)
        {
            parts.Add("thema in de kijker: " + spotlight.Name);
        }

        return parts.Count == 0
            ? "Het laatste nieuws van de VeiligheidsAlliantie regio Rotterdam."
            : DutchFormat.Truncate(string.Join("; ", parts) + ".", 140);
    }
}
