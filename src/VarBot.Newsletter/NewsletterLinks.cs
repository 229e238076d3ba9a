namespace VarBot.Newsletter;

/// <summary>The public URLs of the bot host that mails and posts link to.</summary>
public sealed class NewsletterLinks(string publicBaseUrl)
{
    public string BaseUrl { get; } = publicBaseUrl.TrimEnd('/');

    public string LogoUrl => $"{BaseUrl}/nieuwsbrief/logo.png";

    public string IssueUrl(IssueMonth month) => $"{BaseUrl}/nieuwsbrief/{month}";

    /// <summary>The bot host serves each event's calendar file here.</summary>
    public string IcsUrl(string eventId) => $"{BaseUrl}/agenda/{Uri.EscapeDataString(eventId)}.ics";

    public string ConfirmUrl(string token) => $"{BaseUrl}/nieuwsbrief/bevestigen?token={Uri.EscapeDataString(token)}";

    public string UnsubscribeUrl(string token) => $"{BaseUrl}/nieuwsbrief/afmelden?token={Uri.EscapeDataString(token)}";

    /// <summary>"Thema's wijzigen" / "beheer uw inschrijving": takes an unsubscribe or a manage token.</summary>
    public string PreferencesUrl(string token) => $"{BaseUrl}/nieuwsbrief/beheer?token={Uri.EscapeDataString(token)}";
}
