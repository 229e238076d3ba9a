using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>varbot publish: import, refuse on validation errors, then publish the model and move the current pointer.</summary>
internal static class PublishCommand
{
    public const string ConnectionStringVariable = "VARBOT_STORAGE__CONNECTIONSTRING";
    public const string ContainerVariable = "VARBOT_STORAGE__CONTAINER";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";
    public const string DefaultContainer = "varbot";

    public static Command Create(CliEnvironment environment)
    {
        var seeds = SeedsLocation.CreateOption();
        var storage = new CliStorage();
        var command = new Command("publish", "Leest en controleert de seeds en publiceert het kennismodel naar Azure Blob Storage; weigert bij fouten.")
        {
            seeds,
        };
        storage.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(seeds), () => storage.Open(parse, environment), environment, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? seedsOption, Func<IBlobContainer?> openStorage, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var seeds = SeedsLocation.Resolve(seedsOption, environment);
        if (seeds is null)
        {
            return ExitCodes.UsageOrEnvironment;
        }

        var result = SeedsLocation.Import(seeds, environment);
        if (result is null)
        {
            return ExitCodes.UsageOrEnvironment;
        }

        ModelSummary.Print(result.Model, result.Issues, environment);
        if (result.HasErrors)
        {
            IssuePrinter.Print(result.Issues.Where(i => i.Severity == IssueSeverity.Error), seeds, environment);
            environment.Console.MarkupLine($"[red]Niet gepubliceerd: {IssuePrinter.Counts(result.Issues)}.[/] Los de fouten op en probeer opnieuw; het huidige model blijft staan.");
            return ExitCodes.ValidationErrors;
        }

        // Storage is opened only now: seeds with errors never touch it.
        if (openStorage() is not { } container)
        {
            return ExitCodes.UsageOrEnvironment;
        }

        PublishResult published;
        try
        {
            var publisher = new ModelPublisher(container, TimeProvider.System, NullLogger<ModelPublisher>.Instance);
            published = await publisher.PublishAsync(result.Model, cancellationToken);
        }
        catch (Exception exception) when (CliStorage.IsStorageFailure(exception))
        {
            environment.Output.WriteLine(CliStorage.Describe(exception));
            return ExitCodes.UsageOrEnvironment;
        }

        var previous = published.PreviousVersion ?? "geen";
        var stored = published.ModelBlobExisted ? "stond al in de opslag" : "nieuw opgeslagen";
        environment.Console.MarkupLine(Markup.Escape(
            $"Model {published.Version} gepubliceerd in container '{container.Name}': {published.Blob} ({stored}); "
            + $"{ModelRepository.PointerBlob} wijst er nu naar (vorige versie: {previous})."));
        return ExitCodes.Ok;
    }
}
