using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace VarBot.Cli.Hosting;

/// <summary>Logging for a CLI run: the console logger's settings and formatters, written to the run's <see cref="CliEnvironment"/>.</summary>
internal static class CliLogging
{
    public static ILoggingBuilder AddCliEnvironment(this ILoggingBuilder logging, CliEnvironment environment)
    {
        // AddConsole registers the formatters and binds Logging:Console (FormatterName, FormatterOptions) as before;
        // its provider, which writes to the process console, is swapped for one that writes to the environment.
        logging.AddConsole();
        logging.Services.RemoveAll(typeof(ILoggerProvider), typeof(ConsoleLoggerProvider));
        if (!environment.Console.Profile.Capabilities.Ansi)
        {
            // A writer without colours (a test, a file) gets no colour codes, unless settings ask for them.
            logging.Services.PostConfigure<SimpleConsoleFormatterOptions>(o =>
            {
                if (o.ColorBehavior == LoggerColorBehavior.Default)
                {
                    o.ColorBehavior = LoggerColorBehavior.Disabled;
                }
            });
        }

        logging.Services.AddSingleton<ILoggerProvider>(services => new CliLoggerProvider(
            environment, services.GetServices<ConsoleFormatter>(), services.GetRequiredService<IOptions<ConsoleLoggerOptions>>()));
        return logging;
    }

    private static void RemoveAll(this IServiceCollection services, Type serviceType, Type implementationType)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == serviceType && d.ImplementationType == implementationType).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
