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
            Description = CliTexts.TeamsPackage.BotIdOption,
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = CliTexts.TeamsPackage.OutOption,
            DefaultValueFactory = _ => new FileInfo("appPackage.zip"),
        };
        var version = new Option<string>("--version")
        {
            Description = CliTexts.TeamsPackage.VersionOption,
            DefaultValueFactory = _ => "1.0.0",
        };
        var website = new Option<string>("--website")
        {
            Description = CliTexts.TeamsPackage.WebsiteOption,
            DefaultValueFactory = _ => "https://www.veiligheidsalliantie.nl",
        };

        var command = new Command("teams-package", CliTexts.TeamsPackage.Description)
        {
            botId, output, version, website,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(botId) ?? Environment.GetEnvironmentVariable("Bot__MicrosoftAppId");
            if (string.IsNullOrWhiteSpace(id) || !Guid.TryParse(id, out _))
            {
                Console.Error.WriteLine(CliTexts.TeamsPackage.MissingBotId);
                return 2;
            }

            var file = parse.GetValue(output)!;
            TeamsAppPackage.Write(new TeamsAppSettings(id, parse.GetValue(version)!, parse.GetValue(website)!), file.FullName);
            Console.WriteLine(CliTexts.TeamsPackage.Written(file.FullName));
            return 0;
        });
        return command;
    }
}
