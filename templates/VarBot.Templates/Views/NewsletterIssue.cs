namespace VarBot.Templates.Views;

/// <summary>
/// A built monthly issue, ready to render: every text is final Dutch wording, every date already formatted.
/// Stored as JSON under newsletters/{yyyy-MM}/issue.json, so what staff approve is exactly what is sent.
/// </summary>
/// <param name="Plans">Per theme what the year's jaarplan plans (January and months without events).</param>
public sealed record NewsletterIssue(
    string Month,
    string MonthName,
    string Subject,
    string Preheader,
    string Intro,
    string WebUrl,
    IReadOnlyList<AgendaEntry> Agenda,
    IReadOnlyList<RecapEntry> Terugblik,
    IReadOnlyList<NewsEntry> News,
    PlansOverview? Plans,
    ThemeSpotlight? Spotlight,
    IReadOnlyList<FigureEntry> Figures,
    IReadOnlyList<ThemeChoice> Themes,
    SenderFooter Sender)
{
    /// <summary>True when the issue holds nothing but its intro.</summary>
    public bool IsEmpty => Agenda.Count == 0 && Terugblik.Count == 0 && News.Count == 0 && Plans is null && Spotlight is null && Figures.Count == 0;
}

/// <summary>A coming event under Agenda: only events after the send date, so the call to register always makes sense.</summary>
/// <param name="DateText">E.g. "maandag 23 maart 2026" or "april 2026 (datum volgt)".</param>
/// <param name="IcsUrl">"Zet in mijn agenda": only when the date is known.</param>
/// <param name="InfoUrl">Where to read more and register: a news item about the event, else the VAR's website.</param>
/// <param name="NewsId">The news item whose page and summary the entry shows, if any.</param>
public sealed record AgendaEntry(
    string EventId,
    string Title,
    string DateText,
    string TypeText,
    string? ThemeId,
    string? ThemeName,
    string? Topic,
    string? Place,
    string? Time,
    string? IcsUrl,
    string InfoUrl,
    string? Summary,
    string? NewsId = null)
{
    public IReadOnlyList<string> ThemeIds => ThemeId is null ? [] : [ThemeId];

    /// <summary>"maandag 23 maart 2026, 14.00 uur · De Kuip": date, time and place as far as known.</summary>
    public string WhenWhere => DateText + (Time is null ? "" : ", " + Time) + (Place is null ? "" : " · " + Place);

    /// <summary>The kind and theme line under the title, without repeating a kind the title already names ("Leerhuis").</summary>
    public string? Detail => EntryDetail.Of(Title, TypeText, ThemeName);
}

/// <summary>An event held since the previous issue, under Terugblik, with recap text from a report or a news item.</summary>
public sealed record RecapEntry(
    string EventId,
    string Title,
    string DateText,
    string TypeText,
    string? ThemeId,
    string? ThemeName,
    string Recap,
    string? Link,
    string? NewsId = null)
{
    public IReadOnlyList<string> ThemeIds => ThemeId is null ? [] : [ThemeId];

    public string? Detail => EntryDetail.Of(Title, TypeText, ThemeName);
}

public sealed record NewsEntry(
    string Id,
    string Title,
    string DateText,
    string Summary,
    string? Link,
    IReadOnlyList<string> ThemeIds,
    string? ThemeNames);

/// <summary>What the jaarplan of <paramref name="Year"/> plans, per current theme.</summary>
public sealed record PlansOverview(int Year, IReadOnlyList<ThemePlan> Themes);

/// <summary>One theme's plans: a few sentences and a few concrete activities.</summary>
public sealed record ThemePlan(string ThemeId, string Name, string Summary, IReadOnlyList<string> Highlights)
{
    public IReadOnlyList<string> ThemeIds => [ThemeId];
}

/// <summary>Thema in de kijker: one current theme a month with its plans for the issue's year.</summary>
public sealed record ThemeSpotlight(string ThemeId, string Name, int PlanYear, string Summary, IReadOnlyList<string> Plans);

/// <summary>A monitoring publication or report that appeared (Cijfers).</summary>
public sealed record FigureEntry(string Id, string Title, string Text, string? ThemeId)
{
    public IReadOnlyList<string> ThemeIds => ThemeId is null ? [] : [ThemeId];
}

/// <summary>A theme a subscriber can choose.</summary>
public sealed record ThemeChoice(string Id, string Name);

/// <summary>Who sends the mail, for the footer. Empty parts are left out.</summary>
public sealed record SenderFooter(string Name, string? PostalAddress, string? ContactAddress, string? PrivacyUrl, string WebsiteUrl);

internal static class EntryDetail
{
    public static string? Of(string title, string typeText, string? themeName)
    {
        var kind = title.Contains(typeText, StringComparison.OrdinalIgnoreCase) ? null : typeText;
        var theme = themeName is null ? null : MailTexts.ThemePrefix + themeName;
        return kind is null && theme is null ? null : string.Join(" · ", new[] { kind, theme }.OfType<string>());
    }
}
