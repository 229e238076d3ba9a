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
        var command = new Command("publish", CliTexts.Publish.Description)
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
        if (SeedsLocation.LoadAndPrint(seedsOption, environment) is not { Result: var result })
        {
            return ExitCodes.UsageOrEnvironment;
        }

        if (result.HasErrors)
        {
            environment.Console.MarkupLine($"[red]{CliTexts.Publish.Refused(IssuePrinter.Counts(result.Issues))}[/] {CliTexts.Publish.FixAndRetry}");
            return ExitCodes.ValidationErrors;
        }

        // Storage is opened only now: seeds with errors never touch it.
        return await CliStorage.RunAsync(openStorage(), environment, async container =>
        {
            var publisher = new ModelPublisher(container, TimeProvider.System, NullLogger<ModelPublisher>.Instance);
            var published = await publisher.PublishAsync(result.Model, cancellationToken);
            Report(published, container.Name, environment);
            return ExitCodes.Ok;
        });
    }

    private static void Report(PublishResult published, string containerName, CliEnvironment environment)
    {
        var previous = published.PreviousVersion ?? CliTexts.Publish.NoPreviousVersion;
        var stored = published.ModelBlobExisted ? CliTexts.Publish.BlobExisted : CliTexts.Publish.BlobNew;
        environment.Console.MarkupLine(Markup.Escape(
            CliTexts.Publish.Published(published.Version, containerName, published.Blob, stored, ModelRepository.PointerBlob, previous)));
    }
}
