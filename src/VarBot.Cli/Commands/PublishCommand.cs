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
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = $"Connection string van het storage-account. Standaard: omgevingsvariabele {ConnectionStringVariable}, anders {DevelopmentStorage} (Azurite).",
            HelpName = "TEKST",
        };
        var container = new Option<string?>("--container")
        {
            Description = $"Naam van de blob-container. Standaard: {ContainerVariable}, anders '{DefaultContainer}'.",
            HelpName = "NAAM",
        };
        var command = new Command("publish", "Leest en controleert de seeds en publiceert het kennismodel naar Azure Blob Storage; weigert bij fouten.")
        {
            seeds,
            connectionString,
            container,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(seeds), parse.GetValue(connectionString), parse.GetValue(container), environment, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? seedsOption, string? connectionOption, string? containerOption, CliEnvironment environment, CancellationToken cancellationToken)
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

        var connectionString = connectionOption ?? NonEmpty(environment.GetEnvironmentVariable(ConnectionStringVariable)) ?? DevelopmentStorage;
        var containerName = containerOption ?? NonEmpty(environment.GetEnvironmentVariable(ContainerVariable)) ?? DefaultContainer;
        IBlobContainer container;
        try
        {
            container = BlobContainerFactory.Create(connectionString, containerName);
        }
        catch (FormatException)
        {
            // The message could echo parts of the connection string: never print it.
            environment.Console.MarkupLine(
                $"[red]De connection string is onvolledig of onjuist.[/] Geef een geldige waarde met --connection-string of {ConnectionStringVariable}, "
                + $"bijvoorbeeld '{DevelopmentStorage}' voor Azurite.");
            return ExitCodes.UsageOrEnvironment;
        }
        catch (ArgumentException)
        {
            environment.Console.MarkupLine(
                $"[red]'{Markup.Escape(containerName)}' is geen geldige containernaam.[/] Gebruik 3-63 kleine letters, cijfers en streepjes, bijvoorbeeld '{DefaultContainer}'.");
            return ExitCodes.UsageOrEnvironment;
        }

        PublishResult published;
        try
        {
            var publisher = new ModelPublisher(container, TimeProvider.System, NullLogger<ModelPublisher>.Instance);
            published = await publisher.PublishAsync(result.Model, cancellationToken);
        }
        catch (BlobStorageException ex)
        {
            environment.Console.MarkupLine(
                $"[red]Blob storage is niet bereikbaar of weigert de opdracht[/] ({Markup.Escape(ex.Status is { } status ? $"HTTP {status}" : "geen verbinding")}). "
                + $"Start Azurite (npx azurite-blob) of controleer --connection-string / {ConnectionStringVariable} en de toegangsrechten.");
            return ExitCodes.UsageOrEnvironment;
        }

        var previous = published.PreviousVersion ?? "geen";
        var stored = published.ModelBlobExisted ? "stond al in de opslag" : "nieuw opgeslagen";
        environment.Console.MarkupLine(Markup.Escape(
            $"Model {published.Version} gepubliceerd in container '{containerName}': {published.Blob} ({stored}); "
            + $"{ModelRepository.PointerBlob} wijst er nu naar (vorige versie: {previous})."));
        return ExitCodes.Ok;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
