namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>Test classes that share one Azurite and one running host (importing and publishing the seeds once).</summary>
[CollectionDefinition(Name)]
public sealed class BotHostCollection : ICollectionFixture<BotHostFixture>
{
    public const string Name = "bot host";
}
