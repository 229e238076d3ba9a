using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VarBot.Protocol.Hosting;

/// <summary>
/// The rules for <see cref="BotOptions"/> that need more than one setting: a secret with the app id, and no app id
/// (no token checks) only in the Development environment. That the host then listens on loopback only is checked
/// once it has bound its addresses (<see cref="LoopbackBindingCheck"/>).
/// </summary>
/// <remarks>Outside a host (no <see cref="IHostEnvironment"/>, e.g. a test container) nothing serves requests, so the environment rule does not apply.</remarks>
internal sealed class BotOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.IsAuthenticationEnabled && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppId is set (set it in the environment as Bot__MicrosoftAppPassword).");
        }

        if (!options.IsAuthenticationEnabled && environment is not null && !environment.IsDevelopment())
        {
            failures.Add($"Bot:MicrosoftAppId is required in the {environment.EnvironmentName} environment: without it no request is authenticated. "
                + "For local development set DOTNET_ENVIRONMENT=Development and listen on loopback addresses only.");
        }

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            failures.Add("Bot:OpenIdMetadataUrl must be an absolute URL.");
        }

        if (options.QueueCapacity <= 0 || options.MaxConcurrentTurns <= 0 || options.MaxQueuedPerConversation <= 0)
        {
            failures.Add("Bot:QueueCapacity, Bot:MaxConcurrentTurns and Bot:MaxQueuedPerConversation must be positive.");
        }

        if (options.ConnectorTimeout <= TimeSpan.Zero || options.ConnectorTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Bot:ConnectorTimeout must be between 0 and 2 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
