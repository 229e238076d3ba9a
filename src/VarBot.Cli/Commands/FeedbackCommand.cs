using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>
/// `varbot feedback [--since DATE]`: lists, for the editors, the questions the bot could not answer and the answers users
/// marked "Niet nuttig". Reads the blobs the bot host writes under feedback/{yyyy-MM-dd}/ (no user identity in them).
/// </summary>
internal static class FeedbackCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Command Create()
    {
        var since = new Option<DateOnly?>("--since")
        {
            Description = "Alleen feedback vanaf deze datum (JJJJ-MM-DD).",
        };
        var includePositive = new Option<bool>("--include-positive")
        {
            Description = "Toon ook de antwoorden die als 'Nuttig' zijn gemarkeerd.",
        };
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Verbindingsreeks van de opslag. Standaard Storage__ConnectionString, anders de lokale Azurite.",
        };
        var container = new Option<string>("--container")
        {
            Description = "Naam van de blobcontainer.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Storage__Container") ?? "varbot",
        };

        var command = new Command("feedback", "Toont onbeantwoorde vragen en 'Niet nuttig'-reacties uit de bot, voor de redactie.")
        {
            since, includePositive, connection, container,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connectionString = parse.GetValue(connection)
                ?? Environment.GetEnvironmentVariable("Storage__ConnectionString")
                ?? "UseDevelopmentStorage=true";
            var blobs = BlobContainerFactory.Create(connectionString, parse.GetValue(container)!);
            try
            {
                var items = await ReadAsync(blobs, parse.GetValue(since), cancellationToken);
                Print(items, parse.GetValue(includePositive), parse.GetValue(since));
                return 0;
            }
            catch (BlobStorageException exception)
            {
                Console.Error.WriteLine($"De opslag is niet bereikbaar: {exception.Message}");
                return 1;
            }
            catch (HttpRequestException exception)
            {
                Console.Error.WriteLine($"De opslag is niet bereikbaar: {exception.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The shape the bot host writes (VarBot.Bot.Feedback.FeedbackRecord).</summary>
    internal sealed record FeedbackItem(string Kind, DateTimeOffset At, string? Question, string? AnswerId, string? Intent, string? ModelVersion);

    internal static async Task<IReadOnlyList<FeedbackItem>> ReadAsync(IBlobContainer blobs, DateOnly? since, CancellationToken cancellationToken)
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
                if (JsonSerializer.Deserialize<FeedbackItem>(download.Content, Json) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException)
            {
                Console.Error.WriteLine($"Overgeslagen (onleesbaar): {name}");
            }
        }

        return items;
    }

    private static void Print(IReadOnlyList<FeedbackItem> items, bool includePositive, DateOnly? since)
    {
        var shown = items.Where(i => includePositive || i.Kind != "up").ToList();
        var period = since is { } from ? $" vanaf {from.ToString("d MMMM yyyy", Dutch)}" : "";
        Console.WriteLine($"Feedback{period}: {items.Count(i => i.Kind == "unanswered")} onbeantwoord, " +
            $"{items.Count(i => i.Kind == "down")} niet nuttig, {items.Count(i => i.Kind == "up")} nuttig.");
        foreach (var item in shown)
        {
            var label = item.Kind switch
            {
                "unanswered" => "Onbeantwoord",
                "down" => "Niet nuttig",
                "up" => "Nuttig",
                _ => item.Kind,
            };
            var question = string.IsNullOrWhiteSpace(item.Question) ? "(vraag onbekend)" : item.Question;
            Console.WriteLine($"{item.At.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {label,-12}  {question}");
        }
    }
}
