using System.CommandLine;
using System.CommandLine.Help;
using VarBot.Cli.Commands;

namespace VarBot.Cli;

/// <summary>Builds the varbot command tree and runs it; tests call <see cref="RunAsync"/> in-process.</summary>
internal static class VarBotCli
{
    public static RootCommand CreateRoot(CliEnvironment environment)
    {
        var root = new RootCommand(CliTexts.Root.Description);
        foreach (var command in CommandCatalog.All(environment))
        {
            root.Subcommands.Add(command);
        }

        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => CliTexts.Root.HelpOption,
                VersionOption => CliTexts.Root.VersionOption,
                _ => option.Description,
            };
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRoot(environment).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            environment.Output.WriteLine(CliTexts.Root.ParseErrorsHeader);
            foreach (var error in parseResult.Errors)
            {
                environment.Output.WriteLine("  - " + error.Message);
            }

            environment.Output.WriteLine(CliTexts.Root.ParseErrorsHint);
            return ExitCodes.UsageOrEnvironment;
        }

        var configuration = new InvocationConfiguration { Output = environment.Output, Error = environment.Output };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
