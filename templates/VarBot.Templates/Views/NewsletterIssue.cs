namespace VarBot.Templates.Views;

/// <summary>
/// A composed monthly issue, ready to render: every text is final Dutch wording, every date already formatted.
/// Stored as JSON under newsletters/{yyyy-MM}/issue.json, so what staff approve is exactly what is sent.
/// </summary>
public sealed record NewsletterIssue(
    string Month,
    string MonthName,
    string Subject,
    string Preheader,
    string Intro,
    string WebUrl,
    string LogoUrl,
    IReadOnlyList<AgendaEntry> Agenda,
    IReadOnlyList<AgendaEntry> Terugblik,
    IReadOnlyList<NewsEntry> News,
    ThemeSpotlight? Spotlight,
    IReadOnlyList<FigureEntry> Figures,
    IReadOnlyList<ThemeChoice> Themes);

/// <summary>An event under Agenda or Terugblik.</summary>
/// <param name="DateText">E.g. "maandag 23 maart 2026" or "april 2026 (datum volgt)".</param>
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
    string? IcsUrl)
{
    public IReadOnlyList<string> ThemeIds => ThemeId is null ? [] : [ThemeId];

    /// <summary>The kind and theme line under the title, without repeating a kind the title already names ("Leerhuis").</summary>
    public string? Detail
    {
        get
        {
            var kind = Title.Contains(TypeText, StringComparison.OrdinalIgnoreCase) ? null : TypeText;
            var theme = ThemeName is null ? null : "Thema: " + ThemeName;
            return kind is null && theme is null ? null : string.Join(" · ", new[] { kind, theme }.OfType<string>());
        }
    }
}

public sealed record NewsEntry(
    string Id,
    string Title,
    string DateText,
    string Summary,
    string? Link,
    IReadOnlyList<string> ThemeIds,
    string? ThemeNames);

/// <summary>Thema in de kijker: one current theme a month with its plans for the year.</summary>
public sealed record ThemeSpotlight(string ThemeId, string Name, int PlanYear, IReadOnlyList<string> Plans);

/// <summary>A monitoring publication or report that appeared (Cijfers).</summary>
public sealed record FigureEntry(string Title, string Text, string? ThemeId)
{
    public IReadOnlyList<string> ThemeIds => ThemeId is null ? [] : [ThemeId];
}

/// <summary>A theme a subscriber can choose.</summary>
public sealed record ThemeChoice(string Id, string Name);
