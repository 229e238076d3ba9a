using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VarBot.Protocol.Auth;
using VarBot.Protocol.Connector;
using VarBot.Protocol.Hosting;
using VarBot.Protocol.Proactive;

namespace VarBot.Protocol;

/// <summary>Wiring of the protocol layer: <c>services.AddBotProtocol(configuration)</c> and <c>app.MapBotMessages()</c>.</summary>
public static class ProtocolExtensions
{
    /// <summary>Registers the protocol layer; the bot registers its own <see cref="IBotHandler"/>.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration, Action<BotOptions>? configure = null)
    {
        EnsureSecretNotInFiles(configuration);
        var optionsBuilder = services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddHostedService<LoopbackBindingCheck>();

        services.AddHttpClient(ProtocolHttpClients.Connector, (provider, c) => c.Timeout = provider.GetRequiredService<IOptions<BotOptions>>().Value.ConnectorTimeout);
        services.AddHttpClient(ProtocolHttpClients.OpenIdMetadata, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(ProtocolHttpClients.Entra);
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<BotOptions>>().Value.IsAuthenticationEnabled
                ? ActivatorUtilities.CreateInstance<MsalConnectorTokenProvider>(sp)
                : new AnonymousConnectorTokenProvider());
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<IProactiveSender, ProactiveSender>();
        services.TryAddSingleton<ActivityQueue>();
        services.TryAddSingleton<TurnRunner>();
        services.TryAddSingleton<BotMessagesEndpoint>();
        services.AddHostedService<ActivityQueueWorker>();
        return services;
    }

    /// <summary>Maps the Bot Framework messaging endpoint (all methods, so that non-POST gets 405 rather than 404).</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.Map(pattern, context => context.RequestServices.GetRequiredService<BotMessagesEndpoint>().ProcessAsync(context))
            .WithDisplayName("Bot Framework messages");

    /// <summary>The app password may come from the environment or user secrets, never from a settings file in the repository.</summary>
    private static void EnsureSecretNotInFiles(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return;
        }

        const string key = BotOptions.SectionName + ":" + nameof(BotOptions.MicrosoftAppPassword);
        foreach (var provider in root.Providers.OfType<FileConfigurationProvider>())
        {
            var isUserSecrets = string.Equals(Path.GetFileName(provider.Source.Path), "secrets.json", StringComparison.OrdinalIgnoreCase);
            if (!isUserSecrets && provider.TryGet(key, out var value) && !string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException($"{key} is set in {provider.Source.Path}; set it in the environment (Bot__MicrosoftAppPassword) or user secrets instead.");
            }
        }
    }
}
