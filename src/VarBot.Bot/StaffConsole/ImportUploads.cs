using System.Security.Cryptography;
using System.Text;
using VarBot.Storage;

namespace VarBot.Bot.StaffConsole;

/// <summary>
/// A subscriber file between its dry run and its import: staff import exactly the file they checked, on whichever host
/// serves the second request. Kept under subscriber-imports/{id}.csv (a random id) until it is imported; an upload
/// older than <see cref="Lifetime"/> is removed at the next dry run.
/// </summary>
internal sealed class ImportUploads([FromKeyedServices(Newsletter.Hosting.NewsletterServiceCollectionExtensions.NewsletterBlobKey)] IBlobContainer container, TimeProvider time, ILogger<ImportUploads> logger)
{
    public const string Prefix = "subscriber-imports/";

    /// <summary>The largest file the console accepts (about 100,000 subscribers).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public async Task<string> StoreAsync(byte[] content, CancellationToken cancellationToken)
    {
        await RemoveExpiredAsync(cancellationToken);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await container.PutAsync(Blob(id), content, "text/csv; charset=utf-8", BlobCondition.IfNotExists, cancellationToken);
        return id;
    }

    /// <summary>The stored upload, or null when the id is malformed, unknown or expired.</summary>
    public async Task<byte[]?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id) || await container.GetAsync(Blob(id), cancellationToken) is not { } blob || time.GetUtcNow() - blob.Properties.LastModified > Lifetime)
        {
            return null;
        }

        return blob.Content;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) ? container.DeleteAsync(Blob(id), BlobCondition.None, cancellationToken) : Task.CompletedTask;

    /// <summary>A file name as the consent source records it ("import:{name}"): its last segment, printable characters only.</summary>
    public static string SafeFileName(string? name)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/')[^1]);
        var clean = new StringBuilder();
        foreach (var c in file)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                clean.Append(c);
            }
            else if (c == ' ')
            {
                clean.Append('_');
            }
        }

        var result = clean.ToString().Trim('.');
        return result.Length == 0 ? "abonnees.csv" : result[..Math.Min(result.Length, 80)];
    }

    private async Task RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var expired = new List<string>();
        await foreach (var blob in container.ListAsync(Prefix, cancellationToken))
        {
            if (time.GetUtcNow() - blob.LastModified > Lifetime)
            {
                expired.Add(blob.Name);
            }
        }

        foreach (var name in expired)
        {
            try
            {
                await container.DeleteAsync(name, BlobCondition.None, cancellationToken);
            }
            catch (BlobStorageException ex)
            {
                logger.ConsoleUploadCleanupFailed(ex, name);
            }
        }
    }

    private static string Blob(string id) => Prefix + id + ".csv";

    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
