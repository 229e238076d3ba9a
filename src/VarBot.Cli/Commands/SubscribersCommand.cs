using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Cli.Commands;

/// <summary>varbot subscribers add|import|export|forget. Addresses are shown only where staff ask for them (export).</summary>
internal static class SubscribersCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("subscribers", "Beheert de abonnees van de nieuwsbrief.");
        command.Subcommands.Add(Add(environment));
        command.Subcommands.Add(Import(environment));
        command.Subcommands.Add(Export(environment));
        command.Subcommands.Add(Forget(environment));
        return command;
    }

    private static Command Add(CliEnvironment environment)
    {
        var email = new Argument<string>("email") { Description = "Het e-mailadres." };
        var name = new Option<string?>("--name") { Description = "De naam van de abonnee." };
        var themes = new Option<string[]>("--theme") { Description = "Een thema-id (meermaals te gebruiken).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", "Meldt iemand aan; de abonnee krijgt eerst een bevestigingslink (dubbele opt-in).") { email, name, themes };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var result = await services.GetRequiredService<SubscriptionService>()
                .SubscribeAsync(parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(themes) ?? [], "cli", ct);
            environment.Console.MarkupLine(result switch
            {
                SubscribeResult.ConfirmationSent => "Aangemeld; er is een bevestigingslink gemaild.",
                SubscribeResult.AlreadyConfirmed => "Deze abonnee was al bevestigd; de thema's zijn bijgewerkt.",
                _ => "[red]Dit is geen geldig e-mailadres.[/]",
            });
            return result == SubscribeResult.InvalidAddress ? ExitCodes.UsageOrEnvironment : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliEnvironment environment)
    {
        var file = new Argument<string>("bestand") { Description = "CSV met kolommen email, name, themes (thema's gescheiden door ';')." };
        var command = new Command("import", "Importeert bevestigde abonnees uit een CSV; de import wordt vastgelegd als bron van de toestemming.") { file };
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

            var store = services.GetRequiredService<SubscriberStore>();
            int imported = 0, rejected = 0, line = 0;
            foreach (var row in SubscriberCsv.Read(await File.ReadAllLinesAsync(path, ct)))
            {
                line++;
                if (!SubscriptionService.IsValidAddress(row.Email))
                {
                    rejected++;
                    environment.Console.MarkupLine($"[yellow]Regel {row.Line}: geen geldig e-mailadres, overgeslagen.[/]");
                    continue;
                }

                await store.SubscribeAsync(row.Email, row.Name, row.Themes, "import:" + Path.GetFileName(path), confirmed: true, ct);
                imported++;
            }

            environment.Console.MarkupLine($"{imported} abonnees geïmporteerd, {rejected} overgeslagen.");
            return rejected == 0 ? ExitCodes.Ok : ExitCodes.ValidationErrors;
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

            var csv = new StringBuilder("email,name,themes,status,consent\n");
            await foreach (var s in services.GetRequiredService<SubscriberStore>().ListAsync(ct))
            {
                csv.Append(SubscriberCsv.Quote(s.Email)).Append(',').Append(SubscriberCsv.Quote(s.Name ?? "")).Append(',')
                    .Append(SubscriberCsv.Quote(string.Join(';', s.Themes))).Append(',').Append(s.Status.ToString().ToLowerInvariant()).Append(',')
                    .Append(SubscriberCsv.Quote(s.ConsentSource)).Append('\n');
            }

            if (parse.GetValue(outFile) is { } path)
            {
                await File.WriteAllTextAsync(Path.GetFullPath(path, environment.CurrentDirectory), csv.ToString(), ct);
            }
            else
            {
                environment.Output.Write(csv.ToString());
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
}
