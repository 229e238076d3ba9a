// Spec: Microsoft Learn, "Naming and referencing containers, blobs, and metadata".
namespace VarBot.Storage;

/// <summary>
/// Which blob names VarBot may use: 1-1024 characters, '/'-separated segments that are neither empty nor "." or "..",
/// and no control characters. A name built from user input (a token, an address key) can therefore never reach a
/// blob outside the prefix it was built under.
/// </summary>
public static class BlobNames
{
    public const int MaxLength = 1024;

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Any(char.IsControl) || segment.Contains('\\', StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <exception cref="ArgumentException">The name breaks a rule; the message says which, without repeating control characters.</exception>
    public static void Validate(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                "A blob name has 1 to 1024 characters in '/'-separated segments that are not empty, '.' or '..', without backslashes or control characters.",
                nameof(name));
        }
    }
}
