using Microsoft.Extensions.Logging.Abstractions;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Bot.Tests.Infrastructure;

/// <summary>Publishes a model into a running host's container and waits (at most 30 s) until /readyz names its version.</summary>
internal static class ModelReload
{
    public static async Task<string> PublishAndWaitAsync(AzuriteFixture azurite, string container, HttpClient client, KnowledgeModel model)
    {
        var blobs = BlobContainerFactory.Create(azurite.ConnectionString, container);
        await new ModelPublisher(blobs, TimeProvider.System, NullLogger<ModelPublisher>.Instance).PublishAsync(model);
        return await Poll.UntilAsync(() => client.GetStringAsync("/readyz"), r => r.Contains(model.Version, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }
}
