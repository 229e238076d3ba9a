using System.Security.Cryptography;
using System.Text;

namespace VarBot.Newsletter.Subscribers;

public enum SubscriberStatus
{
    Pending,
    Confirmed,
}

/// <summary>A subscriber, stored as one blob keyed by <see cref="SubscriberKey"/>.</summary>
/// <param name="ConsentSource">How consent was given: "formulier", "bot", "cli", "import:{file}".</param>
public sealed record Subscriber(
    string Email,
    string? Name,
    IReadOnlyList<string> Themes,
    SubscriberStatus Status,
    string ConsentSource,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt)
{
    public string Key => SubscriberKey.For(Email);
}

/// <summary>The blob key of a subscriber: a hash of the lower-cased address, so addresses never appear in names or logs.</summary>
public static class SubscriberKey
{
    public static string For(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..32];
}
