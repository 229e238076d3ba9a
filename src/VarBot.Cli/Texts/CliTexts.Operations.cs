namespace VarBot.Cli;

/// <summary>Dutch texts of the operator commands (storage access, rollback); u-form.</summary>
internal static partial class CliTexts
{
    public static class Storage
    {
        public const string ConnectionStringOption =
            "Connection string van het storage-account. Standaard: VARBOT_STORAGE__CONNECTIONSTRING of Storage__ConnectionString, anders UseDevelopmentStorage=true (Azurite).";

        public const string ServiceUriOption =
            "Blob-adres van het storage-account (https://<account>.blob.core.windows.net), aangemeld met Entra ID (az login of managed identity) in plaats van een sleutel. Standaard: VARBOT_STORAGE__SERVICEURI of Storage__ServiceUri.";

        public const string ContainerOption = "Naam van de blob-container. Standaard: VARBOT_STORAGE__CONTAINER of Storage__Container, anders 'varbot'.";

        public const string BothGiven = "Geef een connection string óf een blob-adres (--service-uri) op, niet allebei.";

        public const string BadConnectionString =
            "De connection string is onvolledig of onjuist. Geef een geldige waarde met --connection-string of VARBOT_STORAGE__CONNECTIONSTRING, bijvoorbeeld 'UseDevelopmentStorage=true' voor Azurite.";

        public const string SignInFailed =
            "Aanmelden bij de opslag is mislukt. Meld u aan met 'az login' (met een account dat de rol Storage Blob Data Contributor heeft) of gebruik --connection-string.";

        public const string SignInFailedReason = "aanmelden mislukt";

        public const string NoConnectionReason = "geen verbinding";

        public const string InvalidStoredModelReason = "het opgeslagen model is ongeldig";

        public static string BadServiceUri(string value) =>
            $"'{value}' is geen geldig blob-adres. Gebruik de vorm https://<account>.blob.core.windows.net.";

        public static string BadContainerName(string name) =>
            $"'{name}' is geen geldige containernaam. Gebruik 3-63 kleine letters, cijfers en streepjes, bijvoorbeeld 'varbot'.";

        public static string Unreachable(string reason) =>
            $"De opslag is niet bereikbaar of weigert de opdracht ({reason}). Start Azurite of controleer --connection-string / --service-uri en uw toegangsrechten.";
    }

    public static class Rollback
    {
        public const string Description =
            "Zet het kennismodel terug op een eerder gepubliceerde versie (models/current.json), of toont de versies. De bot gebruikt de versie binnen 30 seconden.";

        public const string VersionArgument = "De modelversie om naar terug te gaan (zie 'varbot rollback --list').";

        public const string ListOption = "Toont de gepubliceerde versies, nieuwste eerst, zonder iets te wijzigen.";

        public const string NothingPublished = "Er is in deze container nog geen kennismodel gepubliceerd. Publiceer eerst met 'varbot publish'.";

        public const string ListHint = "Terugzetten: varbot rollback <versie>";

        public const string CurrentMark = "huidig";

        public const string PreviousMark = "vorige";

        public static string ListHeader(string container, int count) =>
            $"{count} modelversie{(count == 1 ? "" : "s")} in container '{container}' (nieuwste eerst):";

        public static string Stored(string date, string time) => $"opgeslagen {date} {time}";

        public static string UnknownVersion(string version, string container) =>
            $"Versie '{version}' bestaat niet in container '{container}'. Bekijk de beschikbare versies met 'varbot rollback --list'.";

        public static string InvalidVersion(string version) =>
            $"'{version}' is geen geldige modelversie. Een versie bestaat uit letters, cijfers, '.', '_' en '-'; zie 'varbot rollback --list'.";

        public static string Unreadable(string version) =>
            $"Versie '{version}' kan door deze versie van VarBot niet worden gelezen (ander schema of beschadigd); het huidige model blijft staan.";

        public static string AlreadyCurrent(string version) => $"Versie {version} is al het huidige model; er is niets gewijzigd.";

        public static string Done(string version, string? previous) =>
            $"Het huidige model is nu versie {version} (was: {previous ?? "geen"}). De bot en de nieuwsbrief gebruiken deze versie binnen 30 seconden.";
    }
}
