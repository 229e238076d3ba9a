using VarBot.Bot.StaffConsole;
using VarBot.Bot.Teams;
using VarBot.Bot.Telemetry;
using VarBot.Newsletter.Hosting;

namespace VarBot.Bot;

/// <summary>
/// The bot host's composition, in the order it runs: the services of every part, then the pipeline and endpoints.
/// Program.cs is these two calls; the load benchmark builds the same host with them.
/// </summary>
public static class VarBotApp
{
    public static WebApplicationBuilder AddVarBotApp(this WebApplicationBuilder builder)
    {
        builder.UseVarBotDefaults();
        builder.Services.AddVarBotKnowledge(builder.Configuration);
        builder.Services.AddVarBotProtocol(builder.Configuration);
        builder.Services.AddVarBot(builder.Configuration);
        builder.Services.AddVarBotNewsletter(builder.Configuration);
        builder.Services.AddVarBotTeams();
        builder.Services.AddVarBotTelemetry(builder.Configuration);
        builder.AddStaffConsole();
        return builder;
    }

    public static WebApplication MapVarBotApp(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapVarBot();
        app.MapNewsletterEndpoints();
        app.MapStaffConsole();
        app.MapVarBotHealthChecks();
        return app;
    }
}
