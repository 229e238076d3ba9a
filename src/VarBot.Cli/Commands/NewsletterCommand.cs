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
        var command = new Command("newsletter", CliTexts.Newsletter.Description);
        var storage = new CliStorage();
        storage.AddTo(command, recursive: true);
        command.Subcommands.Add(Preview(environment, storage));
        command.Subcommands.Add(Approve(environment, storage));
        command.Subcommands.Add(Send(environment, storage));
        return command;
    }

    private static Option<string> MonthOption() => new("--month") { Description = CliTexts.Newsletter.MonthOption, HelpName = CliTexts.HelpNames.Month, Required = true };

    private static Command Preview(CliEnvironment environment, CliStorage storage)
    {
        var month = MonthOption();
        var outDir = new Option<string?>("--out") { Description = CliTexts.Newsletter.OutOption, HelpName = CliTexts.HelpNames.Folder };
        var subscriber = new Option<string?>("--subscriber") { Description = CliTexts.Newsletter.SubscriberOption, HelpName = CliTexts.HelpNames.Email };
        var model = new Option<string?>("--model") { Description = CliTexts.Newsletter.ModelOption, HelpName = CliTexts.HelpNames.File };
        var seeds = SeedsLocation.CreateOption();
        var command = new Command("preview", CliTexts.Newsletter.PreviewDescription) { month, outDir, subscriber, model, seeds };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryMonth(parse.GetValue(month), environment, out var m))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var email = parse.GetValue(subscriber);
            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), needStorage: email is not null, ct);
            if (services is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var loaded = await NewsletterCliServices.LoadModelAsync(parse.GetValue(model), parse.GetValue(seeds), services, environment, ct);
            if (loaded is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var stored = NewsletterCliServices.HasStorage(services);
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
                environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.StorageUnreachable}[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }

            DigestView? personal = null;
            if (email is not null)
            {
                if (await services.GetRequiredService<SubscriberStore>().GetAsync(email, ct) is not { } found)
                {
                    environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.UnknownSubscriber}[/]");
                    return ExitCodes.UsageOrEnvironment;
                }

                var links = services.GetRequiredService<NewsletterLinks>();
                personal = new DigestView(composed.Issue, found.Subscriber.Themes, found.Subscriber.Name, links.UnsubscribeUrl(CliTexts.Newsletter.PreviewToken), links.PreferencesUrl(CliTexts.Newsletter.PreviewToken));
            }

            var dir = Path.GetFullPath(parse.GetValue(outDir) ?? Path.Combine("out", "nieuwsbrief-" + m), environment.CurrentDirectory);
            await editor.WritePreviewAsync(composed, dir, personal, warnings);
            var issue = composed.Issue;
            environment.Console.MarkupLine($"{CliTexts.Newsletter.SubjectLabel} [bold]{Markup.Escape(issue.Subject)}[/]");
            environment.Console.MarkupLine(CliTexts.Newsletter.PreviewSummary(
                Markup.Escape(DutchFormat.Date(editor.Composer.Schedule.SendDate(m))), issue.Agenda.Count, issue.Terugblik.Count, issue.News.Count,
                issue.Plans is not null, issue.Spotlight is { } spotlight ? Markup.Escape(spotlight.Name) : null, composed.Posts.Count));
            PrintWarnings(warnings, environment);
            environment.Console.MarkupLine($"{CliTexts.Newsletter.PreviewWritten} [link]{Markup.Escape(Path.Combine(dir, "index.html"))}[/]"
                + (stored ? CliTexts.Newsletter.PreviewStored(Markup.Escape(IssueStore.Folder(m))) : CliTexts.Newsletter.PreviewNotStored));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintWarnings(IReadOnlyList<IssueWarning> warnings, CliEnvironment environment)
    {
        if (warnings.Count == 0)
        {
            environment.Console.MarkupLine(CliTexts.Newsletter.NoWarnings);
            return;
        }

        environment.Console.MarkupLine($"[yellow]{CliTexts.Newsletter.WarningsHeader(warnings.Count)}[/]");
        foreach (var warning in warnings)
        {
            environment.Console.MarkupLine($"[yellow]-[/] {Markup.Escape(warning.Message)}");
        }
    }

    private static Command Approve(CliEnvironment environment, CliStorage storage)
    {
        var month = MonthOption();
        var by = new Option<string?>("--by") { Description = CliTexts.Newsletter.ByOption, HelpName = CliTexts.HelpNames.Name };
        var allowPast = new Option<bool>("--allow-past-month") { Description = CliTexts.Newsletter.AllowPastMonthApprove };
        var command = new Command("approve", CliTexts.Newsletter.ApproveDescription) { month, by, allowPast };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryMonth(parse.GetValue(month), environment, out var m))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), cancellationToken: ct);
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
                    environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.NotComposed(m)}[/] {CliTexts.Newsletter.NotComposedHint(m)}");
                    return ExitCodes.UsageOrEnvironment;
                }

                var approval = await editor.ApproveAsync(m, parse.GetValue(by) ?? Environment.UserName, parse.GetValue(allowPast), cancellationToken: ct);
                environment.Console.MarkupLine(CliTexts.Newsletter.Approved(m, Markup.Escape(approval.ApprovedBy), approval.ContentHash));
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IssueRefusedException or DraftConflictException)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.NotApproved}[/] {Markup.Escape(ex.Message)}"
                    + (ex is IssueRefusedException { Reason: RefusalReason.MonthPassed } ? CliTexts.Newsletter.PastMonthHint : ""));
                return ExitCodes.UsageOrEnvironment;
            }
            catch (BlobStorageException ex)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.StorageUnreachable}[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }
        });
        return command;
    }

    private static Command Send(CliEnvironment environment, CliStorage storage)
    {
        var month = MonthOption();
        var dryRun = new Option<bool>("--dry-run") { Description = CliTexts.Newsletter.DryRunOption };
        var limit = new Option<int?>("--limit") { Description = CliTexts.Newsletter.LimitOption, HelpName = CliTexts.HelpNames.Count };
        var test = new Option<string?>("--test") { Description = CliTexts.Newsletter.TestOption, HelpName = CliTexts.HelpNames.Email };
        var wait = new Option<int?>("--wait") { Description = CliTexts.Newsletter.WaitOption, HelpName = CliTexts.HelpNames.Seconds };
        var allowPast = new Option<bool>("--allow-past-month") { Description = CliTexts.Newsletter.AllowPastMonthSend };
        var command = new Command("send", CliTexts.Newsletter.SendDescription) { month, dryRun, limit, test, wait, allowPast };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryMonth(parse.GetValue(month), environment, out var m))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            await using var services = await NewsletterCliServices.BuildAsync(environment, storage.AsConfiguration(parse), cancellationToken: ct);
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
                    environment.Console.MarkupLine(CliTexts.Newsletter.TestSent(m));
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
                        var task = context.AddTask(CliTexts.Newsletter.ProgressTask(m), maxValue: 1);
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
                environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.NotSentFurther}[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }
            catch (BlobStorageException ex)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.StorageUnreachable}[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.UsageOrEnvironment;
            }
        });
        return command;
    }

    private static void PrintSummary(SendSummary summary, CliEnvironment environment)
    {
        var table = new Table().Title(CliTexts.Newsletter.SummaryTitle(summary.Month, summary.DryRun))
            .AddColumn(CliTexts.Newsletter.Outcome).AddColumn(new TableColumn(CliTexts.Newsletter.Count).RightAligned());
        table.AddRow(summary.DryRun ? CliTexts.Newsletter.WouldSend : CliTexts.Newsletter.Sent, summary.Sent.ToString());
        table.AddRow(CliTexts.Newsletter.AlreadySent, summary.AlreadySent.ToString());
        table.AddRow(CliTexts.Newsletter.NotConfirmed, summary.NotConfirmed.ToString());
        table.AddRow(CliTexts.Newsletter.NotAttempted, summary.NotAttempted.ToString());
        table.AddRow(CliTexts.Newsletter.FailedRow, summary.Failed.Count.ToString());
        environment.Console.Write(table);
        var rate = summary.Elapsed.TotalSeconds > 0 ? summary.Sent / summary.Elapsed.TotalSeconds : 0;
        environment.Console.MarkupLine(CliTexts.Newsletter.Duration(summary.Elapsed.TotalSeconds, rate));
        foreach (var failure in summary.Failed)
        {
            environment.Console.MarkupLine($"[red]{CliTexts.Newsletter.Failed}[/] {CliTexts.Newsletter.FailedSubscriber(failure.SubscriberKey, Markup.Escape(failure.Reason))}");
        }
    }

    private static bool TryMonth(string? text, CliEnvironment environment, out IssueMonth month)
    {
        if (IssueMonth.TryParse(text, out month))
        {
            return true;
        }

        environment.Console.MarkupLine($"[red]{CliTexts.Input.NotAMonth(Markup.Escape(text ?? ""))}[/] {CliTexts.Newsletter.BadMonthHint}");
        return false;
    }

    /// <summary>Mails per second for the progress bar.</summary>
    private sealed class TransferSpeedLikeRateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:F0}/s" : "-/s");
    }
}
