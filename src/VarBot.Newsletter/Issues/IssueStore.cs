using System.Security.Cryptography;
using System.Text;
using VarBot.Newsletter.Composition;
using VarBot.Storage;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Issues;

/// <summary>A staff approval of one composed issue, bound to the issue's content hash.</summary>
public sealed record IssueApproval(string Month, string ContentHash, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>A composed issue as stored, with the hash an approval refers to.</summary>
public sealed record StoredIssue(NewsletterIssue Issue, string ContentHash);

/// <summary>
/// Issues under newsletters/{yyyy-MM}/: issue.json (what is sent), nieuwsbrief.html and .txt (the general edition),
/// linkedin/*.txt, approval.json and sent/{subscriberKey} send records.
/// </summary>
public sealed class IssueStore(IBlobContainer container, TimeProvider time)
{
    public const string Prefix = "newsletters/";

    public static string Folder(IssueMonth month) => $"{Prefix}{month}/";

    public async Task<StoredIssue> SaveAsync(NewsletterIssue issue, string html, string text, IReadOnlyList<LinkedInPost> posts, CancellationToken cancellationToken = default)
    {
        var month = IssueMonth.Parse(issue.Month);
        var folder = Folder(month);
        var json = NewsletterJson.Serialize(issue);
        await container.PutAsync(folder + "nieuwsbrief.html", Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", BlobCondition.None, cancellationToken);
        await container.PutAsync(folder + "nieuwsbrief.txt", Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", BlobCondition.None, cancellationToken);
        foreach (var post in posts)
        {
            await container.PutAsync(folder + "linkedin/" + post.FileName, Encoding.UTF8.GetBytes(post.Text), "text/plain; charset=utf-8", BlobCondition.None, cancellationToken);
        }

        // Written last: a stored issue.json means the whole issue is there.
        await container.PutAsync(folder + "issue.json", json, "application/json", BlobCondition.None, cancellationToken);
        return new StoredIssue(issue, Hash(json));
    }

    public async Task<StoredIssue?> LoadAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(Folder(month) + "issue.json", cancellationToken);
        return blob is null ? null : new StoredIssue(NewsletterJson.Deserialize<NewsletterIssue>(blob.Content), Hash(blob.Content));
    }

    public async Task<string?> GetHtmlAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(Folder(month) + "nieuwsbrief.html", cancellationToken);
        return blob is null ? null : Encoding.UTF8.GetString(blob.Content);
    }

    public async Task<IssueApproval> ApproveAsync(IssueMonth month, string approvedBy, CancellationToken cancellationToken = default)
    {
        var stored = await LoadAsync(month, cancellationToken)
            ?? throw new InvalidOperationException($"No composed issue for {month}.");
        var approval = new IssueApproval(month.ToString(), stored.ContentHash, approvedBy, time.GetUtcNow());
        await container.PutAsync(Folder(month) + "approval.json", NewsletterJson.Serialize(approval), "application/json", BlobCondition.None, cancellationToken);
        return approval;
    }

    public async Task<IssueApproval?> GetApprovalAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(Folder(month) + "approval.json", cancellationToken);
        return blob is null ? null : NewsletterJson.Deserialize<IssueApproval>(blob.Content);
    }

    private static string Hash(ReadOnlySpan<byte> json) => Convert.ToHexStringLower(SHA256.HashData(json))[..16];
}
