using Microsoft.Extensions.Options;

namespace VarBot.Bot;

/// <summary>Configuration section "VarBot": behaviour of the bot host itself.</summary>
public sealed class VarBotOptions
{
    public const string SectionName = "VarBot";

    /// <summary>Feedback records (clicks and unanswered questions) stored per conversation per idle window.</summary>
    public int MaxFeedbackPerConversation { get; set; } = 50;

    /// <summary>When an answer takes longer than this, the user sees a typing indicator first.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longer messages are cut to this many characters before answering.</summary>
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>The seeds folder for the local first-run import; found next to VarBot.sln when empty.</summary>
    public string? SeedsPath { get; set; }

    /// <summary>
    /// Import seeds/ and publish the model at start when storage holds none. Unset: only on local defaults (no
    /// Bot:MicrosoftAppId and Storage:ConnectionString "UseDevelopmentStorage=true"); true: whenever storage is empty
    /// (tests, benchmarks); false: never.
    /// </summary>
    public bool? PublishSeedsWhenEmpty { get; set; }

    /// <summary>Absolute base address of this host for links in cards (e.g. the .ics files); taken from the request when empty.</summary>
    public Uri? PublicBaseUrl { get; set; }
}

internal sealed class VarBotOptionsValidator : IValidateOptions<VarBotOptions>
{
    public ValidateOptionsResult Validate(string? name, VarBotOptions options)
    {
        var failures = new List<string>();
        if (options.TypingDelay < TimeSpan.Zero || options.TypingDelay > TimeSpan.FromSeconds(10))
        {
            failures.Add("VarBot:TypingDelay must be between 0 and 10 seconds.");
        }

        if (options.MaxFeedbackPerConversation is < 1 or > 10_000)
        {
            failures.Add("VarBot:MaxFeedbackPerConversation must be between 1 and 10000.");
        }

        if (options.MaxQuestionLength is < 20 or > 10_000)
        {
            failures.Add("VarBot:MaxQuestionLength must be between 20 and 10000.");
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("VarBot:PublicBaseUrl must be an absolute http(s) address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
