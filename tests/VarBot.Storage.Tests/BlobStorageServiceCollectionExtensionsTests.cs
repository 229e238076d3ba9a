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
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBlobStorage(credential);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddBlobStorage_DevelopmentConnectionString_RegistersContainerWithDefaultName()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var container = provider.GetRequiredService<IBlobContainer>();

        Assert.Equal("varbot", container.Name);
        Assert.IsType<AzureBlobContainer>(container);
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
    [InlineData("garbage", null, "varbot", "not a valid connection string")]
    [InlineData("AccountName=a;AccountKey=not*base64", null, "varbot", "not a valid connection string")]
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

    [Theory]
    [InlineData("AccountName=a;AccountKey=not*base64")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=varprod;AccountKey=c2VjcmV0LWtleQ==;BlobEndpoint=")]
    [InlineData("AccountKey=c2VjcmV0LWtleQ==")]
    public void AddBlobStorage_BadConnectionString_MessageNeverRepeatsIt(string connectionString)
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = connectionString });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value);

        Assert.DoesNotContain("not*base64", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWtleQ==", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBlobStorage_DevelopmentStorage_PointsAtAzuriteDefaultEndpoint()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var container = Assert.IsType<AzureBlobContainer>(provider.GetRequiredService<IBlobContainer>());

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/varbot"), container.Uri);
    }

    [Fact]
    public void AddBlobStorage_DevelopmentStorage_TableServiceAtAzuriteTablePort()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var tables = provider.GetRequiredService<Azure.Data.Tables.TableServiceClient>();

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), tables.Uri);
        Assert.Same(tables, ((ITableServiceSource)provider.GetRequiredService<IBlobContainer>()).TableService);
    }

    [Fact]
    public void AddBlobStorage_ServiceUri_TableServiceOfTheSameAccountWithTheSameCredential()
    {
        using var provider = Build(new() { ["Storage:ServiceUri"] = "https://acct.blob.core.windows.net" }, Mock.Of<TokenCredential>());

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), provider.GetRequiredService<Azure.Data.Tables.TableServiceClient>().Uri);
    }

    [Theory]
    [InlineData("https://storage.example.org", null, null)]
    [InlineData("https://storage.example.org", "https://tables.example.org", "https://tables.example.org/")]
    [InlineData("https://acct.blob.core.windows.net", "https://other.table.core.windows.net", "https://other.table.core.windows.net/")]
    [InlineData("https://acct.privatelink.blob.core.windows.net", null, "https://acct.privatelink.table.core.windows.net/")]
    public void TableUri_FromServiceUriOrExplicit(string serviceUri, string? tableUri, string? expected)
    {
        var options = new BlobStorageOptions { ServiceUri = new Uri(serviceUri), TableServiceUri = tableUri is null ? null : new Uri(tableUri) };

        Assert.Equal(expected, TableServiceFactory.TableUri(options)?.ToString());
    }

    [Fact]
    public void AddBlobStorage_ServiceUriWithoutBlobLabelAndNoTableServiceUri_FailsValidationNamingTheSetting()
    {
        using var provider = Build(new() { ["Storage:ServiceUri"] = "https://storage.example.org" }, Mock.Of<TokenCredential>());

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value);

        Assert.Contains("Storage:TableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10180/devstoreaccount1;", "http://127.0.0.1:10182/devstoreaccount1")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;BlobEndpoint=https://acct.blob.core.windows.net", "https://acct.table.core.windows.net/")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:7/devstoreaccount1;", "http://127.0.0.1:7/devstoreaccount1")]
    public void TableService_ConnectionStringWithBlobEndpointOnly_TableEndpointDerivedNotThePublicCloud(string connectionString, string expected)
    {
        Assert.Equal(new Uri(expected), TableServiceFactory.Create(connectionString).Uri);
    }
}
