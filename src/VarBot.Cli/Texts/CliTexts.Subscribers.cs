using VarBot.Newsletter.Subscribers;

namespace VarBot.Cli;

/// <summary>
/// Dutch texts of <c>varbot subscribers add|import|export|forget|migrate-keys</c> and of the newsletter commands' shared
/// setup (storage, settings, signing key, model); u-form. Values printed as Spectre markup arrive escaped by the caller.
/// </summary>
internal static partial class CliTexts
{
    public static class Subscribers
    {
        public const string Description = "Beheert de abonnees van de nieuwsbrief.";

        // add

        public const string AddDescription =
            "Meldt iemand aan; de abonnee krijgt eerst een bevestigingslink (dubbele opt-in). Een bekende abonnee krijgt de nieuwe naam en thema's.";

        public const string EmailArgument = "Het e-mailadres.";

        public const string NameOption = "De naam van de abonnee.";

        public const string ThemeOption = "Een thema-id (meermaals te gebruiken).";

        public const string Updated = "Deze abonnee bestond al; naam en thema's zijn bijgewerkt.";

        public const string ConfirmationSent = "Aangemeld; er is een bevestigingslink gemaild.";

        // import

        public const string ImportDescription =
            "Importeert bevestigde abonnees uit een CSV; de import wordt vastgelegd als bron van de toestemming. Bestaande abonnees blijven ongewijzigd.";

        public const string FileArgument = "bestand";

        public const string FileArgumentDescription = "CSV met kolommen email, name, themes (thema's gescheiden door ';').";

        public const string DryRunOption = "Controleer het bestand en meld wat er zou gebeuren, zonder iets op te slaan.";

        public const string ModelOption = "Een modelbestand voor de thema's (standaard het gepubliceerde model, anders de seeds).";

        public const string FileHelpName = "BESTAND";

        public static string FileMissing(string path) => $"Het bestand '{path}' bestaat niet.";

        public static string OnlyFirstIssues(int count) => $"Alleen de eerste {count} meldingen zijn getoond.";

        public static string ImportSummary(ImportReport report) => report.DryRun
            ? $"Proefrun (niets opgeslagen): {report.Rows} regels; {report.Imported} abonnees zouden worden geïmporteerd, {report.Existing} bestaan al (blijven ongewijzigd), {report.Duplicates} dubbel, {report.Invalid} ongeldig."
            : $"{report.Imported} abonnees geïmporteerd, {report.Existing} bestonden al (ongewijzigd), {report.Duplicates} dubbel, {report.Invalid} ongeldig ({report.Rows} regels, {report.RowsPerSecond:F0} per seconde).";

        // export

        public const string ExportDescription = "Exporteert alle abonnees als CSV (email, name, themes, status, consent).";

        public const string OutOption = "Schrijf de CSV naar dit bestand (standaard: scherm).";

        // forget

        public const string ForgetDescription = "Verwijdert een abonnee en alle verzendregistraties van die abonnee.";

        public const string ForgetEmailArgument = "Het e-mailadres dat vergeten moet worden.";

        public const string ForgetUnknown = "Deze abonnee was niet bekend.";

        public static string Forgotten(int deleted) => $"Abonnee vergeten: {deleted} registraties verwijderd.";

        // migrate-keys

        public const string MigrateKeysDescription =
            "Zet abonnees over naar de geheime sleutel (HMAC) van deze installatie, met hun verzendregistraties; nodig na de update of na een nieuwe Newsletter:SigningKey. Draai dit niet tijdens een verzending.";

        public const string KeysAlreadyRight = "Alle abonnees hebben al de juiste sleutel; niets gewijzigd.";

        public static string KeysMigrated(int subscribers, int sendRecords, int conflicts) =>
            $"{subscribers} abonnees en {sendRecords} verzendregistraties overgezet; {conflicts} conflicten (de nieuwste gegevens zijn bewaard).";
    }

    /// <summary>The newsletter and subscriber commands' shared setup: storage, settings, signing key and model.</summary>
    public static class NewsletterSetup
    {
        public static string StorageRefused(string reason) =>
            $"[red]De opslag is niet bereikbaar of weigert de opdracht[/] ({reason}). Start Azurite (npx azurite-blob) of controleer --connection-string of Storage__ConnectionString en de toegangsrechten.";

        public const string StorageSettingsWrong =
            "[red]De opslag-instellingen kloppen niet.[/] Controleer --connection-string of Storage__ConnectionString (bijvoorbeeld 'UseDevelopmentStorage=true') en --container of Storage__Container.";

        public const string NoStorage = "[red]Geen opslag ingesteld.[/] Geef --connection-string (bijvoorbeeld 'UseDevelopmentStorage=true') of --service-uri, of zet Storage__ConnectionString of Storage__ServiceUri.";

        public static string SettingsWrong(string failures) => $"[red]De nieuwsbrief-instellingen kloppen niet:[/] {failures}";

        public const string SigningKeyMissing =
            "[red]De instelling Newsletter:SigningKey ontbreekt.[/] Zet de omgevingsvariabele Newsletter__SigningKey op een base64-sleutel "
            + "van minstens 32 bytes (maak er een met 'openssl rand -base64 32'); links in de nieuwsbrief worden daarmee ondertekend. "
            + "Op een ontwikkelmachine kan ook DOTNET_ENVIRONMENT=Development: dan wordt per run een sleutel gemaakt.";

        public static string ModelFromStorage(string version, string container) => $"Kennismodel {version} uit de opslag (container '{container}').";

        public static string NoPublishedModel(string container) =>
            $"[yellow]In container '{container}' is nog geen kennismodel gepubliceerd;[/] de seeds worden gelezen (publiceer met 'varbot publish').";

        public static string SeedsHaveIssues(string counts) =>
            $"[yellow]Let op: de seeds bevatten {counts}[/] (zie 'varbot validate'); het voorbeeld gebruikt wat wel te lezen was.";

        public static string ModelUnreadable(string reason) =>
            $"[red]Het kennismodel kon niet uit de opslag worden gelezen[/] ({reason}). Start Azurite of controleer Storage__ConnectionString; of geef --seeds of --model op.";

        public static string ModelNotLoaded(string message) => $"[red]Het kennismodel kon niet worden geladen:[/] {message}";
    }
}
