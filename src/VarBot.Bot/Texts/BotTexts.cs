namespace VarBot.Bot.Texts;

/// <summary>Every Dutch sentence the bot itself says (answers come from the answering engine, layout from cards/).</summary>
internal static class BotTexts
{
    public const string WelcomeTitle = "Welkom bij VarBot";

    public const string WelcomeText =
        "Ik beantwoord vragen over de VeiligheidsAlliantie regio Rotterdam (VAR), op basis van de jaarverslagen en jaarplannen. " +
        "Vraag bijvoorbeeld naar een thema, de volgende Leerhuizen en bijeenkomsten, de begroting of wie wat doet in de organisatie. " +
        "Of meld u aan voor de maandelijkse nieuwsbrief.";

    public const string WelcomeReply = "Welkom! Stelt u gerust een vraag over de VAR, of typ 'hulp' voor voorbeelden.";

    public const string HelpTitle = "Wat kunt u mij vragen?";

    public const string HelpText =
        "Ik ken de jaarverslagen en jaarplannen van de VAR. Stelt u uw vraag in gewone woorden, bijvoorbeeld over thema's " +
        "(wat is er gedaan en wat staat er gepland), Leerhuizen en andere bijeenkomsten, de begroting en de jaarrekening, " +
        "de organisatie en de monitors. Na een antwoord kunt u doorvragen of op een vervolgvraag klikken. " +
        "Typ 'nieuwsbrief' om u aan te melden voor de maandelijkse nieuwsbrief.";

    public const string HelpReply = "Dit kunt u mij vragen:";

    /// <summary>Example questions on the welcome and help cards; each is also a button.</summary>
    public static readonly IReadOnlyList<string> Examples =
    [
        "Wat heeft de VAR in 2025 gedaan aan digitale veiligheid?",
        "Wanneer is het volgende Leerhuis?",
        "Wat is de begroting voor 2026?",
        "Wie is de voorzitter van de VAR?",
        "Welke thema's heeft de VAR?",
        "Aanmelden voor de nieuwsbrief",
    ];

    public const string ErrorTitle = "Er ging iets mis";

    public const string Apology = "Sorry, er ging iets mis bij het beantwoorden van uw vraag. Probeer het later nog eens.";

    public const string EmptyQuestion = "Ik heb geen vraag gelezen. Typ uw vraag, of 'hulp' voor voorbeelden.";

    public const string ModelNotLoaded =
        "Ik ben nog bezig met het laden van de jaarverslagen. Probeer het over een minuutje nog eens.";

    public const string FeedbackThanksUp = "Dank u wel voor uw reactie!";

    public const string FeedbackThanksDown =
        "Dank u wel. Ik geef door dat dit antwoord niet goed genoeg was, zodat de redactie het kan verbeteren.";

    public const string UnknownAction = "Deze knop ken ik niet. Typ uw vraag, of 'hulp' voor voorbeelden.";

    /// <summary>Words that ask for help instead of asking a question (compared after trimming, case-insensitively).</summary>
    public static readonly IReadOnlyList<string> HelpWords = ["help", "hulp", "?", "menu", "wat kan je", "wat kun je", "wat kun je?", "wat kan je?"];

    public const string CalendarFileNotFound = "Deze bijeenkomst staat niet (meer) in de agenda.";

    public const string SubscribeTitle = "Aanmelden voor de nieuwsbrief";

    public const string SubscribeText =
        "Elke maand de agenda, een terugblik en het nieuws van de VeiligheidsAlliantie regio Rotterdam in uw mailbox. " +
        "Kies de thema's die u volledig wilt lezen; de andere thema's krijgt u als kopjes.";

    public const string SubscribeReply = "Vul uw e-mailadres in om u aan te melden voor de nieuwsbrief:";

    public const string SubscribeInvalidAddress = "Dat is geen geldig e-mailadres. Vul het adres in als naam@organisatie.nl en probeer het opnieuw.";

