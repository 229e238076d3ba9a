using VarBot.Cli;

return await VarBotCli.RunAsync(args, CliEnvironment.FromProcess());
