using VarBot.Bot.Answers;
using VarBot.Bot.Startup;
using VarBot.Cards;
using VarBot.Knowledge.Calendar;
using VarBot.Knowledge.Store;
using VarBot.Storage;

namespace VarBot.Bot;

public static class KnowledgeWiring
{
    /// <summary>
    /// Blob storage (section "Storage"), the hot-reloaded model from it (section "ModelStore"), the answering engine
    /// rebuilt on each new model, and the cards. On local defaults the seeds are published first when storage is empty.
    /// </summary>
    public static IServiceCollection AddVarBotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBlobStorage();
        services.AddHostedService<SeedModelPublisher>();
        services.AddKnowledgeModelStore();
        services.AddSingleton<EngineKnowledge>();
        services.AddSingleton<IBotKnowledge>(provider => provider.GetRequiredService<EngineKnowledge>());
        services.AddSingleton<IModelCheck>(provider => provider.GetRequiredService<EngineKnowledge>());
        services.AddCardCatalog();
        services.AddSingleton<ICardRenderer, CatalogCardRenderer>();
        services.AddSingleton(provider => new IcsWriter(provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
