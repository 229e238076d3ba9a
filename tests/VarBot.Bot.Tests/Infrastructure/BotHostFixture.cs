using VarBot.Answering;
using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>One Azurite and one running bot host shared by a test class; plus the answering engine built directly from seeds/.</summary>
public sealed class BotHostFixture : IAsyncLifetime
{
    private readonly Lazy<AnswerEngine> _engine = new(() => AnswerEngine.Build(KnowledgeImporter.Import(RepoPaths.Seeds).Model));

    public AzuriteFixture Azurite { get; } = new();

    public BotHostFactory Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The engine the CLI uses, for comparing the host's answers with.</summary>
    public AnswerEngine Engine => _engine.Value;

    public async Task InitializeAsync()
    {
        Host = new BotHostFactory(Azurite, AzuriteFixture.UniqueContainerName("bot"));
        Client = await Host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        Azurite.Dispose();
    }
}
