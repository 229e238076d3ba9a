using System.Security.Cryptography;
using System.Text;

namespace VarBot.Newsletter.Subscribers;

public enum SubscriberStatus
{
    Pending,
    Confirmed,
}

/// <summary>A subscriber, stored as one table entity under its <see cref="SubscriberKeys"/> key (<see cref="SubscriberStore"/>).</summary>
/// <param name="ConsentSource">How consent was given: "formulier", "bot", "cli", "import:{file}".</param>
public sealed record Subscriber(
    string Email,
    string? Name,
    IReadOnlyList<string> Themes,
    SubscriberStatus Status,
    string ConsentSource,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt);

/// <summary>
/// The key of a subscriber (RowKey of its entity): HMAC-SHA256 of the trimmed, lower-cased address under a server secret (derived from
/// Newsletter:SigningKey with HKDF), 32 hex characters. Keys appear in table keys, tokens, Message-IDs and logs; without
/// the secret nobody can test whether an address is subscribed by hashing it. <see cref="Legacy"/> is the unsalted
/// SHA-256 used before; <see cref="SubscriberKeyMigration"/> moves subscribers from it.
/// </summary>
public sealed class SubscriberKeys
{
    private readonly byte[] _secret;

    public SubscriberKeys(byte[] signingKey)
    {
        _secret = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, salt: [], info: "varbot subscriber key v1"u8.ToArray());
    }

    public string For(string email) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Normalize(email)))[..32];

    /// <summary>The key before issue 9: an unsalted SHA-256 of the address.</summary>
    public static string Legacy(string email) => Convert.ToHexStringLower(SHA256.HashData(Normalize(email)))[..32];

    /// <summary>True for a string shaped like a key (32 lower-case hex characters), so it can name a blob safely.</summary>
    public static bool IsWellFormed(string key) => key.Length == 32 && key.All(char.IsAsciiHexDigitLower);

    private static byte[] Normalize(string email) => Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant());
}
