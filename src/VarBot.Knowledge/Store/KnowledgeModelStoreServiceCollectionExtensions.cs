using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Storage;

namespace VarBot.Knowledge.Store;

public static class KnowledgeModelStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKnowledgeModelSource"/> (with hot reload by <see cref="ModelRefreshService"/>),
    /// <see cref="ModelRepository"/> and <see cref="ModelPublisher"/> from the "ModelStore" section. Without ModelFile
    /// the blob store is used, so call <c>AddBlobStorage</c> too. Every registered <see cref="IModelCheck"/> must pass on
    /// a new model before it becomes current.
    /// </summary>
    public static IServiceCollection AddKnowledgeModelStore(this IServiceCollection services)
    {
        services.AddOptions<ModelStoreOptions>().BindConfiguration(ModelStoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ModelRepository(provider.GetRequiredService<IBlobContainer>()));
        services.TryAddSingleton(provider => new ModelPublisher(
            provider.GetRequiredService<IBlobContainer>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ModelPublisher>>()));
        services.TryAddSingleton<RefreshableModelSource>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ModelStoreOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            IEnumerable<IModelCheck> Checks() => provider.GetServices<IModelCheck>();
            return string.IsNullOrWhiteSpace(options.ModelFile)
                ? new BlobModelSource(provider.GetRequiredService<ModelRepository>(), time, provider.GetRequiredService<ILogger<BlobModelSource>>(), Checks)
                : new FileModelSource(options.ModelFile, time, provider.GetRequiredService<ILogger<FileModelSource>>(), Checks);
        });
        services.TryAddSingleton<IKnowledgeModelSource>(provider => provider.GetRequiredService<RefreshableModelSource>());
        services.AddHostedService<ModelRefreshService>();
        return services;
    }
}
