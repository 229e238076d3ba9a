using VarBot.TestSupport;

namespace VarBot.Cli.Tests;

/// <summary>
/// One Azurite for the classes of the storage commands (publish, rollback, ask, feedback) instead of one each: an
/// Azurite start costs about 3 s of CPU, more than these classes' tests together. Their tests keep apart by unique
/// container names (or their own unreachable ports) and run one after the other in this collection; the newsletter
/// classes keep their own servers (they count all mails in maildev).
/// </summary>
[CollectionDefinition(Name)]
public sealed class StorageCommandsCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "CLI storage commands";
}
