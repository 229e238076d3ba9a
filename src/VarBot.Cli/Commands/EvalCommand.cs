using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using VarBot.Answering;

namespace VarBot.Cli.Commands;

/// <summary><c>varbot eval FILE.jsonl</c>: grades a question set, per category and per failure, ending with "N passed, M failed".</summary>
internal static class EvalCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>(CliTexts.HelpNames.FileArgument) { Description = CliTexts.Eval.FileArgument };
        var asOf = AnswerModelSource.AsOfOption(CliTexts.Eval.AsOfOption);
        var source = new AnswerModelSource();
        var command = new Command("eval", CliTexts.Eval.Description) { file, asOf };
        source.AddOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!AnswerModelSource.TryToday(parse.GetValue(asOf), environment, out var today))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var path = Path.GetFullPath(parse.GetValue(file)!, environment.CurrentDirectory);
            if (!File.Exists(path))
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Input.FileMissing(Markup.Escape(path))}[/]");
                return ExitCodes.UsageOrEnvironment;
            }

            IReadOnlyList<EvalItem> items;
            try
            {
                items = Evaluation.Parse(File.ReadLines(path));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Eval.BadSet(Markup.Escape(path))}[/] {CliTexts.Eval.BadSetDetail(Markup.Escape(ex.Message))}");
                return ExitCodes.UsageOrEnvironment;
            }

            var model = await source.LoadAsync(parse, environment, cancellationToken);
            if (model is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var results = Evaluation.Run(AnswerEngine.Build(model), items, today);
            var output = environment.Output;
            foreach (var group in results.GroupBy(r => r.Item.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"{group.Key,-12} {group.Count(r => r.Passed)}/{group.Count()}");
            }

            foreach (var failure in results.Where(r => !r.Passed))
            {
                output.WriteLine();
                output.WriteLine($"{CliTexts.Eval.Failed} {failure.Item.Id} [{failure.Intent}] {failure.Item.Question}");
                foreach (var problem in failure.Problems)
                {
                    output.WriteLine("  " + problem);
                }

                output.WriteLine(CliTexts.Eval.Answer + failure.Answer.Replace("\n", "\n            ", StringComparison.Ordinal));
            }

            var passed = results.Count(r => r.Passed);
            output.WriteLine();
            output.WriteLine($"{passed} passed, {results.Count - passed} failed");
            return passed == results.Count ? ExitCodes.Ok : ExitCodes.ValidationErrors;
        });
        return command;
    }
}
