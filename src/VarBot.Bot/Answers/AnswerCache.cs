using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace VarBot.Bot.Answers;

/// <summary>
/// The answers one built engine gave, reused when the same question is asked again in the same situation. The engine
/// is a pure function of exactly the key's parts for one model: the question text, the user's "today" and the previous
/// turn's context (its JSON; the engine reads nothing else of the conversation, and no locale or clock). A cache
/// belongs to one engine, so a new model starts with an empty cache; a follow-up (another context) and a new day
/// (another date) are other keys. Bounded: at most <c>capacity</c> answers (older ones are compacted away).
/// </summary>
internal sealed class AnswerCache
{
    private readonly MemoryCache? _answers;

    public AnswerCache(int capacity)
    {
        _answers = capacity > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity }) : null;
    }

    /// <summary>Answers kept now (at most the capacity).</summary>
    public int Count => _answers?.Count ?? 0;

    /// <summary>The answer given before for exactly these inputs.</summary>
    public bool TryGet(string question, DateOnly today, string? previousContext, [NotNullWhen(true)] out EngineAnswer? answer)
    {
        answer = null;
        return _answers is not null && _answers.TryGetValue(new Key(question, today, previousContext), out answer) && answer is not null;
    }

    /// <summary>Keeps the engine's answer to these inputs; a full cache keeps none and compacts itself in the background.</summary>
    public void Add(string question, DateOnly today, string? previousContext, EngineAnswer answer)
    {
        if (_answers is null)
        {
            return;
        }

        using var entry = _answers.CreateEntry(new Key(question, today, previousContext));
        entry.Size = 1;
        entry.Value = answer;
    }

    /// <summary>Everything the engine's answer depends on besides the model (which the cache's owner fixes).</summary>
    private sealed record Key(string Question, DateOnly Today, string? PreviousContext);
}
