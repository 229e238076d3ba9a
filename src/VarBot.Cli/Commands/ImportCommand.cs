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
            Description = "Schrijf het kennismodel als JSON naar dit bestand (alleen als er geen fouten zijn).",
            HelpName = "BESTAND",
        };
        var command = new Command("import", "Leest de jaarverslagen en nieuwsberichten, controleert ze en toont per verslag wat er is ingelezen.")
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
                $"[red]Import niet gelukt: {IssuePrinter.Counts(result.Issues)}.[/] Los de fouten hierboven op; 'varbot validate' toont ook de waarschuwingen.");
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
                environment.Console.MarkupLine($"[red]Het model kan niet worden geschreven naar '{Markup.Escape(path)}'[/] ({Markup.Escape(ex.Message)}). Kies met --out een map waarin u mag schrijven.");
                return ExitCodes.UsageOrEnvironment;
            }

            environment.Console.MarkupLine($"Model [green]{Markup.Escape(result.Model.Version)}[/] geschreven naar {Markup.Escape(path)} ({json.Length / 1024.0:0.0} kB).");
        }

        environment.Console.MarkupLine($"Import gelukt: {IssuePrinter.Counts(result.Issues)}.");
        return ExitCodes.Ok;
    }
}
