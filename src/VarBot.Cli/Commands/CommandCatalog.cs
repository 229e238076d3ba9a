using System.CommandLine;

namespace VarBot.Cli.Commands;

/// <summary>Every top-level command of the varbot tool; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliEnvironment environment) =>
    [
        ImportCommand.Create(environment),
        ValidateCommand.Create(environment),
        ShowCommand.Create(environment),
        PublishCommand.Create(environment),
        AskCommand.Create(environment),
        EvalCommand.Create(environment),
        TeamsPackageCommand.Create(environment),
        NewsletterCommand.Create(environment),
        SubscribersCommand.Create(environment),
        FeedbackCommand.Create(environment),
        RollbackCommand.Create(environment),
    ];
}
