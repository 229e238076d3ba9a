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
        var command = new Command("subscribers", "Beheert de abonnees van de nieuwsbrief.");
        command.Subcommands.Add(Add(environment));
        command.Subcommands.Add(Import(environment));
        command.Subcommands.Add(Export(environment));
        command.Subcommands.Add(Forget(environment));
        command.Subcommands.Add(MigrateKeys(environment));
        return command;
    }

    private static Command Add(CliEnvironment environment)
    {
        var email = new Argument<string>("email") { Description = "Het e-mailadres." };
        var name = new Option<string?>("--name") { Description = "De naam van de abonnee." };
        var themes = new Option<string[]>("--theme") { Description = "Een thema-id (meermaals te gebruiken).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", "Meldt iemand aan; de abonnee krijgt eerst een bevestigingslink (dubbele opt-in). Een bekende abonnee krijgt de nieuwe naam en thema's.") { email, name, themes };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
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
                environment.Console.MarkupLine("Deze abonnee bestond al; naam en thema's zijn bijgewerkt.");
                return ExitCodes.Ok;
            }

            var result = await services.GetRequiredService<SubscriptionService>().SubscribeAsync(address, parse.GetValue(name), chosen, "cli", client: null, ct);
            if (result == SubscribeResult.ConfirmationSent)
            {
                environment.Console.MarkupLine("Aangemeld; er is een bevestigingslink gemaild.");
                return ExitCodes.Ok;
            }

            environment.Console.MarkupLine($"[red]{Markup.Escape(SubscriptionService.ProblemText(result) ?? result.ToString())}[/]");
            return ExitCodes.UsageOrEnvironment;
        });
        return command;
    }

    private static Command Import(CliEnvironment environment)
    {
        var file = new Argument<string>("bestand") { Description = "CSV met kolommen email, name, themes (thema's gescheiden door ';')." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Controleer het bestand en meld wat er zou gebeuren, zonder iets op te slaan." };
        var model = new Option<string?>("--model") { Description = "Een modelbestand voor de thema's (standaard het gepubliceerde model, anders de seeds).", HelpName = "BESTAND" };
        var seeds = SeedsLocation.CreateOption();
        var command = new Command("import", "Importeert bevestigde abonnees uit een CSV; de import wordt vastgelegd als bron van de toestemming. Bestaande abonnees blijven ongewijzigd.")
        {
            file, dryRun, model, seeds,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!, environment.CurrentDirectory);
            if (!File.Exists(path))
            {
                environment.Console.MarkupLine($"[red]Het bestand '{Markup.Escape(path)}' bestaat niet.[/]");
                return ExitCodes.UsageOrEnvironment;
            }

            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
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
                environment.Console.MarkupLine($"[yellow]Alleen de eerste {SubscriberImporter.MaxIssues} meldingen zijn getoond.[/]");
            }

            environment.Console.MarkupLine(report.DryRun
                ? $"Proefrun (niets opgeslagen): {report.Rows} regels; {report.Imported} abonnees zouden worden geïmporteerd, {report.Existing} bestaan al (blijven ongewijzigd), {report.Duplicates} dubbel, {report.Invalid} ongeldig."
                : $"{report.Imported} abonnees geïmporteerd, {report.Existing} bestonden al (ongewijzigd), {report.Duplicates} dubbel, {report.Invalid} ongeldig ({report.Rows} regels, {report.RowsPerSecond:F0} per seconde).");
            return report.Invalid == 0 ? ExitCodes.Ok : ExitCodes.ValidationErrors;
        });
        return command;
    }

    private static Command Export(CliEnvironment environment)
    {
        var outFile = new Option<string?>("--out") { Description = "Schrijf de CSV naar dit bestand (standaard: scherm).", HelpName = "BESTAND" };
        var command = new Command("export", "Exporteert alle abonnees als CSV (email, name, themes, status, consent).") { outFile };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
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

    private static Command Forget(CliEnvironment environment)
    {
        var email = new Argument<string>("email") { Description = "Het e-mailadres dat vergeten moet worden." };
        var command = new Command("forget", "Verwijdert een abonnee en alle verzendregistraties van die abonnee.") { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var deleted = await services.GetRequiredService<SubscriberStore>().ForgetAsync(parse.GetValue(email)!, ct);
            environment.Console.MarkupLine(deleted == 0 ? "Deze abonnee was niet bekend." : $"Abonnee vergeten: {deleted} blobs verwijderd.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command MigrateKeys(CliEnvironment environment)
    {
        var command = new Command("migrate-keys", "Zet abonnees over naar de geheime sleutel (HMAC) van deze installatie, met hun verzendregistraties; nodig na de update of na een nieuwe Newsletter:SigningKey. Draai dit niet tijdens een verzending.");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var result = await services.GetRequiredService<SubscriberKeyMigration>().MigrateAsync(ct);
            environment.Console.MarkupLine(result.Subscribers + result.Conflicts == 0
                ? "Alle abonnees hebben al de juiste sleutel; niets gewijzigd."
                : $"{result.Subscribers} abonnees en {result.SendRecords} verzendregistraties overgezet; {result.Conflicts} conflicten (de nieuwste gegevens zijn bewaard).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
