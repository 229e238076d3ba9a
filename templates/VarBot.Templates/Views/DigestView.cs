namespace VarBot.Templates.Views;

/// <summary>Which edition a render is: a subscriber's mail, a proof to staff, or the public web version of a sent issue.</summary>
public enum Edition
{
    Mail,
    Proof,
    Web,
}

/// <summary>
/// One subscriber's view of an issue: items of the chosen themes first and in full, items of other themes as
/// headlines. No chosen (current) themes means everything in full. Items without a theme concern everyone and are in full.
/// </summary>
public sealed record DigestView(
    NewsletterIssue Issue,
    IReadOnlyList<string> ChosenThemes,
    string? Name,
    string UnsubscribeUrl,
    string PreferencesUrl,
    Edition Edition = Edition.Mail)
{
    public bool IsTest => Edition == Edition.Proof;

    public bool IsWeb => Edition == Edition.Web;

    public string Greeting => string.IsNullOrWhiteSpace(Name) ? MailTexts.GreetingAnonymous : string.Format(MailTexts.GreetingNamed, Name.Trim());

    /// <summary>The chosen themes the issue knows; a choice of only unknown or former themes counts as no choice.</summary>
    private List<string> Effective => ChosenThemes.Where(c => Issue.Themes.Any(t => t.Id == c)).ToList();

    public bool IsFull(IReadOnlyList<string> themeIds)
    {
        var chosen = Effective;
        return chosen.Count == 0 || themeIds.Count == 0 || themeIds.Any(chosen.Contains);
    }

    public IReadOnlyList<T> InFull<T>(IEnumerable<T> items, Func<T, IReadOnlyList<string>> themes) =>
        items.Where(i => IsFull(themes(i))).ToList();

    public IReadOnlyList<T> AsHeadlines<T>(IEnumerable<T> items, Func<T, IReadOnlyList<string>> themes) =>
        items.Where(i => !IsFull(themes(i))).ToList();

    /// <summary>The names of the chosen themes, for the footer; "alle thema's" when none are chosen.</summary>
    public string ChosenThemeNames =>
        Effective.Count == 0
            ? MailTexts.AllThemes
            : string.Join(", ", Issue.Themes.Where(t => Effective.Contains(t.Id)).Select(t => t.Name));
}
