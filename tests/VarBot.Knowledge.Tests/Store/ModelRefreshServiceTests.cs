using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VarBot.Knowledge.Store;
using VarBot.Storage;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Store;

/// <summary>The whole wiring as the bot uses it: AddBlobStorage + AddKnowledgeModelStore, hosted refresh against Azurite.</summary>
public sealed class ModelRefreshServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBlobStorage();
        services.AddKnowledgeModelStore();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task ExecuteAsync_NewPublishWhileRunning_IsPickedUpWithoutRestart()
    {
        await using var provider = Build(new()
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Container"] = AzuriteFixture.UniqueContainerName("hot"),
            ["ModelStore:RefreshInterval"] = "00:00:00.100",
        });
        var publisher = provider.GetRequiredService<ModelPublisher>();
        var source = provider.GetRequiredService<IKnowledgeModelSource>();
        var changed = 0;
        source.ModelChanged += (_, _) => Interlocked.Increment(ref changed);
        var service = Assert.Single(provider.GetServices<IHostedService>());
        await publisher.PublishAsync(TestModels.Create("v1"));

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await TestModels.PollAsync(() => source.Current?.Version == "v1", TimeSpan.FromSeconds(10)));
            await publisher.PublishAsync(TestModels.Create("v2"));
            Assert.True(await TestModels.PollAsync(() => source.Current?.Version == "v2", TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2, changed);
        Assert.Equal("v2", source.Health.Version);
    }

    [Fact]
    public async Task ExecuteAsync_NothingPublishedAtStart_KeepsPollingUntilAModelAppears()
    {
        await using var provider = Build(new()
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Container"] = AzuriteFixture.UniqueContainerName("late"),
            ["ModelStore:RefreshInterval"] = "00:00:00.050",
        });
        var source = provider.GetRequiredService<IKnowledgeModelSource>();
        var service = Assert.Single(provider.GetServices<IHostedService>());

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await TestModels.PollAsync(() => source.Health.LastError is not null, TimeSpan.FromSeconds(10)));
            Assert.False(source.Health.IsReady);
            await provider.GetRequiredService<ModelPublisher>().PublishAsync(TestModels.Create("v1"));
            Assert.True(await TestModels.PollAsync(() => source.Current?.Version == "v1", TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.True(source.Health.IsReady);
        Assert.Null(source.Health.LastError);
    }

    [Fact]
    public void AddKnowledgeModelStore_DefaultOptions_PollsEvery15Seconds()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var options = provider.GetRequiredService<IOptions<ModelStoreOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(15), options.RefreshInterval);
        Assert.Equal("varbot", provider.GetRequiredService<IBlobContainer>().Name);
    }

    [Fact]
    public void AddKnowledgeModelStore_IntervalOver30Seconds_FailsValidation()
    {
        using var provider = Build(new()
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["ModelStore:RefreshInterval"] = "00:01:00",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModelStoreOptions>>().Value);

        Assert.Contains("30 seconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledgeModelStore_ModelFileSet_UsesFileSource()
    {
        using var provider = Build(new() { ["ModelStore:ModelFile"] = "/tmp/model.json" });

        Assert.IsType<FileModelSource>(provider.GetRequiredService<IKnowledgeModelSource>());
    }
}
