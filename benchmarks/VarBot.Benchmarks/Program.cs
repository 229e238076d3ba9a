using VarBot.Benchmarks;

// Benchmarks print their figures (not timed tests). Run one with:
//   dotnet run -c Release --project benchmarks/VarBot.Benchmarks -- <name> [args]
// The figures are recorded in BENCHMARKS.md.
return args.FirstOrDefault() switch
{
    "import" => ImportBenchmark.Run(args[1..]),
    "model-load" => await ModelLoadBenchmark.RunAsync(args[1..]),
    "conversation-write" => await ConversationWriteBenchmark.RunAsync(args[1..]),
    "answers" => AnswerBenchmark.Run(args[1..]),
    "search-compare" => SearchComparison.Run(args[1..]),
    "newsletter" => await NewsletterBenchmark.RunAsync(args[1..]),
    "load" => await LoadBenchmark.RunAsync(args[1..]),
    "serve" => await LoadBenchmark.ServeAsync(args[1..]),
    "turn" => await TurnBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: VarBot.Benchmarks <import|model-load|conversation-write|answers|search-compare|newsletter|load|serve|turn> [args]");
    return 2;
}
