namespace VarBot.Templates.Views;

/// <summary>
/// One subscriber's view of an issue: items of the chosen themes first and in full, items of other themes as
/// headlines. No chosen themes means everything in full. Items without a theme concern everyone and are in full.
/// </summary>
public sealed record DigestView(
    NewsletterIssue Issue,
    IReadOnlyList<string> ChosenThemes,
    string? Name,
    string UnsubscribeUrl,
    string PreferencesUrl,
    bool IsTest = false)
{
    public string Greeting => string.IsNullOrWhiteSpace(Name) ? "Beste lezer," : $"Beste {Name.Trim()},";

    public bool IsFull(IReadOnlyList<string> themeIds) =>
        ChosenThemes.Count == 0 || themeIds.Count == 0 || themeIds.Any(ChosenThemes.Contains);

    public IReadOnlyList<T> InFull<T>(IEnumerable<T> items, Func<T, IReadOnlyList<string>> themes) =>
        items.Where(i => IsFull(themes(i))).ToList();

    public IReadOnlyList<T> AsHeadlines<T>(IEnumerable<T> items, Func<T, IReadOnlyList<string>> themes) =>
        items.Where(i => !IsFull(themes(i))).ToList();

    /// <summary>The names of the chosen themes, for the footer; "alle thema's" when none are chosen.</summary>
    public string ChosenThemeNames =>
        ChosenThemes.Count == 0
            ? "alle thema's"
            : string.Join(", ", Issue.Themes.Where(t => ChosenThemes.Contains(t.Id)).Select(t => t.Name));
}
