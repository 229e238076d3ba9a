using System.CommandLine;
using Spectre.Console;
using VarBot.Knowledge.Import;

namespace VarBot.Cli.Commands;

/// <summary>varbot validate: list every finding with file and line.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var seeds = SeedsLocation.CreateOption();
        var command = new Command("validate", CliTexts.Validate.Description) { seeds };
        command.SetAction(parse => Run(parse.GetValue(seeds), environment));
        return command;
    }

    private static int Run(string? seedsOption, CliEnvironment environment)
    {
        if (SeedsLocation.Load(seedsOption, environment) is not { Directory: var seeds, Result: var result })
        {
            return ExitCodes.UsageOrEnvironment;
        }

        IssuePrinter.Print(result.Issues, seeds, environment);
        if (result.HasErrors)
        {
            environment.Console.MarkupLine($"[red]{IssuePrinter.Counts(result.Issues)}.[/] {CliTexts.Validate.FixBeforePublishing}");
            return ExitCodes.ValidationErrors;
        }

        environment.Console.MarkupLine(Markup.Escape(CliTexts.Validate.NoErrors(IssuePrinter.Counts(result.Issues))));
        return ExitCodes.Ok;
    }
}
