using VarBot.Newsletter;

namespace VarBot.Cli;

/// <summary>
/// Dutch texts of <c>varbot newsletter preview|approve|send</c>; u-form. Texts printed as Spectre markup take their values
/// already escaped by the caller and hold no square brackets of their own.
/// </summary>
internal static partial class CliTexts
{
    public static class Newsletter
    {
        public const string Description = "Stelt de maandelijkse nieuwsbrief samen, keurt hem goed en verstuurt hem.";

        public const string MonthOption = "De maand van de nieuwsbrief, bijvoorbeeld 2026-03.";

        public const string BadMonthHint = "Schrijf de maand als JJJJ-MM, bijvoorbeeld 2026-03.";

        public const string StorageUnreachable = "De opslag is niet bereikbaar:";

        public const string AllowPastMonthApprove = "Keur ook goed als de maand van de nieuwsbrief al voorbij is.";

        public const string AllowPastMonthSend = "Verstuur ook als de maand van de nieuwsbrief al voorbij is (een al begonnen verzending gaat ook zonder verder).";

        public const string PastMonthHint = " Gebruik daarvoor --allow-past-month.";

        // preview

        public const string PreviewDescription = "Stelt de nieuwsbrief samen en schrijft een voorbeeld (HTML, tekst, LinkedIn) naast elkaar.";

        public const string OutOption = "Map voor nieuwsbrief.html, nieuwsbrief.txt, linkedin/*.txt en index.html.";

        public const string SubscriberOption = "Toon de persoonlijke versie van deze abonnee.";

        public const string ModelOption =
            "Een modelbestand (varbot import --out). Zonder --model en --seeds: het gepubliceerde model als er opslag is ingesteld, anders de seeds.";

        public const string UnknownSubscriber = "Deze abonnee is niet bekend.";

        /// <summary>The token in the unsubscribe and preferences links of a personal preview (no real subscriber's token).</summary>
        public const string PreviewToken = "voorbeeld";

        public const string SubjectLabel = "Onderwerp:";

        public const string NoWarnings = "Geen waarschuwingen.";

        public const string PreviewWritten = "Voorbeeld geschreven naar";

        public const string PreviewNotStored = " (niet opgeslagen: geen opslag ingesteld).";

        /// <summary>The contents of a composed issue; <paramref name="spotlight"/> is the theme in the spotlight, or null.</summary>
        public static string PreviewSummary(string sendDate, int agenda, int terugblik, int news, bool plans, string? spotlight, int posts) =>
            $"Verzenddatum {sendDate}: agenda {agenda}, terugblik {terugblik}, nieuws {news}, "
            + $"plannen {(plans ? "ja" : "nee")}, thema in de kijker {spotlight ?? "geen"}, LinkedIn-berichten {posts}.";

        public static string WarningsHeader(int count) => $"Let op voor het goedkeuren ({count}):";

        public static string PreviewStored(string folder) => $"; opgeslagen onder {folder}.";

        // approve

        public const string ApproveDescription = "Legt vast dat de opgeslagen nieuwsbrief is goedgekeurd (eerst 'newsletter preview').";

        public const string ByOption = "Naam van wie goedkeurt (standaard de gebruikersnaam).";

        public const string NotApproved = "Niet goedgekeurd:";

        public static string NotComposed(IssueMonth month) => $"Er is nog geen nieuwsbrief voor {month} samengesteld.";

        public static string NotComposedHint(IssueMonth month) => $"Gebruik eerst 'varbot newsletter preview --month {month}'.";

        public static string Approved(IssueMonth month, string by, string contentHash) => $"Nieuwsbrief {month} goedgekeurd door {by} (inhoud {contentHash}).";

        // send

        public const string SendDescription = "Verstuurt de goedgekeurde nieuwsbrief: precies één mail per bevestigde abonnee; één verzending per nummer tegelijk.";

        public const string DryRunOption = "Stel alle mails samen maar verstuur niets.";

        public const string LimitOption = "Verstuur hoogstens zoveel mails in deze run.";

        public const string TestOption = "Stuur één proef naar dit adres (mag altijd, ook zonder goedkeuring).";

        public const string WaitOption = "Verstuurt een andere run deze nieuwsbrief al, wacht dan hoogstens zoveel seconden (standaard: niet wachten).";

        public const string NotSent = "Niet verstuurd:";

        public const string NotSentFurther = "Niet (verder) verstuurd:";

        public const string Outcome = "Uitkomst";

        public const string Count = "Aantal";

        public const string WouldSend = "zou versturen";

        public const string Sent = "verstuurd";

        public const string AlreadySent = "al eerder verstuurd";

        public const string NotConfirmed = "niet bevestigd";

        public const string NotAttempted = "niet geprobeerd (--limit)";

        public const string FailedRow = "mislukt";

        public const string Failed = "Mislukt";

        public static string TestSent(IssueMonth month) => $"Proef van {month} verstuurd.";

        public static string ProgressTask(IssueMonth month) => $"Nieuwsbrief {month}";

        public static string SummaryTitle(string month, bool dryRun) => dryRun ? $"Proefrun {month} (niets verstuurd)" : $"Verzending {month}";

        public static string Duration(double seconds, double rate) => $"Duur {seconds:F1} s, {rate:F0} mails per seconde.";

        public static string FailedSubscriber(string subscriberKey, string reason) => $"abonnee {subscriberKey}: {reason}";
    }
}
