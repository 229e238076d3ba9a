using VarBot.Bot;
using VarBot.Bot.StaffConsole;
using VarBot.Bot.Telemetry;
using VarBot.Newsletter.Hosting;

var builder = WebApplication.CreateBuilder(Extensions.HostOptions(args));
builder.UseVarBotDefaults();
builder.Services.AddVarBotKnowledge(builder.Configuration);
builder.Services.AddVarBotProtocol(builder.Configuration);
builder.Services.AddVarBot(builder.Configuration);
builder.Services.AddVarBotNewsletter(builder.Configuration);
builder.Services.AddVarBotTelemetry(builder.Configuration);
builder.AddStaffConsole();

var app = builder.Build();
app.UseRateLimiter();
app.MapVarBot();
app.MapNewsletterEndpoints();
app.MapStaffConsole();
app.MapVarBotHealthChecks();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
