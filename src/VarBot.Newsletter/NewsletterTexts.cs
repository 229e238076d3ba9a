namespace VarBot.Newsletter;

/// <summary>
/// Every Dutch sentence the newsletter library writes outside the mail templates: the default subject, preheader and
/// intro of a composed issue, and the warnings staff read before approval. u-form throughout. Dates and months come
/// in already formatted by <c>DutchFormat</c>.
/// Also the sending, subscription and public-page texts of delivery (further below).
/// </summary>
public static class NewsletterTexts
{
    // Default wording of a composed issue.
    public const string SubjectPlain = "VAR-nieuwsbrief {0}";
    public const string SubjectWithEvent = "VAR-nieuwsbrief {0}: {1} op {2}";
    public const string SubjectWithEventMonth = "VAR-nieuwsbrief {0}: {1} in {2}";
    public const string SubjectWithPlans = "VAR-nieuwsbrief {0}: de plannen voor {1}";
    public const string SubjectWithTheme = "VAR-nieuwsbrief {0}: thema {1}";
    public const string IntroWelcome = "Welkom bij de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam van {0}.";
    public const string IntroOneEvent = "In de agenda staat één bijeenkomst waarvoor wij u van harte uitnodigen.";
    public const string IntroEvents = "In de agenda staan {0} bijeenkomsten waarvoor wij u van harte uitnodigen.";
    public const string IntroPlans = "In deze nieuwsbrief leest u per thema wat de VAR in {0} van plan is.";
    public const string IntroSpotlight = "Het thema in de kijker is {0}.";
    public const string PreheaderDefault = "Het laatste nieuws van de VeiligheidsAlliantie regio Rotterdam.";
    public const string PreheaderAgenda = "Agenda: {0} ({1})";
    public const string PreheaderTerugblik = "terugblik op {0}";
    public const string PreheaderOneNews = "1 nieuwsbericht";
    public const string PreheaderNews = "{0} nieuwsberichten";
    public const string PreheaderPlans = "de plannen voor {0}";
    public const string PreheaderSpotlight = "thema in de kijker: {0}";
    public const string DateFollows = "{0} (datum volgt)";
    public const string FigurePublishedIn = "Verschenen in {0}";
    public const string FigureExpectedIn = "Verwacht in {0}";
    public const string FigurePublishedOn = "Verschenen op {0}";
    public const string FigureCovers = ", over {0}";
    public const string FigurePerformer = "; uitgevoerd door {0}.";

    // Issue states.
    public const string StateDraft = "concept";
    public const string StateApproved = "goedgekeurd";
    public const string StateSent = "verzonden";

    // Warnings before approval.
    public const string WarnMonthPassed = "De maand {0} is voorbij. Goedkeuren en versturen kan alleen als u uitdrukkelijk bevestigt dat u deze oude nieuwsbrief toch wilt versturen.";
    public const string WarnSendDatePassed = "De verzenddatum ({0}) is voorbij; de nieuwsbrief gaat later uit dan gepland.";
    public const string WarnPastEvent = "In de agenda staat '{0}' van {1}, maar die bijeenkomst is op de verzenddatum al geweest. Haal hem uit de agenda.";
    public const string WarnPastEventToday = "In de agenda staat '{0}' van {1}, maar die bijeenkomst is vandaag al geweest of bezig. Haal hem uit de agenda.";
    public const string WarnHeldWithoutRecap = "'{0}' van {1} is gehouden, maar er is geen terugblik-tekst. Voeg een nieuwsbericht toe met 'event: {2}'; zonder tekst blijft het uit de Terugblik.";
    public const string WarnNoPlan = "Het kennismodel bevat geen jaarplan {0}. Er staan daarom geen plannen in deze nieuwsbrief (ook niet die van {1}: die zijn verouderd). Publiceer het jaarplan {0} of schrijf zelf een inleiding.";
    public const string WarnEmpty = "Deze nieuwsbrief bevat behalve de inleiding niets. Voeg nieuws toe of schrijf een inleiding met inhoud.";
    public const string WarnAlreadySent = "'{0}' stond al in de verzonden nieuwsbrief van {1}.";
    public const string WarnUnknownItem = "'{0}' staat in het concept maar niet (meer) in het kennismodel; het wordt weggelaten.";
    public const string WarnSenderIncomplete = "De voettekst mist {0}. Vul dit in bij de instellingen (Newsletter:Editorial).";
    public const string SenderPostalAddress = "het postadres (PostalAddress)";
    public const string SenderContact = "het contactadres (ContactAddress)";
    public const string SenderPrivacy = "de link naar de privacyverklaring (PrivacyUrl)";
    public const string WarnSubjectEmpty = "Het onderwerp is leeg.";
    public const string WarnApprovalDropped = "Het concept is gewijzigd na de goedkeuring; keur het opnieuw goed.";

    // Refusals.
    public const string RefuseNoIssue = "Er is nog geen nieuwsbrief voor {0} samengesteld.";
    public const string RefuseMonthPassed = "De maand {0} is voorbij. Bevestig uitdrukkelijk dat u deze nieuwsbrief toch wilt goedkeuren of versturen.";
    public const string RefuseSameEditor = "Vier ogen: {0} heeft het concept als laatste bewerkt en mag het niet zelf goedkeuren. Laat een collega goedkeuren.";
    public const string RefuseAlreadySent = "De nieuwsbrief van {0} is al verzonden en kan niet meer worden gewijzigd.";
    public const string RefuseConflict = "Iemand anders heeft het concept intussen gewijzigd. Laad het opnieuw en breng uw wijziging opnieuw aan.";
    public const string RefuseNotApproved = "De nieuwsbrief van {0} is nog niet goedgekeurd.";
    public const string RefuseChangedAfterApproval = "De nieuwsbrief van {0} is na de goedkeuring gewijzigd; keur hem opnieuw goed.";

    // LinkedIn drafts.
    public const string PostEventLead = "{0} op {1}.";
    public const string PostEventLeadWithType = "{0}: {1} op {2}.";
    public const string PostInvitation = "De VeiligheidsAlliantie regio Rotterdam nodigt professionals uit de regio van harte uit";
    public const string PostInvitationPlace = " in {0}.";
    public const string PostStart = " Aanvang: {0}.";
    public const string PostRoundupLead = "De nieuwsbrief van {0} van de VeiligheidsAlliantie regio Rotterdam is uit.";
    public const string PostRoundupSpotlight = "Thema in de kijker: {0}";
    public const string PostRoundupPlans = "De plannen voor {0}";
    public const string PostRoundupRecap = "Terugblik: {0}";

    // The preview page (index.html) of `newsletter preview`.
    public const string PreviewTitle = "Voorbeeld: {0}";
    public const string PreviewHeading = "Voorbeeld nieuwsbrief {0}";
    public const string PreviewSubject = "Onderwerp:";
    public const string PreviewPreheader = "Preheader:";
    public const string PreviewWarnings = "Let op voor het goedkeuren:";
    public const string PreviewWide = "HTML, 600 px";
    public const string PreviewNarrow = "375 px";
    public const string PreviewText = "Tekst";
    public const string PreviewLinkedIn = "LinkedIn";
    public const string PreviewPostLength = "{0} ({1} van {2} tekens)";

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