    /// <summary>
    /// The same answer whether or not the address was already confirmed (as on the /nieuwsbrief form), so the bot reveals
    /// nothing about who subscribes.
    /// </summary>
    public static string SubscribeAlmostDone(string email) =>
        $"Bijna klaar: bevestig uw aanmelding via de link in de mail die we naar {email} stuurden. " +
        "Stond dit adres al op de lijst, dan is er niets gewijzigd en vindt u in de mail een link om uw inschrijving te beheren.";

    /// <summary>
    /// Messages that ask to subscribe (compared after lower-casing and removing punctuation). Besides these, any message
    /// naming the nieuwsbrief together with a word from <see cref="SubscribeVerbs"/> (and not an unsubscribe word).
    /// </summary>
    public static readonly IReadOnlyList<string> SubscribePhrases = ["nieuwsbrief", "de nieuwsbrief", "nieuwsbrief aanmelden", "abonneren"];

    public static readonly IReadOnlyList<string> SubscribeVerbs = ["aanmeld", "aan te melden", "meld me aan", "abonneer", "inschrijv", "schrijf me in", "ontvangen", "krijgen"];

    public static readonly IReadOnlyList<string> UnsubscribeWords = ["afmeld", "af te melden", "meld me af", "uitschrijv", "schrijf me uit", "opzeggen", "stoppen", "niet meer"];

    // Teams: channels and group chats, reminders, the search extension, cards that stay current, channel posts.

    /// <summary>Opt-in to reminders, compared after lower-casing and removing punctuation (also the Teams command's title).</summary>
    public static readonly IReadOnlyList<string> RemindMePhrases =
    [
        "herinner mij aan leerhuizen", "herinner me aan leerhuizen", "herinner mij aan de leerhuizen", "herinner mij",
        "herinneringen aan", "herinneringen aanzetten", "zet herinneringen aan",
    ];

    /// <summary>Opt-out of reminders, compared like <see cref="RemindMePhrases"/>.</summary>
    public static readonly IReadOnlyList<string> StopRemindersPhrases =
    [
        "stop herinneringen", "stop de herinneringen", "stop met herinneringen", "geen herinneringen meer", "herinneringen uit",
        "herinneringen uitzetten", "zet herinneringen uit",
    ];

    public const string RemindersOn =
        "Goed, u krijgt voortaan een herinnering een week en een dag voor elk Leerhuis, de Najaarscarrousel en conferenties van de VAR. " +
        "Typ 'Stop herinneringen' als u ze niet meer wilt ontvangen.";

    public static string RemindersOnNext(string title, string date) => $"De eerstvolgende is {title} op {date}.";

    public const string RemindersOff = "U ontvangt geen herinneringen meer. Typ 'Herinner mij aan Leerhuizen' om ze weer aan te zetten.";

    public const string RemindersWereOff = "U had geen herinneringen aan staan. Typ 'Herinner mij aan Leerhuizen' om ze aan te zetten.";

    public const string RemindersPersonalOnly =
        "Herinneringen stuur ik alleen in een persoonlijke chat. Open een chat met VarBot en typ daar 'Herinner mij aan Leerhuizen'.";

    /// <summary>The first line of a reminder card: how far away the event is, counted from today.</summary>
    public static string ReminderLead(int daysUntil) => daysUntil switch
    {
        0 => "Herinnering: vandaag",
        1 => "Herinnering: morgen",
        7 => "Herinnering: over een week",
        _ => $"Herinnering: over {daysUntil} dagen",
    };

    /// <summary>The text next to a reminder card (notifications and clients without cards show it).</summary>
    public static string ReminderText(string title, string date, int daysUntil) => daysUntil switch
    {
        0 => $"Herinnering: vandaag is {title} ({date}).",
        1 => $"Herinnering: morgen is {title} ({date}).",
        7 => $"Herinnering: over een week is {title} ({date}).",
        _ => $"Herinnering: over {daysUntil} dagen is {title} ({date}).",
    } + " Typ 'Stop herinneringen' als u geen herinneringen meer wilt ontvangen.";

    public const string EventPlanned = "gepland";

    public const string EventHeld = "geweest";

    public const string EventCancelled = "geannuleerd";

    /// <summary>Intro of an agenda card refreshed after one of its meetings took place (the original intro no longer holds).</summary>
    public const string EventsRefreshedIntro = "Bijgewerkt: bijeenkomsten die voorbij zijn, staan nu op 'geweest'.";

