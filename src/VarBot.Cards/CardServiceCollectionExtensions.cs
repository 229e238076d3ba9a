using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VarBot.Cards;

public static class CardServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="CardCatalog"/> singleton from the "Cards" section. Its templates are loaded and validated
    /// while the host starts, so a host without its cards/ folder (or with a broken template) does not start, rather than
    /// failing its first message.
    /// </summary>
    public static IServiceCollection AddCardCatalog(this IServiceCollection services)
    {
        services.AddOptions<CardCatalogOptions>().BindConfiguration(CardCatalogOptions.SectionName);
        services.AddSingleton<CardCatalog>();
        services.AddHostedService<CardCatalogStartupCheck>();
        return services;
    }

    /// <summary>Resolving the catalog loads and checks every template; an exception here stops the host's start.</summary>
    private sealed class CardCatalogStartupCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<CardCatalog>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
