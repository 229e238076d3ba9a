using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Answering;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;

namespace VarBot.Bot.Answers;

/// <summary>
/// The answering engine over the model from <see cref="IKnowledgeModelSource"/> (hot reloaded): whenever the source holds a
/// different model, the engine is rebuilt once and swapped in atomically; turns in flight keep the engine they started with.
/// Each built engine has its own <see cref="AnswerCache"/>, so a repeated question costs a look-up and a new model never
/// answers from an older model's answers.
/// </summary>
internal sealed class EngineKnowledge(IKnowledgeModelSource source, IOptions<VarBotOptions> options, ILogger<EngineKnowledge> logger) : IBotKnowledge, IModelCheck
{
    private readonly Lock _buildLock = new();
    private volatile Built? _built;
    private volatile Built? _prepared;

    public string Name => "answering engine";

    /// <summary>Builds the engine from a model before it becomes current (throws when it cannot); the build is kept for the swap.</summary>
    public void Check(KnowledgeModel model) => _prepared = Build(model);

    public KnowledgeModel? Model => Current()?.Model;

    public EngineAnswer? Ask(string question, DateOnly today, string? previousContext)
    {
        if (Current() is not { } built)
        {
            return null;
        }

        if (built.Answers.TryGet(question, today, previousContext, out var cached))
        {
            return cached;
        }

        var answer = Answer(built, question, today, previousContext);
        built.Answers.Add(question, today, previousContext, answer);
        return answer;
    }

    private static EngineAnswer Answer(Built built, string question, DateOnly today, string? previousContext)
    {
        var answer = built.Engine.Ask(new Question(question, today, ConversationContext.FromJson(previousContext)));
        return new EngineAnswer(
            answer.Intent,
            answer.Text,
            answer.Card.Template,
            answer.Card.Data,
            answer.Suggestions,
            answer.Context.ToJson(),
            answer.Answered,
            built.Model.Version,
            answer.Sources,
            today);
    }

    private Built? Current()
    {
        var model = source.Current;
        if (model is null)
        {
            return null;
        }

        var built = _built;
        if (built is not null && ReferenceEquals(built.Model, model))
        {
            return built;
        }

        lock (_buildLock)
        {
            built = _built;
            if (built is not null && ReferenceEquals(built.Model, model))
            {
                return built;
            }

            built = _prepared is { } prepared && ReferenceEquals(prepared.Model, model) ? prepared : Build(model);
            _built = built;
            _prepared = null;
            return built;
        }
    }

    private Built Build(KnowledgeModel model)
    {
        var started = Stopwatch.GetTimestamp();
        var built = new Built(model, AnswerEngine.Build(model, logger), new AnswerCache(options.Value.AnswerCacheSize));
        logger.EngineBuilt(model.Version, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return built;
    }

    private sealed record Built(KnowledgeModel Model, AnswerEngine Engine, AnswerCache Answers);
}