    /// <summary>Messages that ask for the channel's id, for staff who configure channel posts (in a channel or group chat).</summary>
    public static readonly IReadOnlyList<string> ChannelInfoPhrases = ["kanaal id", "kanaalid", "kanaalinfo", "kanaal info"];

    public static string ChannelInfo(string channelId, string serviceUrl, string? tenantId) =>
        $"Dit kanaal heeft id {channelId} (service-URL {serviceUrl}" + (tenantId is null ? "" : $", tenant {tenantId}") + "). " +
        "Zet dit id bij Teams:NewsletterChannels in de configuratie van VarBot om hier elke verstuurde nieuwsbrief te laten posten.";

    public const string SearchNothingFound = "Niets gevonden. Zoek bijvoorbeeld op 'leerhuis', 'mensenhandel' of 'nieuwsbrief'.";

    public const string SearchModelNotLoaded = "VarBot laadt de jaarverslagen nog. Probeer het zo nog eens.";

    public const string NewsletterPostText = "De nieuwsbrief van de VAR is verstuurd.";

    public const string EventNotInModel = "Deze bijeenkomst staat niet (meer) in de agenda van VarBot.";

    public const string ThemeIntro = "Thema van de VAR";

    public static string ThemeFormerNames(IReadOnlyList<string> names) => "Thema van de VAR, eerder: " + string.Join(", ", names);

    public static string ThemePlanned(int year) => $"Gepland voor {year}";

    public static string NewsletterSpotlight(string theme) => $"Thema in de kijker: {theme}";

    /// <summary>Asking for the latest news (the "Wat is nieuw?" prompt starter), compared after lower-casing and trimming "?".</summary>
    public static readonly IReadOnlyList<string> WhatsNewPhrases = ["wat is nieuw", "wat is er nieuw", "nieuws", "laatste nieuws", "wat is het laatste nieuws"];

    public const string WhatsNewReply = "Het laatste nieuws van de VAR:";

    public const string WhatsNewNone = "Er zijn nog geen nieuwsberichten.";

    // The staff console /beheer (pages keep their own wording in StaffConsole/Pages/*.razor).
    public const string ConsoleSaved = "Het concept is opgeslagen. Een eerdere goedkeuring is daarmee vervallen.";
    public const string ConsoleProofSent = "De proef is verstuurd.";
    public const string ConsoleApproved = "De nieuwsbrief is goedgekeurd en kan worden verstuurd.";
    public const string ConsoleSendStarted = "De verzending is gestart. De webversie staat vast.";
    public const string ConsoleNameMissing = "Vul uw naam in.";
    public const string ConsoleProofAddressInvalid = "Vul een geldig e-mailadres in voor de proef.";
    public const string ConsoleProofFailed = "De proef kon niet worden verstuurd: de mailserver is niet bereikbaar of weigert. Probeer het later opnieuw.";
    public const string ConsoleSendAborted = "De verzending is afgebroken door een fout; zie de logboeken. Opnieuw starten gaat verder waar hij stopte.";
    public const string ConsoleFormExpired = "<!DOCTYPE html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Formulier verlopen</title><p>Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw en probeer het nog eens.</p></html>";
    public const string ConsoleUnanswered = "onbeantwoord";
    public const string ConsoleNotUseful = "niet nuttig";
    public const string ConsoleIssueTitle = "Nieuwsbrief {0}";
    public const string ConsoleLinkedInTitle = "LinkedIn-berichten {0}";
    public const string ConsoleSendLog = "Verzonden: {0}\nIn de laatste run verzonden: {1}\nNiet bevestigd (geen mail): {2}\nMislukt: {3}\nOnzeker (onderbroken tijdens het versturen): {4}\n";
    public const string ConsoleSendLogTimes = "Gestart {0}, klaar {1}.\n";
    public const string ConsoleSendLogStarted = "Gestart {0}, niet afgerond.\n";
    public const string ConsoleSendLogLine = "- abonnee {0}: {1} na {2} poging(en){3}\n";
    public const string ConsoleSendLogFailed = "mislukt";
    public const string ConsoleSendLogUnsure = "onzeker";
    public const string ConsoleSendLogMore = "... en nog {0}.\n";
    public const string ConsoleSendStopped = "De verzending is gestopt omdat de server werd afgesloten. Start haar opnieuw om verder te gaan; wie al een mail kreeg, krijgt die niet nog eens.";
    public const string ConsoleSendInterrupted = "De verzending staat stil sinds {0}: de server die verzond, is gestopt. Start haar opnieuw om verder te gaan; wie al een mail kreeg, krijgt die niet nog eens.";
    public const string ConsoleSendElsewhere = "De verzending loopt op een andere server of is net gestopt; deze pagina volgt de voortgang.";

