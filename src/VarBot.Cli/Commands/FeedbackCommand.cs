using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using VarBot.Knowledge.Dutch;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>
/// `varbot feedback [--since DATE]`: lists, for the editors, the questions the bot could not answer and the answers users
/// marked "Niet nuttig". Reads the blobs the bot host writes under feedback/{yyyy-MM-dd}/ (no user identity in them) and
/// prints only the kind, the time and the question, so nothing else a blob might hold reaches the screen.
/// </summary>
internal static class FeedbackCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CliEnvironment environment)
    {
        var since = new Option<string?>("--since")
        {
            Description = CliTexts.Feedback.SinceOption,
            HelpName = CliTexts.HelpNames.Date,
        };
        var includePositive = new Option<bool>("--include-positive")
        {
            Description = CliTexts.Feedback.IncludePositiveOption,
        };
        var storage = new CliStorage();
        var command = new Command("feedback", CliTexts.Feedback.Description)
        {
            since, includePositive,
        };
        storage.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(since), parse.GetValue(includePositive), () => storage.Open(parse, environment), environment, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? sinceText, bool includePositive, Func<IBlobContainer?> openStorage, CliEnvironment environment, CancellationToken cancellationToken)
    {
        DateOnly? since = null;
        if (sinceText is not null)
        {
            if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Input.NotADate(Markup.Escape(sinceText))}[/] {CliTexts.Feedback.BadDateHint}");
                return ExitCodes.UsageOrEnvironment;
            }

            since = parsed;
        }

        // Storage is opened only now: a bad date never touches it.
        return await CliStorage.RunAsync(openStorage(), environment, async blobs =>
        {
            var items = await ReadAsync(blobs, since, environment, cancellationToken);
            Print(items, includePositive, since, environment.Output);
            return ExitCodes.Ok;
        });
    }

    /// <summary>The shape the bot host writes (VarBot.Bot.Feedback.FeedbackRecord); anything else in a blob is ignored.</summary>
    internal sealed record FeedbackItem(string Kind, DateTimeOffset At, string? Question, string? AnswerId, string? Intent, string? ModelVersion);

    internal static async Task<IReadOnlyList<FeedbackItem>> ReadAsync(IBlobContainer blobs, DateOnly? since, CliEnvironment environment, CancellationToken cancellationToken)
    {
        const string prefix = "feedback/";
        var names = new List<string>();
        await foreach (var blob in blobs.ListAsync(prefix, cancellationToken))
        {
            var rest = blob.Name[prefix.Length..];
            if (since is { } from && (rest.Length < 10 || !DateOnly.TryParseExact(rest[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < from))
            {
                continue;
            }

            names.Add(blob.Name);
        }

        names.Sort(StringComparer.Ordinal);
        var items = new List<FeedbackItem>(names.Count);
        foreach (var name in names)
        {
            var download = await blobs.GetAsync(name, cancellationToken);
            if (download is null)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<FeedbackItem>(download.Content, Json) is { Kind: not null } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException)
            {
                environment.Output.WriteLine(CliTexts.Feedback.Skipped(TerminalText.Safe(name)));
            }
        }

        return items;
    }

    private static void Print(IReadOnlyList<FeedbackItem> items, bool includePositive, DateOnly? since, TextWriter output)
    {
        var shown = items.Where(i => includePositive || i.Kind != "up").ToList();
        output.WriteLine(CliTexts.Feedback.Totals(
            since is { } from ? DutchFormat.Date(from) : null,
            items.Count(i => i.Kind == "unanswered"),
            items.Count(i => i.Kind == "down"),
            items.Count(i => i.Kind == "up")));
        foreach (var item in shown)
        {
            var label = item.Kind switch
            {
                "unanswered" => CliTexts.Feedback.Unanswered,
                "down" => CliTexts.Feedback.NotUseful,
                "up" => CliTexts.Feedback.Useful,
                _ => TerminalText.Safe(item.Kind),
            };
            var question = string.IsNullOrWhiteSpace(item.Question) ? CliTexts.Feedback.UnknownQuestion : TerminalText.Safe(item.Question);
            var at = DutchTime.Local(item.At);
            output.WriteLine($"{at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {label,-12}  {question}");
        }
    }
}
