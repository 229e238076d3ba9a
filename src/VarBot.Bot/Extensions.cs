using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VarBot.Bot.Agenda;
using VarBot.Bot.Answers;
using VarBot.Bot.Conversations;
using VarBot.Bot.Feedback;
using VarBot.Bot.Handlers;
using VarBot.Bot.Health;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Protocol;

namespace VarBot.Bot;

/// <summary>All wiring of the bot host; Program.cs reads as a list of these calls.</summary>
public static class Extensions
{
    public const string DefaultUrl = "http://127.0.0.1:3978";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// The host's options: its content root (appsettings.json, the staff console's files) is the app's own folder, so
    /// started from any working directory it reads the same settings, unless a content root is given explicitly.
    /// </summary>
    public static WebApplicationOptions HostOptions(string[] args)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions { Args = args, ContentRootPath = explicitRoot ? null : AppContext.BaseDirectory };
    }

    /// <summary>
    /// Local defaults: listen on 127.0.0.1:3978 unless urls are configured, and use Azurite when no storage is configured.
    /// </summary>
    public static WebApplicationBuilder UseVarBotDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["Storage:ConnectionString"]) && string.IsNullOrWhiteSpace(builder.Configuration["Storage:ServiceUri"]))
        {
            builder.Configuration["Storage:ConnectionString"] = DevelopmentStorage;
        }

        if (IsLocalDefaults(builder.Configuration))
        {
            NewsletterWiring.UseLocalNewsletterKey(builder.Configuration);
        }

        return builder;
    }

    /// <summary>No app id and the local storage emulator: a developer's machine.</summary>
    internal static bool IsLocalDefaults(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["Bot:MicrosoftAppId"])
        && string.Equals(configuration["Storage:ConnectionString"]?.Trim().TrimEnd(';'), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    /// <summary>The protocol layer, with the bot's Dutch apology for a failing turn.</summary>
    public static IServiceCollection AddVarBotProtocol(this IServiceCollection services, IConfiguration configuration) =>
        services.AddBotProtocol(configuration, options => options.TurnErrorText = BotTexts.Apology);

    /// <summary>The bot: routing table, handlers, conversation and feedback stores, cards, health checks.</summary>
    public static IServiceCollection AddVarBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VarBotOptions>().BindConfiguration(VarBotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LogThrottle>();
        services.AddSingleton<IConversationStorage, ConversationTable>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ConversationWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ConversationWriter>());
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<FeedbackWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedbackWriter>());
        // Feedback buttons carry their answer signed with a key derived from the deployment's one signing secret.
        services.AddSingleton(provider => new AnswerTickets(Convert.FromBase64String(provider.GetRequiredService<VarBot.Newsletter.NewsletterOptions>().SigningKey)));
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<BotCards>();
        services.AddSingleton<ConversationAnswerer>();

        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<HelpHandler>();
        services.AddSingleton<FeedbackHandler>();
        services.AddSingleton<QuestionHandler>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<SubscribeHandler>();
        services.AddSingleton<UnknownInvokeHandler>();
        services.AddSingleton<IBotHandler, ActivityRouter>();

        services.AddHealthChecks()
            .AddCheck<ModelLoadedHealthCheck>("model", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// /healthz: the process is up. /readyz: a model is loaded (503 until then); "Degraded" (still 200) while storage
    /// does not answer or the last model refresh failed, because answers go on from the model in memory.
    /// </summary>
    public static IEndpointRouteBuilder MapVarBotHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK },
            ResponseWriter = WriteHealthAsync,
        });
        return endpoints;
    }

    /// <summary>Each check's status (and the model version): endpoints, container and blob names and exception texts stay in the logs.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["status"] = report.Status.ToString() };
        foreach (var (name, entry) in report.Entries)
        {
            body[name] = entry.Status.ToString();
            if (entry.Data.TryGetValue("version", out var version))
            {
                body[name + "Version"] = version.ToString();
            }
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>/api/messages and the agenda files.</summary>
    public static IEndpointRouteBuilder MapVarBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBotMessages();
        endpoints.MapAgenda();
        return endpoints;
    }
}