    // Console: subscribers (/beheer/abonnees). Never an address in a message: staff see addresses only in search results.
    public const string ConsoleForgotten = "Het adres is vergeten: de abonnee en alle verzendregistraties van dit adres zijn verwijderd.";
    public const string ConsoleForgetUnknown = "Dit adres was niet (meer) bekend; er is niets verwijderd.";
    public const string ConsoleForgetConfirm = "Vink aan dat u dit adres wilt laten vergeten.";
    public const string ConsoleAddressInvalid = "Dat is geen geldig e-mailadres.";
    public const string ConsoleSearchTooShort = "Zoek op een volledig e-mailadres of op minstens drie tekens ervan.";
    public const string ConsoleSearchMore = "Meer dan {0} abonnees gevonden; alleen de eerste {0} staan hieronder. Maak de zoekopdracht specifieker.";
    public const string ConsoleUploadMissing = "Kies een CSV-bestand om te controleren.";
    public const string ConsoleUploadTooLarge = "Het bestand is groter dan 10 MB. Splits het in kleinere bestanden en importeer die na elkaar.";
    public const string ConsoleUploadNotText = "Dit is geen CSV-tekstbestand (een Excel-bestand?). Sla het op als 'CSV UTF-8 (door komma's gescheiden)' en probeer het opnieuw.";
    public const string ConsoleUploadNotUtf8 = "Het bestand is niet als UTF-8 opgeslagen, waardoor letters als é en ë verminkt zouden raken. Sla het op als 'CSV UTF-8 (door komma's gescheiden)' en probeer het opnieuw.";
    public const string ConsoleUploadSemicolons = "De kolommen zijn gescheiden door puntkomma's. Gebruik komma's tussen de kolommen (email,name,themes) en puntkomma's alleen tussen thema's; kies in Excel 'CSV UTF-8 (door komma's gescheiden)'.";
    public const string ConsoleUploadExpired = "Het gecontroleerde bestand is niet meer beschikbaar (al geïmporteerd of ouder dan een dag). Controleer het bestand opnieuw.";
    public const string ConsoleImportDryRun = "Proefrun, er is niets opgeslagen: {0} regels; {1} nieuwe abonnees zouden worden geïmporteerd, {2} al bekend (blijven ongewijzigd), {3} dubbel, {4} ongeldig, {5} met een omgezet thema.";
    public const string ConsoleImportDone = "Import klaar: {1} nieuwe abonnees geïmporteerd, {2} al bekend (ongewijzigd), {3} dubbel, {4} ongeldig, {5} met een omgezet thema ({0} regels).";
    public const string ConsoleImportTruncated = "Alleen de eerste {0} meldingen staan hieronder; de aantallen tellen alle regels.";
    public const string ConsoleImportInvalid = "ongeldig, niet geïmporteerd";
    public const string ConsoleImportDuplicate = "dubbel, overgeslagen";
    public const string ConsoleImportMapped = "thema omgezet";
    public const string ConsoleNoThemeChosen = "Geen thema gekozen";
    public const string ConsoleUnknownTheme = "(geen huidig thema)";
    public const string ConsoleConfirmed = "bevestigd";
    public const string ConsolePending = "wacht op bevestiging";

    /// <summary>The line under a citation's report title: the section and the line of the report it rests on.</summary>
    public static string CitationAbstract(string section, int? line) => line is { } number ? $"{section}, regel {number}" : section;
}
