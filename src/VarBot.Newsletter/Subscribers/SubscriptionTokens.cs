using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VarBot.Newsletter.Subscribers;

public enum TokenPurpose
{
    Confirm,
    Unsubscribe,

    /// <summary>The "beheer uw inschrijving" link: change themes or unsubscribe.</summary>
    Manage,
}

public enum TokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    WrongPurpose,
    Expired,
}

/// <summary>
/// Link tokens "{payload}.{signature}": payload = purpose|subscriberKey|expiry (Unix seconds), signed with HMAC-SHA256,
/// both base64url. A token names only the subscriber's hashed key, never the address.
/// </summary>
public sealed class SubscriptionTokens(byte[] key, TimeProvider time)
{
    public string Create(TokenPurpose purpose, string subscriberKey, TimeSpan lifetime)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{(int)purpose}|{subscriberKey}|{expires}");
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    public TokenCheck Check(string? token, TokenPurpose purpose, out string subscriberKey)
    {
        subscriberKey = "";
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 2 || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return TokenCheck.Malformed;
        }

        var payload = Base64Url.DecodeFromChars(parts[0]);
        var signature = Base64Url.DecodeFromChars(parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return TokenCheck.BadSignature;
        }

        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 3 || !int.TryParse(fields[0], out var p) || !long.TryParse(fields[2], out var expires))
        {
            return TokenCheck.Malformed;
        }

        if (p != (int)purpose)
        {
            return TokenCheck.WrongPurpose;
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return TokenCheck.Expired;
        }

        if (!SubscriberKeys.IsWellFormed(fields[1]))
        {
            // Signed by us, so never expected; but a key is used in blob names and must never be a path.
            return TokenCheck.Malformed;
        }

        subscriberKey = fields[1];
        return TokenCheck.Valid;
    }
}
