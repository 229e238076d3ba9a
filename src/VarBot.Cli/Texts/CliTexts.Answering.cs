namespace VarBot.Cli;

/// <summary>
/// Dutch texts of <c>varbot ask</c>, <c>varbot eval</c> and where they load the model from; u-form. Texts printed as
/// Spectre markup take their values already escaped by the caller and hold no square brackets of their own.
/// </summary>
internal static partial class CliTexts
{
    public static class Ask
    {
        public const string Description = "Beantwoordt een vraag uit het kennismodel, zoals de bot dat doet.";

        public const string QuestionArgument = "De vraag in het Nederlands.";

        public const string AsOfOption = "De datum van vandaag (JJJJ-MM-DD). Standaard: vandaag.";

        public const string JsonOption = "Schrijf het hele antwoord als JSON.";

        public const string TraceOption = "Toon op stderr hoe de vraag is gelezen en naar welk antwoordtype die is geleid.";

        public const string BatchOption =
            "JSONL-bestand met regels {\"id\",\"question\",\"as_of\"?,\"conversation\"?}; schrijft per regel {\"id\",\"answer\",\"intent\",\"sources\"}.";

        public const string NoQuestion = "Geef een vraag";

        public const string NoQuestionHint = ", bijvoorbeeld: varbot ask \"Wanneer is het volgende Leerhuis?\", of een bestand met --batch.";

        public const string BatchFileMissingHint = "Geef met --batch een JSONL-bestand op.";

        public const string BadLineHint = "Elke regel is {\"id\",\"question\"}.";

        public static string BadLine(int line, string file) => $"Regel {line} van '{file}' is geen geldig JSON-object.";
    }

    public static class Eval
    {
        public const string Description = "Beoordeelt de antwoorden op een vragenset: per categorie, elke fout, en tot slot 'N passed, M failed'.";

        public const string FileArgument = "Vragenset (JSONL, formaat van eval/README.md).";

        public const string AsOfOption = "Datum voor regels zonder as_of (JJJJ-MM-DD). Standaard: vandaag.";

        public const string Failed = "MISLUKT";

        public const string Answer = "  antwoord: ";

        public static string BadSet(string path) => $"'{path}' is geen geldige vragenset";

        public static string BadSetDetail(string reason) => $"({reason}). Elke regel is een JSON-object zoals in eval/README.md.";
    }

    /// <summary>Where ask and eval get the model: --model, blob storage or the seeds.</summary>
    public static class ModelSource
    {
        public const string ModelOption = "Kennismodel (JSON-bestand) in plaats van opslag of seeds.";

        public const string BadDateHint = "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-23.";

        public const string NothingPublishedHint = "Publiceer er een met 'varbot publish', of gebruik --model BESTAND.";

        public const string CannotLoadFromStorage = "Het model kan niet uit blob storage worden geladen";

        public static string Unreadable(string path) => $"Het model '{path}' kan niet worden gelezen";

        public static string UnreadableDetail(string reason) => $"({reason}). Maak er een met 'varbot import --out BESTAND'.";

        public static string Invalid(string path) => $"'{path}' is geen geldig kennismodel";

        public static string InvalidDetail(string reason) => $"({reason}). Maak een nieuw model met 'varbot import --out BESTAND'.";

        public static string NothingPublished(string container) => $"In container '{container}' staat nog geen gepubliceerd model.";

        public static string CannotLoadFromStorageDetail(string reason, string connectionStringVariable) =>
            $"({reason}). Start Azurite (npx azurite-blob) of controleer --connection-string / {connectionStringVariable} en de toegangsrechten.";
    }
}
