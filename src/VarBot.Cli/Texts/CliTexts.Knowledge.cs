using VarBot.Knowledge.Model;

namespace VarBot.Cli;

/// <summary>
/// Dutch texts of the knowledge-model commands (import, validate, show, publish) and their shared parts (the seeds
/// folder, validation findings, the summary table); u-form. Texts printed as Spectre markup take their values already
/// escaped by the caller and hold no square brackets of their own.
/// </summary>
internal static partial class CliTexts
{
    public static class Seeds
    {
        public const string Option =
            "Map met de seeds (jaarverslagen/, nieuws/, themes.yaml). Standaard: de map 'seeds' in de huidige map of een bovenliggende map.";

        public const string FolderMissingHint = "Geef met --seeds de map op die jaarverslagen/ en nieuws/ bevat.";

        public const string NotFoundHint = "Start varbot vanuit de repository of geef de map op met --seeds.";

        public const string FileMissing = "In de seeds-map ontbreekt een bestand of map";

        public const string Unreadable = "De seeds kunnen niet worden gelezen";

        public static string FolderMissing(string folder) => $"De seeds-map '{folder}' bestaat niet.";

        public static string NotFound(string currentDirectory) => $"Geen map 'seeds' gevonden in '{currentDirectory}' of een map daarboven.";

        public static string FileMissingDetail(string missing) =>
            $"({missing}). Een seeds-map bevat jaarverslagen/, nieuws/ en themes.yaml; controleer --seeds of herstel het bestand uit git.";

        public static string InvalidYaml(string path, int line) => $"{path}:{line}: dit bestand is geen geldige YAML";

        public static string InvalidYamlDetail(string detail) =>
            $"({detail}). Herstel de regel (vergelijk met de andere items in het bestand of met git) en probeer het opnieuw.";

        public static string UnreadableDetail(string reason) => $"({reason}). Controleer of de bestanden leesbaar zijn.";

        public static string HaveErrors(string counts) => $"Let op: de seeds bevatten {counts}; 'varbot validate' toont ze.";
    }

    public static class Issues
    {
        public const string Error = "fout";

        public const string Warning = "waarschuwing";

        /// <summary>The place of a finding that belongs to no seed file.</summary>
        public const string ModelPlace = "(model)";

        /// <summary>"1 fout, 2 waarschuwingen".</summary>
        public static string Counts(int errors, int warnings) =>
            $"{errors} {(errors == 1 ? "fout" : "fouten")}, {warnings} {(warnings == 1 ? "waarschuwing" : "waarschuwingen")}";
    }

    public static class Summary
    {
        public const string Title = "Kennismodel per jaarverslag / jaarplan";

        public const string Report = "Verslag";

        public const string Themes = "Thema's";

        public const string Passages = "Passages";

        public const string Events = "Evenementen";

        public const string BudgetLines = "Begr.regels";

        public const string Warnings = "Waarsch.";

        public const string Errors = "Fouten";

        public static string News(int count) => $"Nieuws ({count})";

        public static string Totals(KnowledgeModel model) =>
            $"Totaal: {model.Reports.Count} verslagen, {model.Themes.Count} thema's, {model.Passages.Count} passages, "
            + $"{model.Events.Count} evenementen, {model.Budgets.Count} begrotingen, {model.Monitoring.Count} monitorpublicaties, {model.News.Count} nieuwsberichten.";
    }

    public static class Import
    {
        public const string Description = "Leest de jaarverslagen en nieuwsberichten, controleert ze en toont per verslag wat er is ingelezen.";

        public const string OutOption = "Schrijf het kennismodel als JSON naar dit bestand (alleen als er geen fouten zijn).";

        public const string FixErrorsHint = "Los de fouten hierboven op; 'varbot validate' toont ook de waarschuwingen.";

        public const string CannotWrite = "Het model kan niet worden geschreven naar";

        public static string Failed(string counts) => $"Import niet gelukt: {counts}.";

