using System.CommandLine;
using VarBot.Answering;

namespace VarBot.Cli.Commands;

/// <summary><c>varbot eval FILE.jsonl</c>: grades a question set, per category and per failure.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("bestand") { Description = "Vragenset (JSONL, formaat van eval/README.md)." };
        var asOf = new Option<string?>("--as-of") { Description = "Datum voor regels zonder as_of (JJJJ-MM-DD)." };
        var modelFile = ModelSource.ModelOption();
        var seeds = ModelSource.SeedsOption();
        var command = new Command("eval", "Beoordeel de antwoorden op een vragenset.") { file, asOf, modelFile, seeds };
        command.SetAction(parse =>
        {
            var engine = AnswerEngine.Build(ModelSource.Load(parse.GetValue(modelFile), parse.GetValue(seeds)));
            var items = Evaluation.Parse(File.ReadLines(parse.GetValue(file)!.FullName));
            var results = Evaluation.Run(engine, items, ModelSource.Today(parse.GetValue(asOf)));
            foreach (var group in results.GroupBy(r => r.Item.Category).OrderBy(g => g.Key))
            {
                Console.WriteLine($"{group.Key,-12} {group.Count(r => r.Passed)}/{group.Count()}");
            }

            foreach (var failure in results.Where(r => !r.Passed))
            {
                Console.WriteLine();
                Console.WriteLine($"MISLUKT {failure.Item.Id} [{failure.Intent}] {failure.Item.Question}");
                foreach (var problem in failure.Problems)
                {
                    Console.WriteLine("  " + problem);
                }

                Console.WriteLine("  antwoord: " + failure.Answer.Replace("\n", "\n            "));
            }

            var passed = results.Count(r => r.Passed);
            Console.WriteLine();
            Console.WriteLine($"{passed} passed, {results.Count - passed} failed");
            return passed == results.Count ? 0 : 1;
        });
        return command;
    }
}
