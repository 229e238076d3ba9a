using System.CommandLine;
using VarBot.Cli.Commands;

var root = new RootCommand("varbot: beheer van het VarBot-kennismodel, de bot en de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