        public static string CannotWriteDetail(string reason) => $"({reason}). Kies met --out een map waarin u mag schrijven.";

        /// <summary>The model version and path come marked up from the caller.</summary>
        public static string Written(string version, string path, double kilobytes) => $"Model {version} geschreven naar {path} ({kilobytes:0.0} kB).";

        public static string Done(string counts) => $"Import gelukt: {counts}.";
    }

    public static class Validate
    {
        public const string Description = "Controleert de seeds en toont elke fout en waarschuwing met bestand en regel.";

        public const string FixBeforePublishing = "Los de fouten op voordat u publiceert.";

        public static string NoErrors(string counts) => $"Geen fouten ({counts}).";
    }

    public static class Publish
    {
        public const string Description = "Leest en controleert de seeds en publiceert het kennismodel naar Azure Blob Storage; weigert bij fouten.";

        public const string FixAndRetry = "Los de fouten op en probeer opnieuw; het huidige model blijft staan.";

        public const string NoPreviousVersion = "geen";

        public const string BlobExisted = "stond al in de opslag";

        public const string BlobNew = "nieuw opgeslagen";

        public static string Refused(string counts) => $"Niet gepubliceerd: {counts}.";

        public static string Published(string version, string container, string blob, string stored, string pointerBlob, string previous) =>
            $"Model {version} gepubliceerd in container '{container}': {blob} ({stored}); {pointerBlob} wijst er nu naar (vorige versie: {previous}).";
    }

    public static class Show
    {
        public const string Description = "Toont evenementen, begrotingen of thema's uit het kennismodel.";

        public const string EventsDescription = "Toont de kennisbijeenkomsten (Leerhuizen, carrousels, conferenties, ...).";

        public const string BudgetsDescription = "Toont de jaarrekeningen en begrotingen met alle regels.";

        public const string ThemesDescription = "Toont de thema's met het aantal passages.";

        public const string YearOption = "Alleen dit jaar, bijvoorbeeld 2025.";

        public const string ModelOption = "Lees een eerder geschreven model (varbot import --out) in plaats van de seeds.";

        public const string EventsTitle = "Evenementen";

        public const string When = "Wanneer";

        public const string Kind = "Soort";

        public const string Title = "Titel";

        public const string Topic = "Onderwerp";

        public const string Theme = "Thema";

        public const string Status = "Status";

        public const string Source = "Bron";

        public const string Side = "Kant";

        public const string Group = "Groep";

        public const string Line = "Regel";

        public const string Amount = "Bedrag (€)";

        public const string Income = "inkomsten";

        public const string Expenses = "uitgaven";

        public const string ThemesTitle = "Thema's";

        public const string Id = "Id";

        public const string Name = "Naam";

        public const string Current = "Actueel";

        public const string Passages = "Passages";

        public const string SucceededBy = "Opgegaan in";

        public const string AlsoKnownAs = "Ook bekend als";

        public const string Yes = "ja";

        public const string No = "nee";

        public static string ModelFileMissing(string path) => $"Het modelbestand '{path}' bestaat niet.";

        public static string ModelFileMissingHint(string modelFile) => $"Maak het met 'varbot import --out {modelFile}'.";

        public static string NotAModel(string path) => $"'{path}' is geen bruikbaar kennismodel";

        public static string NotAModelDetail(string reason) => $"({reason}). Maak het opnieuw met 'varbot import --out'.";

        public static string EventsTitleForYear(int year) => $"Evenementen {year}";

        public static string ThemesTitleForYear(int year) => $"Thema's {year}";

        public static string EventStatusLabel(EventStatus status) => status switch
        {
            EventStatus.Held => "gehouden",
            EventStatus.Cancelled => "afgelast",
            _ => "gepland",
        };

        public static string EventCount(int count) => $"{count} evenementen.";

        public static string BudgetCount(int count) => $"{count} begrotingen.";

        public static string ThemeCount(int count) => $"{count} thema's.";
    }
}
