using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace VarBot.Storage.Tests;

public sealed class BlobStorageServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, TokenCredential? credential = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBlobStorage(configuration.GetSection("Storage"), credential);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddBlobStorage_DevelopmentConnectionString_RegistersContainerWithDefaultName()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var container = provider.GetRequiredService<IBlobContainer>();

        Assert.Equal("varbot", container.Name);
        Assert.IsType<RestBlobContainer>(container);
    }

    [Fact]
    public void AddBlobStorage_ServiceUriAndCredential_RegistersContainer()
    {
        using var provider = Build(
            new() { ["Storage:ServiceUri"] = "https://acct.blob.core.windows.net", ["Storage:Container"] = "models-prod" },
            Mock.Of<TokenCredential>());

        Assert.Equal("models-prod", provider.GetRequiredService<IBlobContainer>().Name);
    }

    [Theory]
    [InlineData(null, null, "varbot", "exactly one")]
    [InlineData("UseDevelopmentStorage=true", "https://acct.blob.core.windows.net", "varbot", "exactly one")]
    [InlineData("AccountName=a", null, "varbot", "AccountKey")]
    [InlineData("UseDevelopmentStorage=true", null, "Bad_Name", "container name")]
    public void AddBlobStorage_InvalidOptions_FailsValidationWithReason(string? connectionString, string? serviceUri, string container, string expected)
    {
        using var provider = Build(new()
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:ServiceUri"] = serviceUri,
            ["Storage:Container"] = container,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
