using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Cli.Commands;

/// <summary>
/// varbot subscribers add|import|export|forget|migrate-keys. Addresses are shown only where staff ask for them (export),
/// and never with control characters: a name like "\e[2J" cannot drive the terminal.
/// </summary>
internal static class SubscribersCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("subscribers", CliTexts.Subscribers.Description);
        var storage = new CliStorage();
        storage.AddTo(command, recursive: true);
        command.Subcommands.Add(Add(environment, storage));
        command.Subcommands.Add(Import(environment, storage));
        command.Subcommands.Add(Export(environment, storage));
        command.Subcommands.Add(Forget(environment, storage));
        command.Subcommands.Add(MigrateKeys(environment, storage));
        return command;
    }

    private static Command Add(CliEnvironment environment, CliStorage storage)
    {
        var email = new Argument<string>("email") { Description = CliTexts.Subscribers.EmailArgument };
        var name = new Option<string?>("--name") { Description = CliTexts.Subscribers.NameOption };
        var themes = new Option<string[]>("--theme") { Description = CliTexts.Subscribers.ThemeOption, AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", CliTexts.Subscribers.AddDescription) { email, name, themes };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var address = parse.GetValue(email)!.Trim();
            var chosen = parse.GetValue(themes) ?? [];
            var store = services.GetRequiredService<SubscriberStore>();
            if (SubscriptionService.CheckAddress(address) is null && await store.GetAsync(address, ct) is not null)
            {
                // Staff are authenticated by their storage credentials: they may change a known subscriber.
                await store.UpsertByStaffAsync(address, parse.GetValue(name), chosen, "cli", ct);
                environment.Console.MarkupLine(CliTexts.Subscribers.Updated);
                return ExitCodes.Ok;
            }

            var result = await services.GetRequiredService<SubscriptionService>().SubscribeAsync(address, parse.GetValue(name), chosen, "cli", client: null, ct);
            if (result == SubscribeResult.ConfirmationSent)
            {
                environment.Console.MarkupLine(CliTexts.Subscribers.ConfirmationSent);
                return ExitCodes.Ok;
            }

            environment.Console.MarkupLine($"[red]{Markup.Escape(SubscriptionService.ProblemText(result) ?? result.ToString())}[/]");
            return ExitCodes.UsageOrEnvironment;
        });
        return command;
    }

    private static Command Import(CliEnvironment environment, CliStorage storage)
    {
        var file = new Argument<string>(CliTexts.Subscribers.FileArgument) { Description = CliTexts.Subscribers.FileArgumentDescription };
        var dryRun = new Option<bool>("--dry-run") { Description = CliTexts.Subscribers.DryRunOption };
        var model = new Option<string?>("--model") { Description = CliTexts.Subscribers.ModelOption, HelpName = CliTexts.Subscribers.FileHelpName };
        var seeds = SeedsLocation.CreateOption();
        var command = new Command("import", CliTexts.Subscribers.ImportDescription)
        {
            file, dryRun, model, seeds,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!, environment.CurrentDirectory);
            if (!File.Exists(path))
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Subscribers.FileMissing(Markup.Escape(path))}[/]");
                return ExitCodes.UsageOrEnvironment;
            }

            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var loaded = await NewsletterCliServices.LoadModelAsync(parse.GetValue(model), parse.GetValue(seeds), services, environment, ct);
            if (loaded is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 64 * 1024 });
            var report = await services.GetRequiredService<SubscriberImporter>()
                .ImportAsync(reader, path, new ThemeResolver(loaded.Themes), parse.GetValue(dryRun), ct);
            foreach (var issue in report.Issues)
            {
                var colour = issue.Kind == ImportIssueKind.Mapped ? "grey" : "yellow";
                environment.Console.MarkupLine($"[{colour}]{Markup.Escape(SubscriberCsv.ForTerminal(issue.Message))}[/]");
            }

            if (report.Issues.Count == SubscriberImporter.MaxIssues)
            {
                environment.Console.MarkupLine($"[yellow]{CliTexts.Subscribers.OnlyFirstIssues(SubscriberImporter.MaxIssues)}[/]");
            }

            environment.Console.MarkupLine(Markup.Escape(CliTexts.Subscribers.ImportSummary(report)));
            return report.Invalid == 0 ? ExitCodes.Ok : ExitCodes.ValidationErrors;
        });
        return command;
    }

    private static Command Export(CliEnvironment environment, CliStorage storage)
    {
        var outFile = new Option<string?>("--out") { Description = CliTexts.Subscribers.OutOption, HelpName = CliTexts.Subscribers.FileHelpName };
        var command = new Command("export", CliTexts.Subscribers.ExportDescription) { outFile };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var csv = new StringBuilder(SubscriberCsv.Header).Append('\n');
            await foreach (var s in services.GetRequiredService<SubscriberStore>().ListAsync(ct))
            {
                csv.Append(SubscriberCsv.Row(s)).Append('\n');
            }

            if (parse.GetValue(outFile) is { } path)
            {
                await File.WriteAllTextAsync(Path.GetFullPath(path, environment.CurrentDirectory), csv.ToString(), ct);
            }
            else
            {
                environment.Output.Write(SubscriberCsv.ForTerminal(csv.ToString()));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Forget(CliEnvironment environment, CliStorage storage)
    {
        var email = new Argument<string>("email") { Description = CliTexts.Subscribers.ForgetEmailArgument };
        var command = new Command("forget", CliTexts.Subscribers.ForgetDescription) { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var deleted = await services.GetRequiredService<SubscriberStore>().ForgetAsync(parse.GetValue(email)!, ct);
            environment.Console.MarkupLine(deleted == 0 ? CliTexts.Subscribers.ForgetUnknown : CliTexts.Subscribers.Forgotten(deleted));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command MigrateKeys(CliEnvironment environment, CliStorage storage)
    {
        var command = new Command("migrate-keys", CliTexts.Subscribers.MigrateKeysDescription);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var result = await services.GetRequiredService<SubscriberKeyMigration>().MigrateAsync(ct);
            environment.Console.MarkupLine(result.Subscribers + result.Conflicts == 0
                ? CliTexts.Subscribers.KeysAlreadyRight
                : CliTexts.Subscribers.KeysMigrated(result.Subscribers, result.SendRecords, result.Conflicts));
            return ExitCodes.Ok;
        });
        return command;
    }
}
