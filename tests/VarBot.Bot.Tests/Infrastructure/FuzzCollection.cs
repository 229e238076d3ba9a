namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>
/// The fuzz test measures the managed heap of the whole test process, so it runs alone (after the parallel collections)
/// on its own host: other classes starting hosts at the same time would show up as growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection : ICollectionFixture<BotHostFixture>
{
    public const string Name = "fuzz (alone)";
}
