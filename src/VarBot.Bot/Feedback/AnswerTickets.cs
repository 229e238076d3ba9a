using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Bot.Feedback;

/// <summary>An answer as its feedback buttons know it: which answer, the question as asked, its intent, answered or not.</summary>
internal sealed record AnsweredQuestion(string AnswerId, string Question, string Intent, bool Answered);

/// <summary>
/// The answer a feedback button is about travels in the card itself, signed, instead of in the conversation's stored
/// state: a click on any host, at any time, names its question, and a conversation row holds only the context. A ticket
/// is "{answerId}.{base64url(JSON)}.{base64url(HMAC-SHA256)}" (the MAC truncated to 128 bits), with a key derived from
/// Newsletter:SigningKey (HKDF, its own purpose), so a click cannot put words of its own in the editors' feedback list.
/// Only letters, digits, '-', '_' and '.': safe in card JSON as it is.
/// </summary>
internal sealed class AnswerTickets
{
    /// <summary>Longer data in a click is not a ticket this host issued (a question is at most a few thousand bytes).</summary>
    public const int MaxTicketLength = 16 * 1024;

    private const int MacBytes = 16;
    private const char Separator = '.';
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("VarBot answer tickets v1");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly byte[] _key;

    public AnswerTickets(byte[] signingKey) => _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, info: Purpose);

    /// <summary>The answer id a ticket starts with (or the whole value: cards sent before tickets carried the bare id).</summary>
    public static string IdOf(string ticket) => ticket.IndexOf(Separator) is var end and >= 0 ? ticket[..end] : ticket;

    public string Issue(AnsweredQuestion answer)
    {
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(answer.Question, answer.Intent, answer.Answered), Json));
        var signed = answer.AnswerId + Separator + payload;
        return signed + Separator + Base64Url.EncodeToString(Mac(signed));
    }

    /// <summary>The answer of a ticket this deployment issued; null for anything else (a bare id, a forged or cut ticket).</summary>
    public AnsweredQuestion? Read(string? ticket)
    {
        if (ticket is null || ticket.Length > MaxTicketLength)
        {
            return null;
        }

        var macAt = ticket.LastIndexOf(Separator);
        var idEnd = ticket.IndexOf(Separator);
        if (idEnd <= 0 || macAt <= idEnd)
        {
            return null;
        }

        var signed = ticket[..macAt];
        var macText = ticket.AsSpan(macAt + 1);
        if (!Base64Url.IsValid(macText, out var macLength) || macLength != MacBytes)
        {
            return null;
        }

        Span<byte> mac = stackalloc byte[MacBytes];
        Base64Url.DecodeFromChars(macText, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(signed)))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(ticket.AsSpan(idEnd + 1, macAt - idEnd - 1)), Json);
            return payload is { Question: { } question, Intent: { } intent } ? new AnsweredQuestion(ticket[..idEnd], question, intent, payload.Answered) : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return null; // signed by this deployment but not readable: a ticket format of a later build
        }
    }

    private byte[] Mac(string signed) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(signed))[..MacBytes];

    private sealed record Payload(
        [property: JsonPropertyName("q")] string? Question,
        [property: JsonPropertyName("i")] string? Intent,
        [property: JsonPropertyName("a")] bool Answered);
}
