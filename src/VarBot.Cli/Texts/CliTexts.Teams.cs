namespace VarBot.Cli;

/// <summary>Dutch texts of <c>varbot teams-package</c> and of the Teams app manifest it writes; u-form.</summary>
internal static partial class CliTexts
{
    public static class TeamsPackage
    {
        public const string Description = "Maakt appPackage.zip (manifest en pictogrammen) om VarBot in Teams te installeren.";

        public const string BotIdOption = "Microsoft App ID van de bot (GUID). Standaard uit de omgevingsvariabele Bot__MicrosoftAppId.";

        public const string OutOption = "Pad van het pakket.";

        public const string VersionOption = "Versie van de app (x.y.z).";

        public const string WebsiteOption = "Website van de ontwikkelaar in het manifest.";

        public const string MissingBotId = "Geef de Microsoft App ID van de bot op met --bot-id <GUID> (of zet Bot__MicrosoftAppId).";

        public const string BadBotId = "De bot-id moet een GUID zijn (de Microsoft App ID van de bot).";

        public static string Written(string path) => $"Teams-apppakket geschreven: {path}";
    }

    /// <summary>What Teams shows of the app: names, descriptions, the search extension and the prompt starters.</summary>
    public static class TeamsManifest
    {
        public const string DeveloperName = "VeiligheidsAlliantie Rotterdam";

        public const string FullName = "VarBot – kennisbot van de VeiligheidsAlliantie regio Rotterdam";

        public const string ShortDescription = "Vragen over thema's, Leerhuizen en begroting van de VAR.";

        public const string FullDescription =
            "VarBot beantwoordt vragen van netwerkpartners over de thema's, kennisbijeenkomsten (Leerhuizen, carrousels, conferenties) en de begroting en jaarrekening van de VeiligheidsAlliantie regio Rotterdam, met bronvermelding uit de jaarverslagen.";

        public const string SearchTitle = "Zoeken in VarBot";

        public const string SearchDescription = "Zoek een Leerhuis, thema of nieuwsbericht van de VAR en voeg het als kaart in.";

        public const string SearchParameterTitle = "Zoekterm";

        public const string SearchParameterDescription = "Bijvoorbeeld leerhuis of mensenhandel";

        /// <summary>
        /// Prompt starters of the 1:1 chat (at most 10). A click sends the title as the member's message, so every title is
        /// something the bot answers: a question for the engine, or one of the bot's own commands.
        /// </summary>
        public static readonly IReadOnlyList<(string Title, string Description)> PersonalCommands =
        [
            ("Volgende Leerhuis", "Wanneer is het volgende Leerhuis?"),
            ("Begroting dit jaar", "Wat is de begroting van de VAR voor dit jaar?"),
            ("Thema's", "Aan welke thema's werkt de VAR?"),
            ("Wat is nieuw?", "Het laatste nieuws van de VAR"),
            ("Herinner mij aan Leerhuizen", "Een herinnering een week en een dag voor elk Leerhuis, de Najaarscarrousel en conferenties"),
            ("Stop herinneringen", "Geen herinneringen meer ontvangen"),
            ("Nieuwsbrief", "Aanmelden voor de maandelijkse nieuwsbrief"),
            ("Hulp", "Wat kunt u VarBot vragen?"),
        ];

        /// <summary>Commands in teams and group chats, where the bot answers when it is @mentioned.</summary>
        public static readonly IReadOnlyList<(string Title, string Description)> GroupCommands =
        [
            ("Volgende Leerhuis", "Wanneer is het volgende Leerhuis?"),
            ("Begroting dit jaar", "Wat is de begroting van de VAR voor dit jaar?"),
            ("Thema's", "Aan welke thema's werkt de VAR?"),
            ("Wat is nieuw?", "Het laatste nieuws van de VAR"),
            ("Kanaal-id", "Het id van dit kanaal, om hier de nieuwsbrief te laten posten"),
            ("Hulp", "Wat kunt u VarBot vragen?"),
        ];
    }
}
