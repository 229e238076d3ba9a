using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VarBot.Answering;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;

namespace VarBot.Cli.Commands;

/// <summary><c>varbot ask "vraag"</c> and <c>varbot ask --batch FILE.jsonl</c>: answers as a user reads them.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("vraag") { Description = "De vraag in het Nederlands.", Arity = ArgumentArity.ZeroOrOne };
        var asOf = new Option<string?>("--as-of") { Description = "De datum van vandaag (JJJJ-MM-DD)." };
        var json = new Option<bool>("--json") { Description = "Schrijf het hele antwoord als JSON." };
        var batch = new Option<FileInfo?>("--batch") { Description = "JSONL-bestand met regels {\"id\",\"question\",\"as_of\"?,\"conversation\"?}." };
        var modelFile = ModelSource.ModelOption();
        var seeds = ModelSource.SeedsOption();
        var command = new Command("ask", "Beantwoord een vraag uit het kennismodel.") { question, asOf, json, batch, modelFile, seeds };
        command.SetAction(parse =>
        {
            var today = ModelSource.Today(parse.GetValue(asOf));
            var engine = AnswerEngine.Build(ModelSource.Load(parse.GetValue(modelFile), parse.GetValue(seeds)));
            if (parse.GetValue(batch) is { } file)
            {
                RunBatch(engine, file, today);
                return 0;
            }

            var text = parse.GetValue(question);
            if (string.IsNullOrWhiteSpace(text))
            {
                Console.Error.WriteLine("Geef een vraag of --batch BESTAND.");
                return 2;
            }

            var answer = engine.Ask(new Question(text, today, null));
            Console.WriteLine(parse.GetValue(json) ? ToJson(answer) : AnswerText.Flatten(answer));
            return 0;
        });
        return command;
    }

    private static void RunBatch(AnswerEngine engine, FileInfo file, DateOnly today)
    {
        var contexts = new Dictionary<string, ConversationContext>();
        foreach (var line in File.ReadLines(file.FullName))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var node = JsonNode.Parse(line)!.AsObject();
            var id = node["id"]?.ToString() ?? "";
            var lineToday = node["as_of"] is JsonValue v ? ModelSource.Today(v.GetValue<string>()) : today;
            var conversation = node["conversation"]?.ToString();
            ConversationContext? previous = null;
            if (conversation is not null)
            {
                contexts.TryGetValue(conversation, out previous);
            }

            var answer = engine.Ask(new Question(node["question"]?.GetValue<string>() ?? "", lineToday, previous));
            if (conversation is not null)
            {
                contexts[conversation] = answer.Context;
            }

            Console.WriteLine(Evaluation.ToJsonLine(new
            {
                id,
                answer = AnswerText.Flatten(answer),
                intent = answer.Intent,
                sources = answer.Card.Data["sources"]?.AsArray().Select(s => s?.GetValue<string>()).ToList(),
            }));
        }
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

/// <summary>Where ask and eval get the model: --model FILE, else an import of the seeds folder.</summary>
internal static class ModelSource
{
    public static Option<FileInfo?> ModelOption() => new("--model") { Description = "Kennismodel (JSON) in plaats van een import van de seeds." };

    public static Option<DirectoryInfo?> SeedsOption() => new("--seeds") { Description = "Map met seeds (standaard ./seeds)." };

    public static DateOnly Today(string? asOf) =>
        asOf is null
            ? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime)
            : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static KnowledgeModel Load(FileInfo? modelFile, DirectoryInfo? seeds)
    {
        if (modelFile is not null)
        {
            return ModelJson.Deserialize(File.ReadAllBytes(modelFile.FullName));
        }

        var folder = seeds?.FullName ?? Path.Combine(Environment.CurrentDirectory, "seeds");
        return KnowledgeImporter.Import(folder).Model;
    }
}
