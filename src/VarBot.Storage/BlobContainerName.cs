// Spec: Microsoft Learn, "Naming and referencing containers, blobs, and metadata".
using System.Text.RegularExpressions;

namespace VarBot.Storage;

internal static partial class BlobContainerName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    public static void Validate(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid container name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    private static partial Regex Pattern();
}
