using VarBot.Bot.Answers;
using VarBot.Bot.Startup;
using VarBot.Knowledge.Store;
using VarBot.Storage;

namespace VarBot.Bot;

public static class KnowledgeWiring
{
    /// <summary>Blob storage (section "Storage"), the hot-reloaded model from it, the answering engine and the cards.</summary>
    public static IServiceCollection AddVarBotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBlobStorage(configuration.GetSection(BlobStorageOptions.SectionName));
        services.AddKnowledgeModelStore(configuration);
        services.AddSingleton<IBotKnowledge, EngineKnowledge>();
        services.AddSingleton<ICardRenderer, CatalogCardRenderer>();
        services.AddHostedService<SeedModelPublisher>();
        return services;
    }
}
