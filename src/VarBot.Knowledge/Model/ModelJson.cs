using System.Text.Json;
using System.Text.Json.Serialization;

namespace VarBot.Knowledge.Model;

/// <summary>The one JSON shape of the model, used for files, blobs and the CLI.</summary>
public static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize(KnowledgeModel model) => JsonSerializer.SerializeToUtf8Bytes(model, Options);

    /// <summary>Reads a model; throws <see cref="InvalidModelException"/> for anything that is not a model of this schema.</summary>
    public static KnowledgeModel Deserialize(ReadOnlySpan<byte> json)
    {
        KnowledgeModel? model;
        try
        {
            model = JsonSerializer.Deserialize<KnowledgeModel>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidModelException($"The model is not valid JSON: {ex.Message}", ex);
        }

        if (model is null)
        {
            throw new InvalidModelException("The model document is empty.");
        }

        if (model.SchemaVersion != KnowledgeModel.CurrentSchemaVersion)
        {
            throw new InvalidModelException(
                $"The model has schema version {model.SchemaVersion}; this build reads version {KnowledgeModel.CurrentSchemaVersion}.");
        }

        return model;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // A null where the model's records say there is a value (a list, a name) is a broken model, not an empty one.
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

public sealed class InvalidModelException(string message, Exception? inner = null) : Exception(message, inner);
