using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;

namespace VarBot.Newsletter.Hosting;

public static class NewsletterServiceCollectionExtensions
{
    public const string NewsletterBlobKey = "newsletter";

    /// <summary>
    /// Adds composition, subscribers, delivery, the public pages and the scheduler, configured from the "Newsletter"
    /// section (validated at start). <paramref name="container"/> supplies the blob container (defaults to the
    /// registered <see cref="IBlobContainer"/>); subscribers live in an Azure Table (Newsletter:SubscriberTable, by
    /// default named after the container) of <paramref name="tables"/>, else of the container's own account
    /// (<see cref="ITableServiceSource"/>), else the registered <see cref="TableServiceClient"/>. The host calls
    /// UseRateLimiter() for the form's per-client limit.
    /// </summary>
    public static IServiceCollection AddNewsletter(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<IServiceProvider, IBlobContainer>? container = null,
        Func<IServiceProvider, TableServiceClient>? tables = null)
    {
        services.AddOptions<NewsletterOptions>().Bind(configuration.GetSection(NewsletterOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NewsletterOptions>, NewsletterOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NewsletterOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new NewsletterLinks(sp.GetRequiredService<NewsletterOptions>().PublicBaseUrl));
        services.AddKeyedSingleton<IBlobContainer>(NewsletterBlobKey, (sp, _) => container?.Invoke(sp) ?? sp.GetRequiredService<IBlobContainer>());
        services.AddSingleton(sp => new SubscriptionTokens(SigningKey(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SubscriberKeys(SigningKey(sp)));
        services.AddSingleton(sp => new SubscriberStore(Blobs(sp), SubscriberTable(sp, tables), sp.GetRequiredService<SubscriberKeys>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SubscriberStore>>()));
        services.AddHostedService<SubscriberStorePreparation>();
        services.AddSingleton(sp => new SubscriberKeyMigration(Blobs(sp), sp.GetRequiredService<SubscriberStore>(), sp.GetRequiredService<ILogger<SubscriberKeyMigration>>()));
        services.AddSingleton(sp => new SubscriberImporter(sp.GetRequiredService<SubscriberStore>()));
        services.AddSingleton(sp => new UnsubscribeReasons(Blobs(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new IssueStore(Blobs(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new NewsletterRenderer(sp.GetService<ILoggerFactory>()));
        services.AddEditorial(configuration);
        services.AddSingleton(sp => new MessageFactory(sp.GetRequiredService<NewsletterOptions>()));
        services.AddSingleton(sp => new SmtpMailer(sp.GetRequiredService<NewsletterOptions>().Smtp, sp.GetRequiredService<MessageFactory>().Domain));
        services.AddSingleton(sp => new SubscriptionLimiter(sp.GetRequiredService<NewsletterOptions>().RateLimits));
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton(sp => new NewsletterSender(
            Blobs(sp),
            sp.GetRequiredService<IssueStore>(),
            sp.GetRequiredService<SubscriberStore>(),
            sp.GetRequiredService<SubscriptionTokens>(),
            sp.GetRequiredService<NewsletterRenderer>(),
            sp.GetRequiredService<SmtpMailer>(),
            sp.GetRequiredService<MessageFactory>(),
            sp.GetRequiredService<NewsletterLinks>(),
            sp.GetRequiredService<NewsletterOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<NewsletterSender>>()));
        services.AddSingleton(sp => new SendProgressQuery(Blobs(sp), sp.GetRequiredService<SubscriberStore>()));
        if (configuration[$"{NewsletterOptions.SectionName}:{nameof(NewsletterOptions.ModelPath)}"] is { Length: > 0 } path)
        {
            services.TryAddSingleton<INewsletterModelSource>(new FileModelSource(path));
        }

        services.AddSingleton(sp => new ThemeCatalog(sp.GetRequiredService<INewsletterModelSource>()));
        services.AddHostedService<NewsletterScheduler>();
        AddPublicPages(services);
        return services;
    }

    private static void AddPublicPages(IServiceCollection services)
    {
        services.AddRazorComponents();
        // "Zoë", not "Zo&#xEB;", in the pages.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRateLimiter(o => o.AddPolicy(SubscriptionLimiter.HttpPolicy, new FormRateLimiterPolicy()));
        // Hosting's "Request starting/finished" lines carry the query string, and /nieuwsbrief/* links carry tokens
        // (unsubscribe, confirm, manage): those lines stay below the level that is ever written.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning));
    }

    private static IBlobContainer Blobs(IServiceProvider services) => services.GetRequiredKeyedService<IBlobContainer>(NewsletterBlobKey);

    private static TableClient SubscriberTable(IServiceProvider services, Func<IServiceProvider, TableServiceClient>? tables)
    {
        var blobs = Blobs(services);
        var service = tables?.Invoke(services)
            ?? (blobs as ITableServiceSource)?.TableService
            ?? services.GetService<TableServiceClient>()
            ?? throw new InvalidOperationException("Subscribers need Azure Table storage: register a TableServiceClient (AddBlobStorage does) or pass one to AddNewsletter.");
        var name = services.GetRequiredService<NewsletterOptions>().SubscriberTable;
        return service.GetTableClient(string.IsNullOrWhiteSpace(name) ? SubscriberStore.DefaultTableName(blobs.Name) : name);
    }

    private static byte[] SigningKey(IServiceProvider services) => Convert.FromBase64String(services.GetRequiredService<NewsletterOptions>().SigningKey);

    /// <summary>POST /nieuwsbrief per client IP: a fixed window from Newsletter:RateLimits, a Dutch 429 page beyond it.</summary>
    private sealed class FormRateLimiterPolicy : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = "900";
            await NewsletterEndpoints.NoticeResult(NewsletterTexts.RateLimited, StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var limits = httpContext.RequestServices.GetRequiredService<NewsletterOptions>().RateLimits;
            var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => SubscriptionLimiter.Window(limits.RequestsPerClient, limits.ClientWindow));
        }
    }
}

/// <summary>The rules of the "Newsletter" section; messages name the setting, in English like every log and exception.</summary>
internal sealed class NewsletterOptionsValidator : IValidateOptions<NewsletterOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsletterOptions options)
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

        var smtp = options.Smtp;
        if (smtp.Connections is < 1 or > 64)
        {
            problems.Add("Newsletter:Smtp:Connections must be between 1 and 64.");
        }

        if (smtp.MaxAttempts is < 1 or > 10)
        {
            problems.Add("Newsletter:Smtp:MaxAttempts must be between 1 (no retry) and 10.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            problems.Add("Newsletter:Smtp:Port must be between 1 and 65535.");
        }

        if (!string.IsNullOrEmpty(smtp.UserName) && smtp.Security is SmtpSecurity.None or SmtpSecurity.StartTlsWhenAvailable && !IsLoopback(smtp.Host))
        {
            problems.Add("Newsletter:Smtp:UserName is set but Newsletter:Smtp:Security is not StartTls or SslOnConnect: the password would cross the network in clear text.");
        }

        if (!string.IsNullOrWhiteSpace(options.SubscriberTable) && !TableServiceFactory.IsValidTableName(options.SubscriberTable))
        {
            problems.Add("Newsletter:SubscriberTable must be 3-63 letters and digits, starting with a letter.");
        }

        var limits = options.RateLimits;
        if (limits.MailsPerAddress < 1 || limits.RequestsPerClient < 1 || limits.AddressWindow <= TimeSpan.Zero || limits.ClientWindow <= TimeSpan.Zero)
        {
            problems.Add("Newsletter:RateLimits: permits must be at least 1 and windows positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
