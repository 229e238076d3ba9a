using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Issues;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>
/// The editorial rules by date. Issue M goes out on its send date (<see cref="IssueSchedule"/>); relative to it:
/// <list type="bullet">
/// <item>Agenda: events after the send date, up to <see cref="EditorialOptions.AgendaMonths"/> ahead; only these get a
/// call to register and "Zet in mijn agenda".</item>
/// <item>Terugblik: events held since the previous send date that have recap text (a news item about the event written
/// on or after it, else the report's own account); an event without one is left out and named in a warning.</item>
/// <item>Nieuws: items dated since the previous send date, so each item is in exactly one issue by default. An item
/// about an agenda event joins that event; a recap joins Terugblik; an announcement of an event that has passed by the
/// send date is left out.</item>
/// <item>January, and a month without events, carries the year's jaarplan per theme; other months put one current theme
/// in the spotlight, in rotation. Only the issue year's plan counts: no jaarplan, no plans (and a warning).</item>
/// <item>A section with nothing in it is left out.</item>
/// </list>
/// <see cref="DefaultDraft"/> applies the rules; <see cref="Build"/> turns any draft (as staff edited it) into the issue.
/// </summary>
public sealed class IssueComposer(NewsletterLinks links, EditorialOptions? options = null)
{
    private const int SpotlightPlans = 5;
    private const int OverviewHighlights = 3;
    private const int MaxRecap = 420;

    private readonly EditorialOptions _options = options ?? new EditorialOptions();

    public IssueSchedule Schedule { get; } = new((options ?? new EditorialOptions()).SendDayOfMonth);

    /// <summary>The issue the rules compose, without staff edits.</summary>
    public NewsletterIssue Compose(KnowledgeModel model, IssueMonth month) => Build(model, DefaultDraft(model, month));

    /// <summary>What the rules choose for month M: the default draft.</summary>
    public IssueDraft DefaultDraft(KnowledgeModel model, IssueMonth month)
    {
        var candidates = Candidates(model, month);
        var agenda = candidates.Agenda.Where(c => c.Default).Select(c => c.Id).ToList();
        var terugblik = candidates.Terugblik.Where(c => c.Default).Select(c => c.Id).ToList();
        var news = candidates.News.Where(c => c.Default).Select(c => c.Id).ToList();
        var figures = candidates.Figures.Where(c => c.Default).Select(c => c.Id).ToList();
        var plans = (month.Month == 1 || (agenda.Count == 0 && terugblik.Count == 0)) && PlanSummaries.HasPlan(model, month.Year);
        var spotlight = plans || month.Month == 1 ? null : SpotlightTheme(model, month);
        var draft = new IssueDraft(month.ToString(), "", "", "", agenda, terugblik, news, figures, plans, spotlight);
        var built = Build(model, draft);
        return draft with { Subject = Subject(built), Preheader = Preheader(built), Intro = Intro(built) };
    }

    /// <summary>Everything staff can pick from for month M, with what the rules pick by default.</summary>
    public IssueCandidates Candidates(KnowledgeModel model, IssueMonth month)
    {
        var send = Schedule.SendDate(month);
        var previous = Schedule.PreviousSendDate(month);
        var horizon = send.AddMonths(_options.AgendaMonths);
        var events = model.Events.Where(e => e.Status != EventStatus.Cancelled).OrderBy(SortKey).ToList();

        var agenda = events
            .Where(e => IsAfter(e, send) && Start(e) < horizon)
            .Select(e => new Candidate(e.Id, e.Title + ", " + DutchFormat.When(e), true))
            .ToList();
        var agendaIds = agenda.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        var recapped = new List<Candidate>();
        var withoutRecap = new List<Event>();
        // An event the reports place in a year only cannot be placed in any issue's window.
        foreach (var e in events.Where(e => !IsAfter(e, send) && (e.Date is not null || e.Month is not null)))
        {
            var recapNews = RecapNews(model, e);
            var heldInWindow = End(e) > previous && End(e) <= send;
            var recapInWindow = recapNews is not null && Schedule.InWindow(month, recapNews.Date);
            if (!heldInWindow && !recapInWindow)
            {
                continue;
            }

            if (Recap(model, e) is null)
            {
                withoutRecap.Add(e);
                continue;
            }

            recapped.Add(new Candidate(e.Id, e.Title + ", " + DutchFormat.When(e), true));
        }

        var recappedIds = recapped.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var eventsById = model.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var news = model.News
            .Where(n => Schedule.InWindow(month, n.Date))
            .OrderByDescending(n => n.Date)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new Candidate(n.Id, n.Title + ", " + DutchFormat.Date(n.Date), IsOwnNewsItem(n, eventsById, agendaIds, recappedIds, send)))
            .ToList();

