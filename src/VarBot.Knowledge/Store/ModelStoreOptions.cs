using System.ComponentModel.DataAnnotations;

namespace VarBot.Knowledge.Store;

/// <summary>Configuration section "ModelStore". Blob storage itself is configured in "Storage".</summary>
public sealed class ModelStoreOptions
{
    public const string SectionName = "ModelStore";

    /// <summary>Serve this JSON file instead of the published model (<c>--model FILE</c>).</summary>
    public string? ModelFile { get; set; }

    /// <summary>How often the pointer is checked for a new publish; at most 30 s so a publish is live within 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30", ErrorMessage = "ModelStore:RefreshInterval must be between 10 milliseconds and 30 seconds, so a new publish is picked up within 30 seconds.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}
