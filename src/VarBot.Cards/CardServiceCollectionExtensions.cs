using Microsoft.Extensions.DependencyInjection;

namespace VarBot.Cards;

public static class CardServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="CardCatalog"/> singleton; the templates are loaded and validated when it is first resolved.</summary>
    public static IServiceCollection AddCardCatalog(this IServiceCollection services, Action<CardCatalogOptions>? configure = null)
    {
        var builder = services.AddOptions<CardCatalogOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.AddSingleton<CardCatalog>();
        return services;
    }
}
