using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VarBot.Answering;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary><c>varbot ask "vraag"</c> and <c>varbot ask --batch FILE.jsonl</c>: answers as a user reads them.</summary>
internal static class AskCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var question = new Argument<string?>(CliTexts.HelpNames.QuestionArgument) { Description = CliTexts.Ask.QuestionArgument, Arity = ArgumentArity.ZeroOrOne };
        var asOf = AnswerModelSource.AsOfOption(CliTexts.Ask.AsOfOption);
        var json = new Option<bool>("--json") { Description = CliTexts.Ask.JsonOption };
        var trace = new Option<bool>("--trace") { Description = CliTexts.Ask.TraceOption };
        var batch = new Option<string?>("--batch")
        {
            Description = CliTexts.Ask.BatchOption,
            HelpName = CliTexts.HelpNames.File,
        };
        var source = new AnswerModelSource();
        var command = new Command("ask", CliTexts.Ask.Description) { question, asOf, json, trace, batch };
        source.AddOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!AnswerModelSource.TryToday(parse.GetValue(asOf), environment, out var today))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var text = parse.GetValue(question);
            var batchFile = parse.GetValue(batch);
            if (batchFile is null && string.IsNullOrWhiteSpace(text))
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Ask.NoQuestion}[/]{CliTexts.Ask.NoQuestionHint}");
                return ExitCodes.UsageOrEnvironment;
            }

            var model = await source.LoadAsync(parse, environment, cancellationToken);
            if (model is null)
            {
                return ExitCodes.UsageOrEnvironment;
            }

            // --trace: how each question was read and routed, on standard error (the answer stays on standard output).
            using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(parse.GetValue(trace) ? LogLevel.Debug : LogLevel.None)
                .AddSimpleConsole(o => o.SingleLine = true).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            var engine = AnswerEngine.Build(model, logging.CreateLogger("VarBot.Answering"));
            if (batchFile is not null)
            {
                return RunBatch(engine, Path.GetFullPath(batchFile, environment.CurrentDirectory), today, environment);
            }

            var answer = engine.Ask(new Question(text!, today));
            environment.Output.WriteLine(parse.GetValue(json) ? ToJson(answer) : AnswerText.Flatten(answer));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int RunBatch(AnswerEngine engine, string file, DateOnly today, CliEnvironment environment)
    {
        if (!File.Exists(file))
        {
            environment.Console.MarkupLine($"[red]{CliTexts.Input.FileMissing(Markup.Escape(file))}[/] {CliTexts.Ask.BatchFileMissingHint}");
            return ExitCodes.UsageOrEnvironment;
        }

        var contexts = new Dictionary<string, ConversationContext>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonObject node;
            try
            {
                node = JsonNode.Parse(line)?.AsObject() ?? throw new JsonException("empty");
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                environment.Console.MarkupLine($"[red]{CliTexts.Ask.BadLine(lineNumber, Markup.Escape(file))}[/] {CliTexts.Ask.BadLineHint}");
                return ExitCodes.UsageOrEnvironment;
            }

            var lineToday = today;
            if (node["as_of"] is JsonValue asOf && !AnswerModelSource.TryToday(asOf.ToString(), environment, out lineToday))
            {
                return ExitCodes.UsageOrEnvironment;
            }

            var conversation = node["conversation"]?.ToString();
            ConversationContext? previous = null;
            if (conversation is not null)
            {
                contexts.TryGetValue(conversation, out previous);
            }

            var text = node["question"] is JsonValue q && q.TryGetValue<string>(out var s) ? s : "";
            var answer = engine.Ask(new Question(text, lineToday, previous));
            if (conversation is not null)
            {
                contexts[conversation] = answer.Context;
            }

            environment.Output.WriteLine(Evaluation.ToJsonLine(new
            {
                id = node["id"]?.ToString() ?? "",
                answer = AnswerText.Flatten(answer),
                intent = answer.Intent,
                sources = answer.Card.Data["sources"]?.AsArray().Select(x => x?.GetValue<string>()).ToList(),
            }));
        }

        return ExitCodes.Ok;
    }

    private static string ToJson(Answer answer) => JsonSerializer.Serialize(new
    {
        answer.Intent,
        answer.Text,
        answer.Answered,
        card = new { answer.Card.Template, answer.Card.Data },
        answer.Sources,
        answer.Suggestions,
        answer.Context,
        flattened = AnswerText.Flatten(answer),
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>
/// Where ask and eval get the model, like the bot: --model FILE; else the current model in blob storage when a
/// storage is named (the storage options of <see cref="CliStorage"/> or their environment variables); else an import of the seeds.
/// </summary>
internal sealed class AnswerModelSource
{
    private readonly Option<string?> _modelFile = new("--model") { Description = CliTexts.ModelSource.ModelOption, HelpName = CliTexts.HelpNames.File };
    private readonly CliStorage _storage = new();
    private readonly Option<string?> _seeds = SeedsLocation.CreateOption();

    public static Option<string?> AsOfOption(string description) => new("--as-of") { Description = description, HelpName = CliTexts.HelpNames.Date };

    public void AddOptions(Command command)
    {
        command.Options.Add(_modelFile);
        _storage.AddTo(command);
        command.Options.Add(_seeds);
    }

    /// <summary>"Today": the given date, or the local date from the system clock.</summary>
    public static bool TryToday(string? asOf, CliEnvironment environment, out DateOnly today)
    {
        if (asOf is null)
        {
            today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            return true;
        }

        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            return true;
        }

        environment.Console.MarkupLine($"[red]{CliTexts.Input.NotADate(Markup.Escape(asOf))}[/] {CliTexts.ModelSource.BadDateHint}");
        return false;
    }

    /// <summary>The model, or null after a Dutch message that says what to do.</summary>
    public async Task<KnowledgeModel?> LoadAsync(ParseResult parse, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (parse.GetValue(_modelFile) is { } file)
        {
            return LoadFile(Path.GetFullPath(file, environment.CurrentDirectory), environment);
        }

        if (_storage.IsGiven(parse, environment))
        {
            return _storage.Open(parse, environment) is { } blobs ? await LoadFromStorageAsync(blobs, environment, cancellationToken) : null;
        }

        return SeedsLocation.Load(parse.GetValue(_seeds), environment)?.Result.Model;
    }

    private static KnowledgeModel? LoadFile(string path, CliEnvironment environment)
    {
        try
        {
            return ModelJson.Deserialize(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            environment.Console.MarkupLine($"[red]{CliTexts.ModelSource.Unreadable(Markup.Escape(path))}[/] {CliTexts.ModelSource.UnreadableDetail(Markup.Escape(ex.Message))}");
            return null;
        }
        catch (InvalidModelException ex)
        {
            environment.Console.MarkupLine($"[red]{CliTexts.ModelSource.Invalid(Markup.Escape(path))}[/] {CliTexts.ModelSource.InvalidDetail(Markup.Escape(ex.Message))}");
            return null;
        }
    }

    private static async Task<KnowledgeModel?> LoadFromStorageAsync(IBlobContainer blobs, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var containerName = blobs.Name;
        try
        {
            var loaded = await new ModelRepository(blobs).LoadCurrentAsync(cancellationToken);
            if (loaded is null)
            {
                environment.Console.MarkupLine(
                    $"[red]{CliTexts.ModelSource.NothingPublished(Markup.Escape(containerName))}[/] {CliTexts.ModelSource.NothingPublishedHint}");
            }

            return loaded?.Model;
        }
        catch (Exception ex) when ((CliStorage.IsStorageFailure(ex) || ex is InvalidModelException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex switch
            {
                BlobStorageException { Status: { } status } => $"HTTP {status}",
                Azure.Identity.AuthenticationFailedException => CliTexts.Storage.SignInFailedReason,
                InvalidModelException => CliTexts.Storage.InvalidStoredModelReason,
                _ => CliTexts.Storage.NoConnectionReason,
            };
            environment.Console.MarkupLine(
                $"[red]{CliTexts.ModelSource.CannotLoadFromStorage}[/] {CliTexts.ModelSource.CannotLoadFromStorageDetail(Markup.Escape(reason), PublishCommand.ConnectionStringVariable)}");
            return null;
        }
    }
}
