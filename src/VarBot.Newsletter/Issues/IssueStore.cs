using System.Security.Cryptography;
using System.Text;
using VarBot.Newsletter.Composition;
using VarBot.Storage;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Issues;

/// <summary>A staff approval of one built issue, bound to the issue's content hash.</summary>
public sealed record IssueApproval(string Month, string ContentHash, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>A built issue as stored, with the hash an approval refers to.</summary>
public sealed record StoredIssue(NewsletterIssue Issue, string ContentHash);

/// <summary>
/// Issues under newsletters/{yyyy-MM}/:
/// draft.json (what staff edit, ETag-guarded), issue.json (the issue built from the draft: what is approved and sent),
/// nieuwsbrief.html and .txt (its general edition), linkedin/*.txt, approval.json, sent/{subscriberKey} send records,
/// and, once sending starts, archief.html and archief.json: the public web version and the issue as sent, both written
/// create-only so nothing changes them afterwards.
/// </summary>
public sealed class IssueStore(IBlobContainer container, TimeProvider time)
{
    public const string Prefix = "newsletters/";

    public static string Folder(IssueMonth month) => $"{Prefix}{month}/";

    private static string DraftBlob(IssueMonth month) => Folder(month) + "draft.json";

    private static string ApprovalBlob(IssueMonth month) => Folder(month) + "approval.json";

    private static string ArchiveHtmlBlob(IssueMonth month) => Folder(month) + "archief.html";

    private static string ArchiveIssueBlob(IssueMonth month) => Folder(month) + "archief.json";

    public async Task<StoredIssue> SaveAsync(NewsletterIssue issue, string html, string text, IReadOnlyList<LinkedInPost> posts, CancellationToken cancellationToken = default)
    {
        var month = IssueMonth.Parse(issue.Month);
        var folder = Folder(month);
        var json = NewsletterJson.Serialize(issue);
        await container.PutAsync(folder + "nieuwsbrief.html", Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", BlobCondition.None, cancellationToken);
        await container.PutAsync(folder + "nieuwsbrief.txt", Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", BlobCondition.None, cancellationToken);
        var stale = new List<string>();
        await foreach (var blob in container.ListAsync(folder + "linkedin/", cancellationToken))
        {
            if (!posts.Any(p => blob.Name.EndsWith("/" + p.FileName, StringComparison.Ordinal)))
            {
                stale.Add(blob.Name);
            }
        }

        foreach (var name in stale)
        {
            await container.DeleteAsync(name, BlobCondition.None, cancellationToken);
        }

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

    /// <summary>The general edition of the issue as last built (staff preview; never served publicly).</summary>
    public async Task<string?> GetHtmlAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(Folder(month) + "nieuwsbrief.html", cancellationToken);
        return blob is null ? null : Encoding.UTF8.GetString(blob.Content);
    }

    public async Task<IReadOnlyList<LinkedInPost>> GetLinkedInPostsAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var posts = new List<LinkedInPost>();
        await foreach (var blob in container.ListAsync(Folder(month) + "linkedin/", cancellationToken))
        {
            if (await container.GetAsync(blob.Name, cancellationToken) is { } found)
            {
                posts.Add(new LinkedInPost(blob.Name[(blob.Name.LastIndexOf('/') + 1)..], Encoding.UTF8.GetString(found.Content)));
            }
        }

        return posts.OrderBy(p => p.FileName, StringComparer.Ordinal).ToList();
    }

    public async Task<DraftVersion?> GetDraftAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(DraftBlob(month), cancellationToken);
        return blob is null ? null : new DraftVersion(NewsletterJson.Deserialize<IssueDraft>(blob.Content), blob.Properties.ETag);
    }

    /// <summary>
    /// Saves a draft only if nobody saved another since <paramref name="etag"/> was read (null: only if none exists yet).
    /// Returns the new ETag; throws <see cref="DraftConflictException"/> otherwise.
    /// </summary>
    public async Task<string> SaveDraftAsync(IssueDraft draft, string? etag, CancellationToken cancellationToken = default)
    {
        try
        {
            return await container.PutAsync(DraftBlob(IssueMonth.Parse(draft.Month)), NewsletterJson.Serialize(draft), "application/json",
                etag is null ? BlobCondition.IfNotExists : BlobCondition.IfUnchanged(etag), cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            throw new DraftConflictException(NewsletterTexts.RefuseConflict);
        }
    }

    /// <summary>Records an approval of the stored issue as it is now. The editorial checks live in <see cref="IssueEditor.ApproveAsync"/>.</summary>
    public async Task<IssueApproval> ApproveAsync(IssueMonth month, string approvedBy, CancellationToken cancellationToken = default)
    {
        var stored = await LoadAsync(month, cancellationToken)
            ?? throw new InvalidOperationException($"No composed issue for {month}.");
        var approval = new IssueApproval(month.ToString(), stored.ContentHash, approvedBy, time.GetUtcNow());
        await container.PutAsync(ApprovalBlob(month), NewsletterJson.Serialize(approval), "application/json", BlobCondition.None, cancellationToken);
        return approval;
    }

    public async Task<IssueApproval?> GetApprovalAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(ApprovalBlob(month), cancellationToken);
        return blob is null ? null : NewsletterJson.Deserialize<IssueApproval>(blob.Content);
    }

    public Task<bool> DropApprovalAsync(IssueMonth month, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(ApprovalBlob(month), BlobCondition.None, cancellationToken);

    /// <summary>
    /// Freezes the public web version and the issue as sent. Create-only: the first call wins and later calls (a resumed
    /// send) change nothing. Returns false when the issue was archived before.
    /// </summary>
    public async Task<bool> ArchiveAsync(NewsletterIssue issue, string webHtml, CancellationToken cancellationToken = default)
    {
        var month = IssueMonth.Parse(issue.Month);
        try
        {
            await container.PutAsync(ArchiveIssueBlob(month), NewsletterJson.Serialize(issue), "application/json", BlobCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            return false;
        }

        try
        {
            await container.PutAsync(ArchiveHtmlBlob(month), Encoding.UTF8.GetBytes(webHtml), "text/html; charset=utf-8", BlobCondition.IfNotExists, cancellationToken);
        }
        catch (BlobConditionFailedException)
        {
            // A crashed earlier call wrote the page but not the issue: the page is the frozen one.
        }

        return true;
    }

    public async Task<string?> GetArchiveHtmlAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(ArchiveHtmlBlob(month), cancellationToken);
        return blob is null ? null : Encoding.UTF8.GetString(blob.Content);
    }

    public async Task<NewsletterIssue?> GetArchivedIssueAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        var blob = await container.GetAsync(ArchiveIssueBlob(month), cancellationToken);
        return blob is null ? null : NewsletterJson.Deserialize<NewsletterIssue>(blob.Content);
    }

    public async Task<IssueState> GetStateAsync(IssueMonth month, CancellationToken cancellationToken = default)
    {
        if (await container.GetPropertiesAsync(ArchiveIssueBlob(month), cancellationToken) is not null)
        {
            return IssueState.Sent;
        }

        var approval = await GetApprovalAsync(month, cancellationToken);
        if (approval is null)
        {
            return IssueState.Draft;
        }

        var stored = await LoadAsync(month, cancellationToken);
        return stored?.ContentHash == approval.ContentHash ? IssueState.Approved : IssueState.Draft;
    }

    /// <summary>True when a draft or a built issue is stored for the month.</summary>
    public async Task<bool> ExistsAsync(IssueMonth month, CancellationToken cancellationToken = default) =>
        await container.GetPropertiesAsync(DraftBlob(month), cancellationToken) is not null
        || await container.GetPropertiesAsync(Folder(month) + "issue.json", cancellationToken) is not null;

    private static string Hash(ReadOnlySpan<byte> json) => Convert.ToHexStringLower(SHA256.HashData(json))[..16];
}
