using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VarBot.Knowledge.Dutch;
using Spectre.Console;
using VarBot.Newsletter;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.Templates.Views;

namespace VarBot.Cli.Commands;

/// <summary>varbot newsletter preview|approve|send.</summary>
internal static class NewsletterCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("newsletter", "Stelt de maandelijkse nieuwsbrief samen, keurt hem goed en verstuurt hem.");
        command.Subcommands.Add(Preview(environment));
        command.Subcommands.Add(Approve(environment));
        command.Subcommands.Add(Send(environment));
        return command;
    }

    private static Option<string> MonthOption() => new("--month") { Description = "De maand van de nieuwsbrief, bijvoorbeeld 2026-03.", HelpName = "JJJJ-MM", Required = true };

    private static Command Preview(CliEnvironment environment)
    {
        var month = MonthOption();
        var outDir = new Option<string?>("--out") { Description = "Map voor nieuwsbrief.html, nieuwsbrief.txt, linkedin/*.txt en index.html.", HelpName = "MAP" };
        var subscriber = new Option<string?>("--subscriber") { Description = "Toon de persoonlijke versie van deze abonnee.", HelpName = "E-MAIL" };
        var model = new Option<string?>("--model") { Description = "Een modelbestand (varbot import --out). Zonder --model en --seeds: het gepubliceerde model als er opslag is ingesteld, anders de seeds.", HelpName = "BESTAND" };
        var seeds = SeedsLocation.CreateOption();
        var command = new Command("preview", "Stelt de nieuwsbrief samen en schrijft een voorbeeld (HTML, tekst, LinkedIn) naast elkaar.") { month, outDir, subscriber, model, seeds };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryMonth(parse.GetValue(month), environment, out var m))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var email = parse.GetValue(subscriber);
            await using var services = await NewsletterCliServices.BuildAsync(environment, needStorage: email is not null, ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var loaded = await NewsletterCliServices.LoadModelAsync(parse.GetValue(model), parse.GetValue(seeds), services, environment, ct);
            if (loaded is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var stored = NewsletterCliServices.HasStorage(NewsletterCliServices.Configuration(environment));
            var editor = stored
                ? services.GetRequiredService<IssueEditor>()
                : new IssueEditor(services.GetRequiredService<IssueComposer>(), services.GetRequiredService<NewsletterRenderer>(), services.GetRequiredService<NewsletterLinks>(),
                    time: services.GetRequiredService<TimeProvider>(), options: services.GetRequiredService<IOptions<EditorialOptions>>().Value);
            ComposedIssue composed;
            IReadOnlyList<IssueWarning> warnings;
            try
            {
                composed = await editor.ComposeAsync(loaded, m, ct);
                var draft = await editor.GetDraftAsync(loaded, m, ct);
                warnings = await editor.WarningsAsync(loaded, draft.Draft, composed.Issue, ct);
            }
            catch (BlobStorageException ex)
            {
                environment.Console.MarkupLine($"[red]De opslag is niet bereikbaar:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }

            DigestView? personal = null;
            if (email is not null)
            {
                if (await services.GetRequiredService<SubscriberStore>().GetAsync(email, ct) is not { } found)
                {
                    environment.Console.MarkupLine("[red]Deze abonnee is niet bekend.[/]");
                    return ExitCodes.UsageOrEnvironment;
                }

                var links = services.GetRequiredService<NewsletterLinks>();
                personal = new DigestView(composed.Issue, found.Subscriber.Themes, found.Subscriber.Name, links.UnsubscribeUrl("voorbeeld"), links.PreferencesUrl("voorbeeld"));
            }

            var dir = Path.GetFullPath(parse.GetValue(outDir) ?? Path.Combine("out", "nieuwsbrief-" + m), environment.CurrentDirectory);
            await editor.WritePreviewAsync(composed, dir, personal, warnings);
            var issue = composed.Issue;
            environment.Console.MarkupLine($"Onderwerp: [bold]{Markup.Escape(issue.Subject)}[/]");
            environment.Console.MarkupLine($"Verzenddatum {Markup.Escape(DutchFormat.Date(editor.Composer.Schedule.SendDate(m)))}: agenda {issue.Agenda.Count}, terugblik {issue.Terugblik.Count}, nieuws {issue.News.Count}, "
                + $"plannen {(issue.Plans is null ? "nee" : "ja")}, thema in de kijker {Markup.Escape(issue.Spotlight?.Name ?? "geen")}, LinkedIn-berichten {composed.Posts.Count}.");
            PrintWarnings(warnings, environment);
            environment.Console.MarkupLine($"Voorbeeld geschreven naar [link]{Markup.Escape(Path.Combine(dir, "index.html"))}[/]"
                + (stored ? $"; opgeslagen onder {Markup.Escape(IssueStore.Folder(m))}." : " (niet opgeslagen: geen opslag ingesteld)."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintWarnings(IReadOnlyList<IssueWarning> warnings, CliEnvironment environment)
    {
        if (warnings.Count == 0)
        {
            environment.Console.MarkupLine("Geen waarschuwingen.");
            return;
        }

        environment.Console.MarkupLine($"[yellow]Let op voor het goedkeuren ({warnings.Count}):[/]");
        foreach (var warning in warnings)
        {
            environment.Console.MarkupLine($"[yellow]-[/] {Markup.Escape(warning.Message)}");
        }
    }

    private static Command Approve(CliEnvironment environment)
    {
        var month = MonthOption();
        var by = new Option<string?>("--by") { Description = "Naam van wie goedkeurt (standaard de gebruikersnaam).", HelpName = "NAAM" };
        var allowPast = new Option<bool>("--allow-past-month") { Description = CliTexts.Newsletter.AllowPastMonthApprove };
        var command = new Command("approve", "Legt vast dat de opgeslagen nieuwsbrief is goedgekeurd (eerst 'newsletter preview').") { month, by, allowPast };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryMonth(parse.GetValue(month), environment, out var m))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var editor = services.GetRequiredService<IssueEditor>();
            var store = services.GetRequiredService<IssueStore>();
            try
            {
                if (await store.LoadAsync(m, ct) is null)
                {
                    environment.Console.MarkupLine($"[red]Er is nog geen nieuwsbrief voor {m} samengesteld.[/] Gebruik eerst 'varbot newsletter preview --month {m}'.");
                    return ExitCodes.UsageOrEnvironment;
                }

                var approval = await editor.ApproveAsync(m, parse.GetValue(by) ?? Environment.UserName, parse.GetValue(allowPast), cancellationToken: ct);
                environment.Console.MarkupLine($"Nieuwsbrief {m} goedgekeurd door {Markup.Escape(approval.ApprovedBy)} (inhoud {approval.ContentHash}).");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IssueRefusedException or DraftConflictException)
            {
                environment.Console.MarkupLine($"[red]Niet goedgekeurd:[/] {Markup.Escape(ex.Message)}"
                    + (ex is IssueRefusedException { Reason: RefusalReason.MonthPassed } ? CliTexts.Newsletter.PastMonthHint : ""));
                return ExitCodes.UsageOrEnvironment;
            }
            catch (BlobStorageException ex)
            {
                environment.Console.MarkupLine($"[red]De opslag is niet bereikbaar:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }
        });
        return command;
    }

    private static Command Send(CliEnvironment environment)
    {
        var month = MonthOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Stel alle mails samen maar verstuur niets." };
        var limit = new Option<int?>("--limit") { Description = "Verstuur hoogstens zoveel mails in deze run.", HelpName = "N" };
        var test = new Option<string?>("--test") { Description = "Stuur één proef naar dit adres (mag altijd, ook zonder goedkeuring).", HelpName = "E-MAIL" };
        var wait = new Option<int?>("--wait") { Description = "Verstuurt een andere run deze nieuwsbrief al, wacht dan hoogstens zoveel seconden (standaard: niet wachten).", HelpName = "SECONDEN" };
        var allowPast = new Option<bool>("--allow-past-month") { Description = CliTexts.Newsletter.AllowPastMonthSend };
        var command = new Command("send", "Verstuurt de goedgekeurde nieuwsbrief: precies één mail per bevestigde abonnee; één verzending per nummer tegelijk.") { month, dryRun, limit, test, wait, allowPast };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryMonth(parse.GetValue(month), environment, out var m))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            await using var services = await NewsletterCliServices.BuildAsync(environment, cancellationToken: ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var sender = services.GetRequiredService<NewsletterSender>();
            try
            {
                if (parse.GetValue(test) is { } to)
                {
                    await sender.SendTestAsync(m, to, ct);
                    environment.Console.MarkupLine($"Proef van {m} verstuurd.");
                    return ExitCodes.Ok;
                }

                if (!parse.GetValue(dryRun))
                {
                    // Like approve: a month that has passed only with the explicit override (a started send may resume).
                    await services.GetRequiredService<IssueEditor>().CheckSendMonthAsync(m, parse.GetValue(allowPast), ct);
                }

                SendSummary? summary = null;
                await environment.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedLikeRateColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Nieuwsbrief {m}", maxValue: 1);
                        var progress = new Progress<SendProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Processed;
                        });
                        var waitFor = parse.GetValue(wait) is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : (TimeSpan?)null;
                        summary = await sender.SendAsync(m, new SendOptions(parse.GetValue(dryRun), parse.GetValue(limit), waitFor), progress, ct);
                        task.Value = task.MaxValue;
                    });
                PrintSummary(summary!, environment);
                return summary!.Failed.Count == 0 ? ExitCodes.Ok : ExitCodes.ValidationErrors;
            }
            catch (IssueNotApprovedException ex)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.NotSent}[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }
            catch (IssueRefusedException ex)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.NotSent}[/] {Markup.Escape(ex.Message)}"
                    + (ex.Reason == RefusalReason.MonthPassed ? CliTexts.Newsletter.PastMonthHint : ""));
                return ExitCodes.UsageOrEnvironment;
            }
            catch (Exception ex) when (ex is SendBusyException or SendLeaseLostException)
            {
                environment.Console.MarkupLine($"[red]Niet (verder) verstuurd:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }
            catch (BlobStorageException ex)
            {
                environment.Console.MarkupLine($"[red]De opslag is niet bereikbaar:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }
        });
        return command;
    }

    private static void PrintSummary(SendSummary summary, CliEnvironment environment)
    {
        var table = new Table().Title(summary.DryRun ? $"Proefrun {summary.Month} (niets verstuurd)" : $"Verzending {summary.Month}")
            .AddColumn("Uitkomst").AddColumn(new TableColumn("Aantal").RightAligned());
        table.AddRow(summary.DryRun ? "zou versturen" : "verstuurd", summary.Sent.ToString());
        table.AddRow("al eerder verstuurd", summary.AlreadySent.ToString());
        table.AddRow("niet bevestigd", summary.NotConfirmed.ToString());
        table.AddRow("niet geprobeerd (--limit)", summary.NotAttempted.ToString());
        table.AddRow("mislukt", summary.Failed.Count.ToString());
        environment.Console.Write(table);
        var rate = summary.Elapsed.TotalSeconds > 0 ? summary.Sent / summary.Elapsed.TotalSeconds : 0;
        environment.Console.MarkupLine($"Duur {summary.Elapsed.TotalSeconds:F1} s, {rate:F0} mails per seconde.");
        foreach (var failure in summary.Failed)
        {
            environment.Console.MarkupLine($"[red]Mislukt[/] abonnee {failure.SubscriberKey}: {Markup.Escape(failure.Reason)}");
        }
    }

    private static bool TryMonth(string? text, CliEnvironment environment, out IssueMonth month)
    {
        if (IssueMonth.TryParse(text, out month))
        {
            return true;
        }

        environment.Console.MarkupLine($"[red]'{Markup.Escape(text ?? "")}' is geen maand.[/] Schrijf de maand als JJJJ-MM, bijvoorbeeld 2026-03.");
        return false;
    }

    /// <summary>Mails per second for the progress bar.</summary>
    private sealed class TransferSpeedLikeRateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:F0}/s" : "-/s");
    }
}
