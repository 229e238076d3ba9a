using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Newsletter.Tests.Reliability;

/// <summary>
/// Runs alone: it measures the importer's rows per second, so no other test of the assembly may compete for the CPU
/// meanwhile (issue 9: a 20,000-row subscriber CSV).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThroughputMeasuredCollection
{
    public const string Name = "throughput-measured";
}

/// <summary>A large subscriber CSV against real Azurite: validated at a measured pace, then imported.</summary>
[Collection(ThroughputMeasuredCollection.Name)]
public sealed class SubscriberImportThroughputTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    private ThemeResolver Themes => new(servers.Seeds.Model.Themes);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Import_TwentyThousandRows_DryRunAtLeast5000RowsPerSecondAndImportStreams()
    {
        var (services, _) = await Harness.ServicesAsync(servers, servers.Seeds.Model);
        await using var _ = services;
        var csv = new StringBuilder("email,name,themes\n");
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append("lid").Append(i).Append("@example.org,Lid ").Append(i).Append(",mensenhandel;cybercrime\n");
        }

        var importer = services.GetRequiredService<SubscriberImporter>();
        var validate = await importer.ImportAsync(new StringReader(csv.ToString()), "groot.csv", Themes, dryRun: true);
        var import = await importer.ImportAsync(new StringReader(csv.ToString()), "groot.csv", Themes, dryRun: false);

        Console.WriteLine($"dry run {validate.RowsPerSecond:F0} rows/s, import {import.RowsPerSecond:F0} rows/s");
        Assert.Equal(20_000, validate.Imported);
        Assert.Equal(20_000, import.Imported);
        Assert.True(validate.RowsPerSecond >= 5_000, $"dry run {validate.RowsPerSecond:F0} rows/s");
    }
}
