using System.CommandLine;
using VarBot.Cli.Teams;

namespace VarBot.Cli.Commands;

/// <summary>`varbot teams-package`: writes the Teams app package for uploading in Teams.</summary>
internal static class TeamsPackageCommand
{
    public static Command Create()
    {
        var botId = new Option<string?>("--bot-id")
        {
            Description = "Microsoft App ID van de bot (GUID). Standaard uit de omgevingsvariabele Bot__MicrosoftAppId.",
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Pad van het pakket.",
            DefaultValueFactory = _ => new FileInfo("appPackage.zip"),
        };
        var version = new Option<string>("--version")
        {
            Description = "Versie van de app (x.y.z).",
            DefaultValueFactory = _ => "1.0.0",
        };
        var website = new Option<string>("--website")
        {
            Description = "Website van de ontwikkelaar in het manifest.",
            DefaultValueFactory = _ => "https://www.veiligheidsalliantie.nl",
        };

        var command = new Command("teams-package", "Maakt appPackage.zip (manifest en pictogrammen) om VarBot in Teams te installeren.")
        {
            botId, output, version, website,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(botId) ?? Environment.GetEnvironmentVariable("Bot__MicrosoftAppId");
            if (string.IsNullOrWhiteSpace(id) || !Guid.TryParse(id, out _))
            {
                Console.Error.WriteLine("Geef de Microsoft App ID van de bot op met --bot-id <GUID> (of zet Bot__MicrosoftAppId).");
                return 2;
            }

            var file = parse.GetValue(output)!;
            TeamsAppPackage.Write(new TeamsAppSettings(id, parse.GetValue(version)!, parse.GetValue(website)!), file.FullName);
            Console.WriteLine($"Teams-apppakket geschreven: {file.FullName}");
            return 0;
        });
        return command;
    }
}
