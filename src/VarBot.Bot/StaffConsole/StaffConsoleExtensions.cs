using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace VarBot.Bot.StaffConsole;

/// <summary>
/// The staff console /beheer: server-rendered Razor components behind sign-in. Microsoft Entra ID (OpenID Connect
/// through Microsoft.Identity.Web) when AzureAd:ClientId is set, with an optional staff group; otherwise, in Development
/// only, a local sign-in with a name for loopback callers. Every form carries an antiforgery token that the handler checks.
/// </summary>
public static class StaffConsoleExtensions
{
    public const string StaffPolicy = "Staff";

    public static WebApplicationBuilder AddStaffConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffConsoleOptions>().BindConfiguration(StaffConsoleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var entra = builder.Configuration.GetSection("AzureAd");
        var useEntra = !string.IsNullOrWhiteSpace(entra["ClientId"]);
        var signIn = new ConsoleSignIn(UsesEntra: useEntra, LocalAllowed: !useEntra && builder.Environment.IsDevelopment());
        services.AddSingleton(signIn);
        if (useEntra)
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme).AddMicrosoftIdentityWebApp(entra);
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                var redirect = options.Events.OnRedirectToIdentityProvider;
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    // A preview or progress request without a session gets 401, not a sign-in page.
                    if (NoLoginRedirect.Applies(context.HttpContext))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                        return Task.CompletedTask;
                    }

                    return redirect(context);
                };
            });
        }
        else
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
            {
                options.LoginPath = "/beheer/aanmelden";
                options.Cookie.Name = "varbot-beheer";
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events.OnRedirectToLogin = context =>
                {
                    if (NoLoginRedirect.Applies(context.HttpContext))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }

                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorization(options => options.AddPolicy(StaffPolicy, policy =>
        {
            policy.RequireAuthenticatedUser();
            var group = builder.Configuration[$"{StaffConsoleOptions.SectionName}:{nameof(StaffConsoleOptions.StaffGroupId)}"];
            if (useEntra && !string.IsNullOrWhiteSpace(group))
            {
                policy.RequireClaim("groups", group);
            }
        }));
        services.AddAntiforgery(options => options.Cookie.Name = "varbot-beheer-af");
        services.AddRazorComponents();
        services.AddSingleton<SendJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<SendJobs>());
        services.AddSingleton<SendStatusReader>();
        services.AddSingleton<SubscriberOverview>();
        services.AddSingleton<ImportUploads>();
        services.AddScoped<ConsoleServices>();
        services.AddScoped<SubscriberServices>();
        return builder;
    }

    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        ConsoleEndpoints.Map(app);
        return app;
    }
}

/// <summary>How staff sign in on this host.</summary>
internal sealed record ConsoleSignIn(bool UsesEntra, bool LocalAllowed);

/// <summary>Marks endpoints that answer 401 to an anonymous request instead of sending the browser to a sign-in page.</summary>
internal sealed class NoLoginRedirect
{
    public static readonly NoLoginRedirect Instance = new();

    public static bool Applies(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<NoLoginRedirect>() is not null;
}
