namespace VarBot.Newsletter;

/// <summary>
/// Every Dutch sentence VarBot.Newsletter says outside its Razor pages and templates (u-form). Grouped per area;
/// the public pages take their texts from here too, so one file holds the wording.
/// </summary>
public static class NewsletterTexts
{
    // Sending
    public static string NotComposed(IssueMonth month) => $"Er is nog geen nieuwsbrief voor {month} samengesteld.";

    public static string NotApproved(IssueMonth month) => $"De nieuwsbrief van {month} is nog niet goedgekeurd (varbot newsletter approve --month {month}).";

    public static string ApprovalStale(IssueMonth month) => $"De nieuwsbrief van {month} is na de goedkeuring opnieuw samengesteld; keur hem opnieuw goed.";

    public static string SendBusy(IssueMonth month) =>
        $"De nieuwsbrief van {month} wordt op dit moment al verstuurd door een andere run (een collega, de planner of een andere server). "
        + "Er is niets verstuurd; wacht tot die run klaar is, of start opnieuw met --wait om erop te wachten.";

    public static string SendLeaseLost(IssueMonth month) =>
        $"De verzending van {month} is gestopt: deze run kon zijn claim op de verzending niet vasthouden (opslag onbereikbaar?). "
        + "Start de verzending opnieuw; wie al een mail kreeg, krijgt er geen tweede.";

    public const string InvalidAddressReason = "ongeldig e-mailadres";

    public static string SmtpFailureReason(int? statusCode, string detail) =>
        statusCode is { } code ? $"SMTP-fout {code}: {detail}" : $"SMTP-verbinding mislukt: {detail}";

    // Mails to (would-be) subscribers
    public const string ConfirmSubject = "Bevestig uw aanmelding voor de VAR-nieuwsbrief";

    /// <summary>The confirmation mail. It never contains the name typed into the form: an attacker could fill in any text.</summary>
    public static string ConfirmBody(string url, TimeSpan lifetime) =>
        "Beste lezer,\n\n"
        + "Iemand heeft dit e-mailadres aangemeld voor de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam.\n"
        + $"Was u dat? Open dan deze link en bevestig uw aanmelding met de knop op de pagina (de link is {Hours(lifetime)} uur geldig):\n\n"
        + url + "\n\n"
        + "Hebt u zich niet aangemeld? Dan kunt u deze e-mail negeren; u ontvangt dan niets.\n";

    public const string ManageSubject = "Beheer uw inschrijving op de VAR-nieuwsbrief";

    /// <summary>Sent to a known address instead of changing it: the owner decides, through a signed link.</summary>
    public static string ManageBody(string url, TimeSpan lifetime) =>
        "Beste lezer,\n\n"
        + "Via de website of de VarBot is opnieuw een aanmelding voor de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam "
        + "gedaan met dit e-mailadres. Dit adres staat al op de lijst; er is niets gewijzigd.\n\n"
        + $"Wilt u uw thema's wijzigen of u afmelden? Beheer uw inschrijving via deze link ({Hours(lifetime)} uur geldig):\n\n"
        + url + "\n\n"
        + "Hebt u dit niet zelf gedaan? Dan hoeft u niets te doen.\n";

    // Form validation and refusals
    public const string InvalidAddress = "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.";

    public const string AddressTooLong = "Dit e-mailadres is te lang: het deel voor de @ mag hoogstens 64 tekens hebben, het hele adres hoogstens 254.";

    public static string NameTooLong(int max) => $"De naam mag hoogstens {max} tekens hebben.";

    public const string InvalidCharacters = "Het formulier bevat tekens die niet zijn toegestaan (bijvoorbeeld stuurtekens). Pas de invoer aan en probeer het opnieuw.";

    public const string TooManyRequests = "U hebt het formulier te vaak verstuurd. Wacht een kwartier en probeer het dan opnieuw.";

    public const string Busy = "Uw inschrijving werd net ook op een andere plek gewijzigd. Probeer het over een paar seconden opnieuw.";

    public const string MailFailed = "De e-mail kon nu niet worden verstuurd. Probeer het later opnieuw; er is niets gewijzigd.";

    public const string NoModel = "De nieuwsbrief is even niet beschikbaar omdat de gegevens worden geladen. Probeer het over een minuut opnieuw.";

    private static int Hours(TimeSpan lifetime) => (int)Math.Round(lifetime.TotalHours);

    // Public pages: outcome notices (title, paragraphs)
    public static readonly Notice CheckYourMail = new("Bijna klaar",
        ["Wij hebben u een e-mail gestuurd. Klik op de link in die e-mail om uw aanmelding af te ronden.",
         "Staat uw adres al op de lijst? Dan vindt u in de e-mail een link om uw inschrijving te beheren."]);

    public static readonly Notice Confirmed = new("Aanmelding bevestigd",
        ["Dank u wel. U ontvangt voortaan de maandelijkse nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam."]);

    public static readonly Notice InvalidLink = new("Deze link werkt niet",
        ["Deze link is ongeldig of verlopen. Er is niets gewijzigd.",
         "Meld u opnieuw aan, of gebruik de link in een recente nieuwsbrief."], "Naar het aanmeldformulier", "/nieuwsbrief");

    public static readonly Notice NotFound = new("Niet gevonden",
        ["Wij kennen deze aanmelding niet (meer). Misschien bent u al afgemeld. Er is niets gewijzigd."]);

    public static readonly Notice Unsubscribed = new("U bent afgemeld",
        ["U ontvangt de nieuwsbrief niet meer. Uw gegevens zijn verwijderd."], "Opnieuw aanmelden", "/nieuwsbrief");

    public static Notice ThemesSaved(IReadOnlyList<string> names) => new("Thema's opgeslagen",
        [names.Count == 0 ? "U ontvangt voortaan alle thema's volledig." : "U leest voortaan deze thema's volledig: " + string.Join(", ", names) + "."]);

    public static readonly Notice IssueNotFound = new("Niet gevonden", ["Deze nieuwsbrief bestaat (nog) niet."]);

    public static readonly Notice RateLimited = new("Even geduld", [TooManyRequests]);

    public static readonly Notice Unavailable = new("Even niet beschikbaar", [NoModel]);

    public static readonly Notice Conflict = new("Probeer het opnieuw", [Busy]);

    public static readonly Notice BadForm = new("Dit formulier kon niet worden gelezen", [InvalidCharacters], "Naar het aanmeldformulier", "/nieuwsbrief");

    public static readonly Notice MailNotSent = new("E-mail niet verstuurd", [MailFailed]);

    /// <summary>The optional reasons on the unsubscribe page (value stored, Dutch text shown).</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> UnsubscribeReasonChoices =
    [
        ("te-vaak", "Ik ontvang te veel e-mail"),
        ("niet-relevant", "De inhoud past niet bij mijn werk"),
        ("andere-functie", "Ik heb een andere functie of werkgever"),
        ("nooit-aangemeld", "Ik heb mij nooit aangemeld"),
        ("anders", "Anders"),
    ];
}

/// <summary>A short Dutch outcome page: a title, paragraphs and an optional link.</summary>
public sealed record Notice(string Title, IReadOnlyList<string> Paragraphs, string? LinkText = null, string? LinkHref = null);
