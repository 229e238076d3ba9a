// Spec: Microsoft Learn, "Naming and referencing containers, blobs, and metadata".
using System.Text.RegularExpressions;

namespace VarBot.Storage;

internal static partial class BlobContainerName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    private static partial Regex Pattern();
}
