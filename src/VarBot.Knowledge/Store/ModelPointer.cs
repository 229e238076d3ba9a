using VarBot.Knowledge.Model;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Knowledge.Store;

/// <summary>
/// The small document at models/current.json that names the current model blob. Readers follow it; publishers
/// replace it with If-Match on its ETag, so it is always a whole, valid document naming a blob that exists.
/// </summary>
/// <param name="Previous">The version it replaced, for a quick rollback by hand.</param>
public sealed record ModelPointer(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("publishedAt")] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("blob")] string Blob,
    [property: JsonPropertyName("previous")] string? Previous = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    internal byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <exception cref="InvalidModelException">The document is not a pointer.</exception>
    internal static ModelPointer Parse(ReadOnlySpan<byte> json, string blobName)
    {
        ModelPointer? pointer;
        try
        {
            pointer = JsonSerializer.Deserialize<ModelPointer>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidModelException($"The model pointer '{blobName}' is not valid JSON: {ex.Message}", ex);
        }

        if (pointer is null || string.IsNullOrEmpty(pointer.Version) || string.IsNullOrEmpty(pointer.Blob))
        {
            throw new InvalidModelException($"The model pointer '{blobName}' lacks a version or blob name.");
        }

        return pointer;
    }
}