        var figures = Figures(model, month)
            .Select(f => new Candidate(f.Publication.Id, f.Publication.Title, true))
            .ToList();

        return new IssueCandidates(month, send, previous, agenda, recapped, news, figures, withoutRecap.Select(e => e.Id).ToList());
    }

    /// <summary>The issue a draft describes. Ids the model no longer knows are left out (see <see cref="Check"/>).</summary>
    public NewsletterIssue Build(KnowledgeModel model, IssueDraft draft)
    {
        var month = IssueMonth.Parse(draft.Month);
        var send = Schedule.SendDate(month);
        var themeNames = model.Themes.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var events = model.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var news = model.News.ToDictionary(n => n.Id, StringComparer.Ordinal);

        var agenda = draft.Agenda.Select(id => events.GetValueOrDefault(id)).OfType<Event>()
            .Select(e => AgendaEntry(model, e, themeNames, send))
            .ToList();
        var terugblik = draft.Terugblik.Select(id => events.GetValueOrDefault(id)).OfType<Event>()
            .Select(e => (Event: e, Recap: Recap(model, e)))
            .Where(x => x.Recap is not null)
            .Select(x => new RecapEntry(x.Event.Id, x.Event.Title, DateText(x.Event), DutchFormat.EventTypeLabel(x.Event.Type), x.Event.ThemeId,
                x.Event.ThemeId is null ? null : themeNames.GetValueOrDefault(x.Event.ThemeId), x.Recap!.Value.Text, x.Recap.Value.Link, x.Recap.Value.NewsId))
            .ToList();
        var newsEntries = draft.News.Select(id => news.GetValueOrDefault(id)).OfType<NewsItem>()
            .Select(n => new NewsEntry(n.Id, n.Title, DutchFormat.LongDate(n.Date), n.Summary, n.Link, n.Themes,
                n.Themes.Count == 0 ? null : string.Join(", ", n.Themes.Select(t => themeNames.GetValueOrDefault(t, t)))))
            .ToList();
        var figures = Figures(model, month).ToDictionary(f => f.Publication.Id, f => f.Entry, StringComparer.Ordinal);

        return new NewsletterIssue(
            Month: month.ToString(),
            MonthName: DutchFormat.MonthYear(month.Year, month.Month),
            Subject: draft.Subject.Trim(),
            Preheader: draft.Preheader.Trim(),
            Intro: draft.Intro.Trim(),
            WebUrl: links.IssueUrl(month),
            Agenda: agenda,
            Terugblik: terugblik,
            News: newsEntries,
            Plans: draft.Plans ? Overview(model, month.Year) : null,
            Spotlight: draft.SpotlightThemeId is { } themeId ? Spotlight(model, themeId, month.Year) : null,
            Figures: draft.Figures.Select(id => figures.GetValueOrDefault(id)).OfType<FigureEntry>().ToList(),
            Themes: model.Themes.Where(t => t.IsCurrent).Select(t => new ThemeChoice(t.Id, t.Name)).ToList(),
            Sender: new SenderFooter(_options.SenderName, Blank(_options.PostalAddress), Blank(_options.ContactAddress), Blank(_options.PrivacyUrl), _options.WebsiteUrl));
    }

    /// <summary>The warnings that follow from the draft and the model alone (no clock, no storage).</summary>
    public IReadOnlyList<IssueWarning> Check(KnowledgeModel model, IssueDraft draft, NewsletterIssue issue)
    {
        var month = IssueMonth.Parse(draft.Month);
        var send = Schedule.SendDate(month);
        var warnings = new List<IssueWarning>();
        var events = model.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var newsIds = model.News.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        if (string.IsNullOrWhiteSpace(draft.Subject))
        {
            warnings.Add(new IssueWarning(IssueWarning.SubjectEmpty, NewsletterTexts.WarnSubjectEmpty));
        }

        foreach (var id in draft.Agenda.Concat(draft.Terugblik).Where(id => !events.ContainsKey(id)).Concat(draft.News.Where(id => !newsIds.Contains(id))))
        {
            warnings.Add(new IssueWarning(IssueWarning.UnknownItem, string.Format(NewsletterTexts.WarnUnknownItem, id)));
        }

        foreach (var e in draft.Agenda.Select(id => events.GetValueOrDefault(id)).OfType<Event>().Where(e => !IsAfter(e, send)))
        {
            warnings.Add(new IssueWarning(IssueWarning.PastEvent, string.Format(NewsletterTexts.WarnPastEvent, e.Title, DutchFormat.When(e)), e.Id));
        }

        var candidates = Candidates(model, month);
        foreach (var e in candidates.HeldWithoutRecap.Concat(draft.Terugblik.Where(id => events.ContainsKey(id) && Recap(model, events[id]) is null))
                     .Distinct(StringComparer.Ordinal).Select(id => events[id]))
        {
            warnings.Add(new IssueWarning(IssueWarning.HeldWithoutRecap, string.Format(NewsletterTexts.WarnHeldWithoutRecap, e.Title, DutchFormat.When(e), e.Id), e.Id));
        }

        var wantsPlans = draft.Plans || draft.SpotlightThemeId is not null || month.Month == 1;
        if (wantsPlans && !PlanSummaries.HasPlan(model, month.Year))
        {
            warnings.Add(new IssueWarning(IssueWarning.NoPlan, string.Format(NewsletterTexts.WarnNoPlan, month.Year, month.Year - 1)));
        }

        if (issue.IsEmpty)
        {
            warnings.Add(new IssueWarning(IssueWarning.Empty, NewsletterTexts.WarnEmpty));
        }

        var missing = new[]
        {
            issue.Sender.PostalAddress is null ? NewsletterTexts.SenderPostalAddress : null,
            issue.Sender.ContactAddress is null ? NewsletterTexts.SenderContact : null,
            issue.Sender.PrivacyUrl is null ? NewsletterTexts.SenderPrivacy : null,
        }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            warnings.Add(new IssueWarning(IssueWarning.SenderIncomplete, string.Format(NewsletterTexts.WarnSenderIncomplete, string.Join(", ", missing))));
        }

        // The import's own findings about the news items in this issue (e.g. an event reference it could not read).
        var files = model.News.Where(n => draft.News.Contains(n.Id)).Select(n => n.Source.File).ToHashSet(StringComparer.Ordinal);
        warnings.AddRange(model.Warnings.Where(w => w.Source is { } s && files.Contains(s.File))
            .Select(w => new IssueWarning(IssueWarning.Model, $"{w.Message} ({w.Source!.File}:{w.Source.Line})")));
        return warnings;
    }

    private string? SpotlightTheme(KnowledgeModel model, IssueMonth month)
    {
        var current = model.Themes.Where(t => t.IsCurrent).ToList();
        return current.Count == 0 ? null : current[(month.Year * 12 + month.Month - 1) % current.Count].Id;
    }

    private static PlansOverview? Overview(KnowledgeModel model, int year)
    {
        if (!PlanSummaries.HasPlan(model, year))
        {
            return null;
        }

        var themes = model.Themes.Where(t => t.IsCurrent)
            .Select(t => PlanSummaries.For(model, t, year, OverviewHighlights))
            .OfType<ThemePlan>()
            .ToList();
        return themes.Count == 0 ? null : new PlansOverview(year, themes);
    }

    private static ThemeSpotlight? Spotlight(KnowledgeModel model, string themeId, int year)
    {
        var theme = model.Themes.FirstOrDefault(t => t.Id == themeId);
        return theme is null || PlanSummaries.For(model, theme, year, SpotlightPlans) is not { } plan
            ? null
            : new ThemeSpotlight(theme.Id, theme.Name, year, plan.Summary, plan.Highlights);
    }

    private AgendaEntry AgendaEntry(KnowledgeModel model, Event e, Dictionary<string, string> themes, DateOnly send)
    {
        // The newest item about the event written before it: its page is where to read more and register.
        var announcement = model.News.Where(n => n.EventId == e.Id && n.Date <= Start(e)).MaxBy(n => n.Date);
        return new AgendaEntry(
            e.Id,
            e.Title,
            DateText(e),
            DutchFormat.EventTypeLabel(e.Type),
            e.ThemeId,
            e.ThemeId is null ? null : themes.GetValueOrDefault(e.ThemeId),
            e.Topic,
            e.Place,
            e.Time,
            e.Date is { } date && date > send ? links.IcsUrl(e.Id) : null,
            announcement?.Link ?? _options.WebsiteUrl,
            announcement?.Summary,
            announcement?.Id);
    }

    /// <summary>Recap text for a held event: a news item about it written on or after it, else the report's own account.</summary>
    private static (string Text, string? Link, string? NewsId)? Recap(KnowledgeModel model, Event e)
    {
        if (RecapNews(model, e) is { } item)
        {
            return (item.Summary.Length > 0 ? item.Summary : item.Title, item.Link, item.Id);
        }

        var sources = e.Sources.ToHashSet();
        var report = model.Passages
            .Where(p => p.Kind == PassageKind.Done && sources.Contains(p.Source) && p.Text.Length > 60)
            .Select(p => p.Text.Trim())
            .ToList();
        return report.Count == 0 ? null : (PlanSummaries.Sentences(report, MaxRecap), null, null);
    }

    private static NewsItem? RecapNews(KnowledgeModel model, Event e) =>
        model.News.Where(n => n.EventId == e.Id && n.Date >= Start(e)).MinBy(n => n.Date);

    /// <summary>
    /// A news item of the window stands on its own unless it belongs to an event the issue already shows (agenda or
    /// Terugblik) or announces an event that is over by the send date.
    /// </summary>
    private static bool IsOwnNewsItem(NewsItem n, Dictionary<string, Event> events, HashSet<string> agenda, HashSet<string> recapped, DateOnly send)
    {
        if (n.EventId is not { } id || !events.TryGetValue(id, out var e))
        {
            return true;
        }

        var announcesPastEvent = n.Date < Start(e) && !IsAfter(e, send);
        return !agenda.Contains(id) && !recapped.Contains(id) && !announcesPastEvent;
    }

    /// <summary>The theme a kind of monitoring belongs to, so digests put it with that theme.</summary>
    private static readonly Dictionary<MonitoringKind, string> MonitoringThemes = new() { [MonitoringKind.Mensenhandelmonitor] = "mensenhandel" };

    /// <summary>
    /// Monitoring publications that appeared in the issue's window: by their month when the report gives one (published:
    /// the month's last day; expected: its first), else by a news item of the window whose title names the publication,
    /// e.g. "Gezamenlijk Veiligheidsbeeld 2025 verschenen". A season ("voorjaar") is not enough to place one.
    /// </summary>
    private List<(MonitoringPublication Publication, FigureEntry Entry)> Figures(KnowledgeModel model, IssueMonth month)
    {
        var news = model.News.Where(n => Schedule.InWindow(month, n.Date)).ToList();
        var current = model.Themes.Where(t => t.IsCurrent).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var figures = new List<(MonitoringPublication, FigureEntry)>();
        foreach (var publication in model.Monitoring.OrderBy(m => m.Status == PublicationStatus.Published ? 0 : 1))
        {
            var published = publication.Status == PublicationStatus.Published;
            string text;
            if (publication.Month is { } mm
                && Schedule.InWindow(month, published ? new DateOnly(publication.Year, mm, DateTime.DaysInMonth(publication.Year, mm)) : new DateOnly(publication.Year, mm, 1)))
            {
                text = string.Format(published ? NewsletterTexts.FigurePublishedIn : NewsletterTexts.FigureExpectedIn, DutchFormat.MonthYear(publication.Year, mm));
            }
            else if (news.FirstOrDefault(n => n.Date.Year == publication.Year && n.Title.Contains(publication.Title, StringComparison.OrdinalIgnoreCase)) is { } item)
            {
                text = string.Format(NewsletterTexts.FigurePublishedOn, DutchFormat.Date(item.Date));
            }
            else
            {
                continue;
            }

            if (figures.Any(f => string.Equals(f.Item1.Title, publication.Title, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            text += (publication.Covers is null ? "" : string.Format(NewsletterTexts.FigureCovers, publication.Covers))
                + (publication.Performer is null ? "." : string.Format(NewsletterTexts.FigurePerformer, publication.Performer));
            var theme = MonitoringThemes.TryGetValue(publication.Kind, out var id) && current.Contains(id) ? id : null;
            figures.Add((publication, new FigureEntry(publication.Id, publication.Title, text, theme)));
        }

        return figures;
    }

    private static string DateText(Event e) =>
        e.Date is { } date ? DutchFormat.LongDate(date) : e.Month is { } m ? string.Format(NewsletterTexts.DateFollows, DutchFormat.MonthYear(e.Year, m)) : e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An event is after the send date when its date is, or (month known only) when its month starts after it.</summary>
    private static bool IsAfter(Event e, DateOnly send) => e.Date is { } date ? date > send : e.Month is not null && Start(e) > send;

    /// <summary>The first day an event can be on.</summary>
    private static DateOnly Start(Event e) => e.Date ?? new DateOnly(e.Year, e.Month ?? 1, 1);

    /// <summary>The last day an event can be on: a month-only event counts as held once its month is over.</summary>
    private static DateOnly End(Event e) =>
        e.Date ?? (e.Month is { } m ? new DateOnly(e.Year, m, DateTime.DaysInMonth(e.Year, m)) : new DateOnly(e.Year, 12, 31));

    private static (int, int, int) SortKey(Event e) => (e.Year, e.Date?.Month ?? e.Month ?? 13, e.Date?.Day ?? 32);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Subject(NewsletterIssue issue)
    {
        // The year's plans carry the issue when they are in (January, months without events); else the first meeting does.
        var subject = issue.Plans is { } plans ? string.Format(NewsletterTexts.SubjectWithPlans, issue.MonthName, plans.Year)
            : issue.Agenda.FirstOrDefault() is { } first
            ? first.IcsUrl is not null || !first.DateText.Contains('(', StringComparison.Ordinal)
                ? string.Format(NewsletterTexts.SubjectWithEvent, issue.MonthName, first.Title, first.DateText.Split(' ', 2)[^1])
                : string.Format(NewsletterTexts.SubjectWithEventMonth, issue.MonthName, first.Title, first.DateText.Split(" (", 2)[0])
            : issue.Spotlight is { } spotlight ? string.Format(NewsletterTexts.SubjectWithTheme, issue.MonthName, spotlight.Name)
            : string.Format(NewsletterTexts.SubjectPlain, issue.MonthName);
        return DutchFormat.Truncate(subject, 120);
    }

    private static string Intro(NewsletterIssue issue)
    {
        var intro = string.Format(NewsletterTexts.IntroWelcome, issue.MonthName);
        if (issue.Agenda.Count > 0)
        {
            intro += " " + (issue.Agenda.Count == 1 ? NewsletterTexts.IntroOneEvent : string.Format(NewsletterTexts.IntroEvents, issue.Agenda.Count));
        }

        if (issue.Plans is { } plans)
        {
            intro += " " + string.Format(NewsletterTexts.IntroPlans, plans.Year);
        }
        else if (issue.Spotlight is { } spotlight)
        {
            intro += " " + string.Format(NewsletterTexts.IntroSpotlight, spotlight.Name);
        }

        return intro;
    }

    private static string Preheader(NewsletterIssue issue)
    {
        var parts = new List<string>();
        if (issue.Agenda.Count > 0)
        {
            parts.Add(string.Format(NewsletterTexts.PreheaderAgenda, issue.Agenda[0].Title, issue.Agenda[0].DateText));
        }

        if (issue.Terugblik.Count > 0)
        {
            parts.Add(string.Format(NewsletterTexts.PreheaderTerugblik, issue.Terugblik[0].Title));
        }

        if (issue.News.Count > 0)
        {
            parts.Add(issue.News.Count == 1 ? NewsletterTexts.PreheaderOneNews : string.Format(NewsletterTexts.PreheaderNews, issue.News.Count));
        }

        if (issue.Plans is { } plans)
        {
            parts.Add(string.Format(NewsletterTexts.PreheaderPlans, plans.Year));
        }
        else if (issue.Spotlight is { } spotlight)
        {
            parts.Add(string.Format(NewsletterTexts.PreheaderSpotlight, spotlight.Name));
        }

        return parts.Count == 0 ? NewsletterTexts.PreheaderDefault : DutchFormat.Truncate(string.Join("; ", parts) + ".", 140);
    }
}
