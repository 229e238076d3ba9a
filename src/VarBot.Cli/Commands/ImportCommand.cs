using System.CommandLine;
using Spectre.Console;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;

namespace VarBot.Cli.Commands;

/// <summary>varbot import: build the model from the seeds, print a summary per report, optionally write the JSON.</summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var seeds = SeedsLocation.CreateOption();
        var output = new Option<string?>("--out")
        {
            Description = CliTexts.Import.OutOption,
            HelpName = CliTexts.HelpNames.File,
        };
        var command = new Command("import", CliTexts.Import.Description)
        {
            seeds,
            output,
        };
        command.SetAction(parse => Run(parse.GetValue(seeds), parse.GetValue(output), environment));
        return command;
    }

    private static int Run(string? seedsOption, string? outFile, CliEnvironment environment)
    {
        if (SeedsLocation.LoadAndPrint(seedsOption, environment) is not { Result: var result })
        {
            return ExitCodes.UsageOrEnvironment;
        }

        if (result.HasErrors)
        {
            environment.Console.MarkupLine(
                $"[red]{CliTexts.Import.Failed(IssuePrinter.Counts(result.Issues))}[/] {CliTexts.Import.FixErrorsHint}");
            return ExitCodes.ValidationErrors;
        }

        if (outFile is not null)
        {
            var path = Path.GetFullPath(outFile, environment.CurrentDirectory);
            var json = ModelJson.Serialize(result.Model);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, json);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Import.CannotWrite} '{Markup.Escape(path)}'[/] {CliTexts.Import.CannotWriteDetail(Markup.Escape(ex.Message))}");
                return ExitCodes.UsageOrEnvironment;
            }

            environment.Console.MarkupLine(CliTexts.Import.Written($"[green]{Markup.Escape(result.Model.Version)}[/]", Markup.Escape(path), json.Length / 1024.0));
        }

        environment.Console.MarkupLine(CliTexts.Import.Done(IssuePrinter.Counts(result.Issues)));
        return ExitCodes.Ok;
    }
}
