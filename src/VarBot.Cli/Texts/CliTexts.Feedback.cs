namespace VarBot.Cli;

/// <summary>Dutch texts of <c>varbot feedback</c>; u-form.</summary>
internal static partial class CliTexts
{
    public static class Feedback
    {
        public const string Description = "Toont onbeantwoorde vragen en 'Niet nuttig'-reacties uit de bot, voor de redactie.";

        public const string SinceOption = "Alleen feedback vanaf deze datum (JJJJ-MM-DD).";

        public const string IncludePositiveOption = "Toon ook de antwoorden die als 'Nuttig' zijn gemarkeerd.";

        public const string BadDateHint = "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-01.";

        public const string Unanswered = "Onbeantwoord";

        public const string NotUseful = "Niet nuttig";

        public const string Useful = "Nuttig";

        public const string UnknownQuestion = "(vraag onbekend)";

        public static string Skipped(string blobName) => $"Overgeslagen (onleesbaar): {blobName}";

        /// <summary>"Feedback vanaf 1 maart 2026: 2 onbeantwoord, 1 niet nuttig, 0 nuttig."; <paramref name="since"/> is a Dutch date or null.</summary>
        public static string Totals(string? since, int unanswered, int notUseful, int useful) =>
            $"Feedback{(since is null ? "" : $" vanaf {since}")}: {unanswered} onbeantwoord, {notUseful} niet nuttig, {useful} nuttig.";
    }
}
