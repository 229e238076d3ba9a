namespace VarBot.Cli;

/// <summary>Dutch texts of the root command, the parse errors and the help names shared by many options; u-form.</summary>
internal static partial class CliTexts
{
    public static class Root
    {
        public const string Description =
            "varbot: beheer van het VarBot-kennismodel, de bot en de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam.";

        public const string HelpOption = "Toont hulp bij varbot of bij een opdracht.";

        public const string VersionOption = "Toont het versienummer van varbot.";

        public const string ParseErrorsHeader = "De opdracht is niet goed opgegeven:";

        public const string ParseErrorsHint = "Gebruik 'varbot --help' of 'varbot <opdracht> --help' voor de mogelijkheden.";
    }

    /// <summary>Messages about values given on the command line, shared by several commands.</summary>
    public static class Input
    {
        public static string FileMissing(string path) => $"Het bestand '{path}' bestaat niet.";

        public static string NotADate(string text) => $"'{text}' is geen datum.";

        public static string NotAMonth(string text) => $"'{text}' is geen maand.";
    }

    /// <summary>The placeholders help shows for option values and arguments ("--out BESTAND", "&lt;vraag&gt;").</summary>
    public static class HelpNames
    {
        public const string File = "BESTAND";

        public const string Folder = "MAP";

        public const string Name = "NAAM";

        public const string Text = "TEKST";

        public const string Url = "URL";

        public const string Year = "JAAR";

        public const string Date = "JJJJ-MM-DD";

        public const string Month = "JJJJ-MM";

        public const string Email = "E-MAIL";

        public const string Seconds = "SECONDEN";

        public const string Count = "N";

        public const string QuestionArgument = "vraag";

        public const string FileArgument = "bestand";

        public const string VersionArgument = "versie";
    }
}
