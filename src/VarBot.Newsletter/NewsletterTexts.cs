namespace VarBot.Newsletter;

/// <summary>
/// Every Dutch sentence the newsletter library writes outside the mail templates: the default subject, preheader and
/// intro of a composed issue, and the warnings staff read before approval. u-form throughout. Dates and months come
/// in already formatted by <c>DutchFormat</c>.
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
}
