using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VarBot.TestSupport;

namespace VarBot.Deployment.Tests;

/// <summary>scripts/check-infra.sh: the Bicep CLI from the package feed builds and lints infra/ without a finding.</summary>
public sealed class InfraTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("varbot-infra-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task CheckInfra_RepositoryInfra_BuildsAndLintsWithoutWarnings()
    {
        var outDir = Path.Combine(_work.FullName, "out");

        var run = await RunCheckAsync(outDir);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(", 0 failed steps", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", run.Output, StringComparison.Ordinal);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "arm", "main.json")))!;
        AssertSecureDefaults(template);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task CheckInfra_UnusedParameterAndWrongParamsFile_FailsAndNamesTheFindings()
    {
        var infra = Directory.CreateDirectory(Path.Combine(_work.FullName, "infra"));
        await File.WriteAllTextAsync(Path.Combine(infra.FullName, "main.bicep"), "param unused string\noutput greeting string = 'hallo'\n");
        await File.WriteAllTextAsync(Path.Combine(infra.FullName, "main.bicepparam"), "using 'main.bicep'\nparam unknown = 1\n");

        var run = await RunCheckAsync(null, infra.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no-unused-params", run.Output, StringComparison.Ordinal);
        Assert.Contains("BCP259", run.Output, StringComparison.Ordinal);
        Assert.Contains("4 failed steps", run.Output, StringComparison.Ordinal);
    }

    private static Task<ScriptRun> RunCheckAsync(string? outDir, params string[] arguments)
    {
        var environment = outDir is null ? null : new Dictionary<string, string> { ["CHECK_INFRA_OUTDIR"] = outDir };
        return ScriptRunner.RunAsync("bash", [Path.Combine(RepoPaths.Root, "scripts", "check-infra.sh"), .. arguments], Timeout, environment);
    }

    /// <summary>What the issue asks of the resources, read from the compiled ARM template (modules are nested in it).</summary>
    private static void AssertSecureDefaults(JsonNode template)
    {
        var resources = AllResources(template).ToList();
        JsonNode One(string type) => Assert.Single(resources, r => (string?)r["type"] == type);

        var storage = One("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        Assert.Equal("[parameters('allowSharedKeyAccess')]", (string?)storage["allowSharedKeyAccess"]);
        Assert.Contains("\"allowSharedKeyAccess\":{\"value\":false}", template.ToJsonString(Relaxed), StringComparison.Ordinal);

        var blobService = One("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True((bool)blobService["isVersioningEnabled"]!);
        Assert.True((bool)blobService["deleteRetentionPolicy"]!["enabled"]!);
        Assert.Equal("None", (string?)One("Microsoft.Storage/storageAccounts/blobServices/containers")["properties"]!["publicAccess"]);

        var site = One("Microsoft.Web/sites");
        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        var siteConfig = site["properties"]!["siteConfig"]!;
        Assert.True((bool)siteConfig["alwaysOn"]!);
        Assert.Equal("/readyz", (string?)siteConfig["healthCheckPath"]);
        Assert.Contains("DOTNETCORE|10.0", (string?)siteConfig["linuxFxVersion"], StringComparison.Ordinal);

        // The web app's identity gets Storage Blob Data Contributor and Storage Table Data Contributor (subscribers) on the
        // account and Key Vault Secrets User on the vault.
        var webAppModule = resources.Single(r => (string?)r["name"] == "varbot-webapp").ToJsonString(Relaxed);
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", webAppModule, StringComparison.Ordinal);
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", webAppModule, StringComparison.Ordinal);
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", webAppModule, StringComparison.Ordinal);
        var identityRoles = resources.Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments"
            && ((string?)r["properties"]!["principalId"])?.Contains("identity.principalId", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(3, identityRoles.Count);

        var bot = One("Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("SingleTenant", (string?)bot["msaAppType"]);
        Assert.Equal("MsTeamsChannel", (string?)One("Microsoft.BotService/botServices/channels")["properties"]!["channelName"]);

        // The settings are one ARM expression: union(createObject('Key', value, ...), extraAppSettings).
        var settings = (string)One("Microsoft.Web/sites/config")["properties"]!;
        foreach (var secret in new[] { "Bot__MicrosoftAppPassword", "Newsletter__SigningKey", "Newsletter__Smtp__Password" })
        {
            Assert.Matches($"'{secret}', format\\('@Microsoft.KeyVault\\(VaultName=", settings);
        }

        Assert.Contains("'Storage__ServiceUri'", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage__ConnectionString", settings, StringComparison.Ordinal);
        Assert.Contains("'APPLICATIONINSIGHTS_CONNECTION_STRING'", settings, StringComparison.Ordinal);
        Assert.Single(resources, r => (string?)r["type"] == "Microsoft.Insights/components");
        Assert.Single(resources, r => (string?)r["type"] == "Microsoft.KeyVault/vaults");
    }

    private static IEnumerable<JsonNode> AllResources(JsonNode template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonNode>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonNode>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"] is JsonObject properties && properties["template"] is { } nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
