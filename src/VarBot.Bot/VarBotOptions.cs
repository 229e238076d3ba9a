using System.ComponentModel.DataAnnotations;

namespace VarBot.Bot;

/// <summary>Configuration section "VarBot": behaviour of the bot host itself.</summary>
public sealed class VarBotOptions : IValidatableObject
{
    public const string SectionName = "VarBot";

    /// <summary>Distinct feedback records (clicks and unanswered questions) stored per conversation per idle window.</summary>
    [Range(1, 10_000)]
    public int MaxFeedbackPerConversation { get; set; } = 50;

    /// <summary>When an answer takes longer than this, the user sees a typing indicator first.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longer messages are cut to this many characters before answering.</summary>
    [Range(20, 10_000)]
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>
    /// Answers kept per model for questions asked again with the same previous context on the same day (0: none). Each
    /// holds one answer's text and card data, a few KB.
    /// </summary>
    [Range(0, 100_000)]
    public int AnswerCacheSize { get; set; } = 1_000;

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("VarBot:PublicBaseUrl must be an absolute http(s) address.", [nameof(PublicBaseUrl)]);
        }
    }
}
