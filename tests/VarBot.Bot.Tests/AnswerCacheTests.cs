using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VarBot.Answering;
using VarBot.Bot.Answers;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests;

/// <summary>
/// The answer cache (issue 11): a repeated question in the same situation is answered from the cache, and the cache
/// never gives a stale reply: a follow-up after another answer, another day and a new model each get what an engine
/// without a cache gives.
/// </summary>
public sealed class AnswerCacheTests
{
    private static readonly KnowledgeModel Seeds = KnowledgeImporter.Import(RepoPaths.Seeds).Model;
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Ask_SameQuestionContextAndDay_AnswersFromTheCache()
    {
        var knowledge = Knowledge(new ModelSource(Seeds));

        var first = knowledge.Ask("Wat is de begroting voor 2026?", Today, null)!;
        var second = knowledge.Ask("Wat is de begroting voor 2026?", Today, null)!;

        Assert.Same(first, second);
    }

    [Fact]
    public void Ask_FollowUpAfterDifferentAnswers_AnswersEachFromItsOwnContext()
    {
        var knowledge = Knowledge(new ModelSource(Seeds));
        var engine = AnswerEngine.Build(Seeds);

        var afterBudget = knowledge.Ask("Wat is de begroting voor 2026?", Today, null)!.Context;
        var afterEvents = knowledge.Ask("Welke bijeenkomsten waren er in 2026?", Today, null)!.Context;
        var followUpBudget = knowledge.Ask("En in 2025?", Today, afterBudget)!;
        var followUpEvents = knowledge.Ask("En in 2025?", Today, afterEvents)!;
        var fresh = knowledge.Ask("En in 2025?", Today, null)!;

        Assert.NotEqual(followUpBudget.Text, followUpEvents.Text);
        Assert.NotEqual(followUpBudget.Text, fresh.Text);
        Assert.Equal(Uncached(engine, "En in 2025?", Today, afterBudget), followUpBudget.Text);
        Assert.Equal(Uncached(engine, "En in 2025?", Today, afterEvents), followUpEvents.Text);
        Assert.Equal(Uncached(engine, "En in 2025?", Today, null), fresh.Text);
    }

    [Fact]
    public void Ask_NewDay_AnswersForThatDay()
    {
        var knowledge = Knowledge(new ModelSource(Seeds));
        var engine = AnswerEngine.Build(Seeds);
        var firstDay = new DateOnly(2026, 1, 5);

        var early = knowledge.Ask("Wanneer is het volgende Leerhuis?", firstDay, null)!;
        var late = knowledge.Ask("Wanneer is het volgende Leerhuis?", Today, null)!;

        Assert.NotEqual(early.Text, late.Text);
        Assert.Equal(Uncached(engine, "Wanneer is het volgende Leerhuis?", firstDay, null), early.Text);
        Assert.Equal(Uncached(engine, "Wanneer is het volgende Leerhuis?", Today, null), late.Text);
        Assert.Equal(Today, late.Today);
    }

    [Fact]
    public void Ask_NewModel_NeverAnswersFromTheOldModel()
    {
        var source = new ModelSource(Seeds);
        var knowledge = Knowledge(source);
        var before = knowledge.Ask("Wat is de begroting voor 2026?", Today, null)!;
        var changed = Seeds with { Version = Seeds.Version + "-next", Budgets = [] };

        source.Current = changed;
        var after = knowledge.Ask("Wat is de begroting voor 2026?", Today, null)!;

        Assert.Equal(changed.Version, after.ModelVersion);
        Assert.NotEqual(before.Text, after.Text);
        Assert.Equal(Uncached(AnswerEngine.Build(changed), "Wat is de begroting voor 2026?", Today, null), after.Text);
    }

    [Fact]
    public void Ask_CacheTurnedOff_AnswersAgain()
    {
        var knowledge = Knowledge(new ModelSource(Seeds), cacheSize: 0);

        var first = knowledge.Ask("Wat is de begroting voor 2026?", Today, null)!;
        var second = knowledge.Ask("Wat is de begroting voor 2026?", Today, null)!;

        Assert.NotSame(first, second);
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public void Add_MoreAnswersThanTheCapacity_KeepsAtMostTheCapacity()
    {
        var cache = new AnswerCache(10);
        var answer = Knowledge(new ModelSource(Seeds)).Ask("Wat is de begroting voor 2026?", Today, null)!;

        for (var i = 0; i < 100; i++)
        {
            cache.Add("vraag " + i, Today, null, answer);
            Assert.True(cache.Count <= 10, $"{cache.Count} answers kept");
        }
    }

    [Fact]
    public void TryGet_OtherDayOrContext_Misses()
    {
        var cache = new AnswerCache(10);
        var answer = Knowledge(new ModelSource(Seeds)).Ask("Wat is de begroting voor 2026?", Today, null)!;

        cache.Add("Wat is de begroting voor 2026?", Today, null, answer);

        Assert.True(cache.TryGet("Wat is de begroting voor 2026?", Today, null, out var cached));
        Assert.Same(answer, cached);
        Assert.False(cache.TryGet("Wat is de begroting voor 2026?", Today.AddDays(1), null, out _));
        Assert.False(cache.TryGet("Wat is de begroting voor 2026?", Today, answer.Context, out _));
        Assert.False(cache.TryGet("wat is de begroting voor 2026?", Today, null, out _));
    }

    private static EngineKnowledge Knowledge(IKnowledgeModelSource source, int cacheSize = 1_000) =>
        new(source, Options.Create(new VarBotOptions { AnswerCacheSize = cacheSize }), NullLogger<EngineKnowledge>.Instance);

    private static string Uncached(AnswerEngine engine, string question, DateOnly today, string? previousContext) =>
        engine.Ask(new Question(question, today, ConversationContext.FromJson(previousContext))).Text;

    private sealed class ModelSource(KnowledgeModel model) : IKnowledgeModelSource
    {
        public KnowledgeModel? Current { get; set; } = model;

        public ModelSourceHealth Health => new("test", Current?.Version, null, null, null, null);

        public event EventHandler<KnowledgeModelChangedEventArgs>? ModelChanged
        {
            add { }
            remove { }
        }

        public Task<KnowledgeModel> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current!);
    }
}
