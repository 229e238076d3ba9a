using VarBot.Bot;

var builder = WebApplication.CreateBuilder(args);
builder.UseVarBotDefaults();
builder.Services.AddVarBotKnowledge(builder.Configuration);
builder.Services.AddVarBotProtocol(builder.Configuration);
builder.Services.AddVarBot(builder.Configuration);

var app = builder.Build();
app.MapVarBot();
app.MapVarBotHealthChecks();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
