using VarBot.Bot;

// The composition (services, pipeline, endpoints) is in VarBotApp.
var builder = WebApplication.CreateBuilder(Extensions.HostOptions(args));
builder.AddVarBotApp();

var app = builder.Build();
app.MapVarBotApp();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
