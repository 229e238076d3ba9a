using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VarBot.Newsletter;
using VarBot.Storage;

namespace VarBot.Bot.Telemetry;

/// <summary>Where telemetry goes: Azure Monitor, an OTLP collector, or nowhere.</summary>
public enum TelemetryExport
{
    None,
    AzureMonitor,
    Otlp,
}

/// <summary>
/// OpenTelemetry for the host: the VarBot sources and meters (bot turns, newsletter job, storage calls) plus ASP.NET
/// Core and HttpClient instrumentation, exported to Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set,
/// else over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else not collected at all.
/// </summary>
public static class TelemetryWiring
{
    public const string AppInsightsConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "varbot";

    /// <summary>The ActivitySources of the projects that own the behaviour.</summary>
    public static IReadOnlyList<string> Sources { get; } = [BotTelemetry.Name, NewsletterTelemetry.Name];

    /// <summary>The Meters of the projects that own the behaviour.</summary>
    public static IReadOnlyList<string> Meters { get; } = [BotTelemetry.Name, NewsletterTelemetry.Name, StorageTelemetry.Name];

    public static TelemetryExport ExportFor(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[AppInsightsConnectionStringKey]) ? TelemetryExport.AzureMonitor
        : !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]) ? TelemetryExport.Otlp
        : TelemetryExport.None;

    public static IServiceCollection AddVarBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Counted on every storage request of the host, whether or not telemetry is exported (cheap without listeners).
        services.AddHttpClient(BlobStorageServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(StorageTelemetry.CreateHandler);
        var export = ExportFor(configuration);
        if (export == TelemetryExport.None)
        {
            return services;
        }

        // Query strings carry the newsletter's link tokens: never record them.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(options => options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null));
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration[ServiceNameKey] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithTracing(tracing => tracing.AddSource([.. Sources]))
            .WithMetrics(metrics => metrics.AddMeter([.. Meters]));
        if (export == TelemetryExport.AzureMonitor)
        {
            // The distro adds ASP.NET Core, HttpClient and log export itself.
            builder.UseAzureMonitor(options => options.ConnectionString = configuration[AppInsightsConnectionStringKey]);
        }
        else
        {
            builder
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        }

        return services;
    }
}
