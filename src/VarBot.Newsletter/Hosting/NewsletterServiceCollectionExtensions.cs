using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;

namespace VarBot.Newsletter.Hosting;

public static class NewsletterServiceCollectionExtensions
{
    /// <summary>
    /// Adds composition, subscribers, delivery and the scheduler, configured from the "Newsletter" section.
    /// <paramref name="container"/> supplies the blob container (defaults to the registered <see cref="IBlobContainer"/>).
    /// </summary>
    public static IServiceCollection AddNewsletter(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IBlobContainer>? container = null)
    {
        var options = configuration.GetSection(NewsletterOptions.SectionName).Get<NewsletterOptions>() ?? new NewsletterOptions();
        Validate(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new NewsletterLinks(options.PublicBaseUrl));
        services.AddKeyedSingleton<IBlobContainer>(NewsletterBlobKey, (sp, _) => container?.Invoke(sp) ?? sp.GetRequiredService<IBlobContainer>());
        services.AddSingleton(sp => new SubscriptionTokens(Convert.FromBase64String(options.SigningKey), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SubscriberStore(sp.GetRequiredKeyedService<IBlobContainer>(NewsletterBlobKey), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new IssueStore(sp.GetRequiredKeyedService<IBlobContainer>(NewsletterBlobKey), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new NewsletterRenderer(sp.GetService<ILoggerFactory>()));
        services.AddEditorial(configuration);
        services.AddSingleton(new SmtpMailer(options.Smtp));
        services.AddSingleton(new MessageFactory(options));
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton(sp => new NewsletterSender(
            sp.GetRequiredKeyedService<IBlobContainer>(NewsletterBlobKey),
            sp.GetRequiredService<IssueStore>(),
            sp.GetRequiredService<SubscriberStore>(),
            sp.GetRequiredService<SubscriptionTokens>(),
            sp.GetRequiredService<NewsletterRenderer>(),
            sp.GetRequiredService<SmtpMailer>(),
            sp.GetRequiredService<MessageFactory>(),
            sp.GetRequiredService<NewsletterLinks>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<NewsletterSender>>()));
        if (options.ModelPath is { Length: > 0 } path)
        {
            services.TryAddSingleton<INewsletterModelSource>(new FileModelSource(path));
        }

        services.AddTransient(sp => new ThemeCatalog(
            sp.GetRequiredService<INewsletterModelSource>().Current.Themes.Where(t => t.IsCurrent).Select(t => new Templates.Views.ThemeChoice(t.Id, t.Name)).ToList()));
        services.AddHostedService<NewsletterScheduler>();
        return services;
    }

    public const string NewsletterBlobKey = "newsletter";

    internal static void Validate(NewsletterOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out _))
        {
            problems.Add("Newsletter:PublicBaseUrl must be an absolute URL.");
        }

        try
        {
            if (Convert.FromBase64String(options.SigningKey).Length < 32)
            {
                problems.Add("Newsletter:SigningKey must hold at least 32 bytes (base64).");
            }
        }
        catch (FormatException)
        {
            problems.Add("Newsletter:SigningKey must be base64.");
        }

        if (options.ScheduleDayOfMonth is < 1 or > 28)
        {
            problems.Add("Newsletter:ScheduleDayOfMonth must be between 1 and 28.");
        }

        if (options.Smtp.Connections is < 1 or > 64)
        {
            problems.Add("Newsletter:Smtp:Connections must be between 1 and 64.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid newsletter configuration: " + string.Join(" ", problems));
        }
    }
}
