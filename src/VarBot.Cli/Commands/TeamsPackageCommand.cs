using System.CommandLine;
using VarBot.Cli.Teams;

namespace VarBot.Cli.Commands;

/// <summary>`varbot teams-package`: writes the Teams app package for uploading in Teams.</summary>
internal static class TeamsPackageCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var botId = new Option<string?>("--bot-id")
        {
            Description = CliTexts.TeamsPackage.BotIdOption,
        };
        var output = new Option<string>("--out")
        {
            Description = CliTexts.TeamsPackage.OutOption,
            DefaultValueFactory = _ => "appPackage.zip",
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
            var id = parse.GetValue(botId) ?? environment.GetEnvironmentVariable("Bot__MicrosoftAppId");
            if (string.IsNullOrWhiteSpace(id) || !Guid.TryParse(id, out _))
            {
                environment.Output.WriteLine(CliTexts.TeamsPackage.MissingBotId);
                return ExitCodes.UsageOrEnvironment;
            }

            var file = Path.GetFullPath(parse.GetValue(output)!, environment.CurrentDirectory);
            TeamsAppPackage.Write(new TeamsAppSettings(id, parse.GetValue(version)!, parse.GetValue(website)!), file);
            environment.Output.WriteLine(CliTexts.TeamsPackage.Written(file));
            return 0;
        });
        return command;
    }
}
