// Benchmarks print their figures; run with: dotnet run -c Release --project benchmarks/VarBot.Benchmarks -- <name>
Console.WriteLine("usage: VarBot.Benchmarks <import|model-load|answers|newsletter>");
return 2;
