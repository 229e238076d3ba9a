using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>
/// `varbot rollback VERSION` points models/current.json at an earlier published model version (If-Match on the pointer,
/// like a publish); `varbot rollback --list` (or no version) lists the stored versions, newest first. An unknown or
/// unreadable version is refused with a Dutch message and exit code 2; the current model then stays.
/// </summary>
internal static class RollbackCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var version = new Argument<string?>(CliTexts.HelpNames.VersionArgument) { Description = CliTexts.Rollback.VersionArgument, Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = CliTexts.Rollback.ListOption };
        var storage = new CliStorage();
        var command = new Command("rollback", CliTexts.Rollback.Description) { version, list };
        storage.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            CliStorage.RunAsync(storage.Open(parse, environment), environment, container => RunAsync(parse.GetValue(version), parse.GetValue(list), container, environment.Output, cancellationToken)));
        return command;
    }

    private static Task<int> RunAsync(string? version, bool list, IBlobContainer container, TextWriter output, CancellationToken cancellationToken) =>
        list || version is null
            ? ListAsync(container, output, cancellationToken)
            : RollBackAsync(version.Trim(), container, output, cancellationToken);

    private static async Task<int> ListAsync(IBlobContainer container, TextWriter output, CancellationToken cancellationToken)
    {
        var repository = new ModelRepository(container);
        var pointer = (await repository.GetPointerAsync(cancellationToken))?.Pointer;
        var versions = new List<BlobProperties>();
        await foreach (var blob in container.ListAsync("models/", cancellationToken))
        {
            if (blob.Name != ModelRepository.PointerBlob && blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                versions.Add(blob);
            }
        }

        if (versions.Count == 0)
        {
            output.WriteLine(CliTexts.Rollback.NothingPublished);
            return ExitCodes.Ok;
        }

        output.WriteLine(CliTexts.Rollback.ListHeader(container.Name, versions.Count));
        foreach (var blob in versions.OrderByDescending(b => b.LastModified).ThenBy(b => b.Name, StringComparer.Ordinal))
        {
            var name = blob.Name["models/".Length..^".json".Length];
            var stored = DutchTime.Local(blob.LastModified);
            var when = CliTexts.Rollback.Stored(DutchFormat.Date(DateOnly.FromDateTime(stored.DateTime)), stored.ToString("HH:mm", CultureInfo.InvariantCulture));
            var mark = name == pointer?.Version ? CliTexts.Rollback.CurrentMark : name == pointer?.Previous ? CliTexts.Rollback.PreviousMark : null;
            output.WriteLine($"  {(name == pointer?.Version ? '*' : ' ')} {name}  {when}{(mark is null ? "" : $"  ({mark})")}");
        }

        output.WriteLine(CliTexts.Rollback.ListHint);
        return ExitCodes.Ok;
    }

    private static async Task<int> RollBackAsync(string version, IBlobContainer container, TextWriter output, CancellationToken cancellationToken)
    {
        if (!ModelRepository.IsValidVersion(version))
        {
            output.WriteLine(CliTexts.Rollback.InvalidVersion(version));
            return ExitCodes.UsageOrEnvironment;
        }

        if (await container.GetPropertiesAsync(ModelRepository.ModelBlobName(version), cancellationToken) is null)
        {
            output.WriteLine(CliTexts.Rollback.UnknownVersion(version, container.Name));
            return ExitCodes.UsageOrEnvironment;
        }

        if ((await new ModelRepository(container).GetPointerAsync(cancellationToken))?.Pointer.Version == version)
        {
            output.WriteLine(CliTexts.Rollback.AlreadyCurrent(version));
            return ExitCodes.Ok;
        }

        PublishResult result;
        try
        {
            result = await new ModelPublisher(container, TimeProvider.System, NullLogger<ModelPublisher>.Instance).SetCurrentAsync(version, cancellationToken);
        }
        catch (InvalidModelException)
        {
            output.WriteLine(CliTexts.Rollback.Unreadable(version));
            return ExitCodes.UsageOrEnvironment;
        }

        output.WriteLine(CliTexts.Rollback.Done(version, result.PreviousVersion));
        return ExitCodes.Ok;
    }
}
