using System.Net;
using System.Security.Cryptography;
using System.Text;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Issues;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>A built issue in all its forms: the general edition (HTML and text) and the LinkedIn drafts.</summary>
public sealed record ComposedIssue(NewsletterIssue Issue, string Html, string Text, IReadOnlyList<LinkedInPost> Posts)
{
    /// <summary>The hash an approval of this issue would carry (the same as the stored issue.json's).</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(NewsletterJson.Serialize(Issue)))[..16];
}

/// <summary>
/// Drafts, previews, approval and the freeze at send time. What staff see is what is approved, and what is approved is
/// what is sent: saving a draft stores the issue built from it and drops any approval; approving binds to the stored
/// issue's content hash; sending freezes the issue and its public web version, after which nothing can change them.
/// Without a store (a preview without storage configured) it only composes and renders.
/// </summary>
public sealed class IssueEditor(
    IssueComposer composer,
    NewsletterRenderer renderer,
    NewsletterLinks links,
    IssueStore? store = null,
    TimeProvider? time = null,
    EditorialOptions? options = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly EditorialOptions _options = options ?? new EditorialOptions();

    public IssueComposer Composer => composer;

    /// <summary>
    /// The month's issue as it stands: built from the saved draft, else from the rules' default, and stored (unless the
    /// month was sent: then the issue as sent, and nothing is written). Used by the scheduler and <c>newsletter preview</c>.
    /// </summary>
    public async Task<ComposedIssue> ComposeAsync(KnowledgeModel model, IssueMonth month, CancellationToken cancellationToken = default)
    {
        if (store is not null && await store.GetArchivedIssueAsync(month, cancellationToken) is { } sent)
        {
            return await RenderAsync(sent);
        }

        var draft = store is null ? null : await store.GetDraftAsync(month, cancellationToken);
        var composed = await RenderAsync(composer.Build(model, draft?.Draft ?? composer.DefaultDraft(model, month)));
        if (store is not null)
        {
            await store.SaveAsync(composed.Issue, composed.Html, composed.Text, composed.Posts, cancellationToken);
        }

        return composed;
    }

    /// <summary>The saved draft, or the rules' default (with a null ETag) when nobody saved one.</summary>
    public async Task<DraftVersion> GetDraftAsync(KnowledgeModel model, IssueMonth month, CancellationToken cancellationToken = default) =>
        (store is null ? null : await store.GetDraftAsync(month, cancellationToken)) ?? new DraftVersion(composer.DefaultDraft(model, month), null);

    /// <summary>Builds and renders a draft without storing anything (the live preview).</summary>
    public Task<ComposedIssue> PreviewAsync(KnowledgeModel model, IssueDraft draft) => RenderAsync(composer.Build(model, draft));

    /// <summary>
    /// Saves an edited draft if nobody else saved one since <paramref name="etag"/> (null: since the default), stores the
    /// issue built from it and drops the approval. Throws <see cref="DraftConflictException"/> or <see cref="IssueRefusedException"/>.
    /// </summary>
    public async Task<(ComposedIssue Composed, string ETag)> SaveDraftAsync(KnowledgeModel model, IssueDraft draft, string? etag, string editor, CancellationToken cancellationToken = default)
    {
        var issues = RequireStore();
        var month = IssueMonth.Parse(draft.Month);
        if (await issues.GetStateAsync(month, cancellationToken) == IssueState.Sent)
        {
            throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseAlreadySent, MonthName(month)), RefusalReason.AlreadySent);
        }

        var edited = draft with { EditedBy = editor, EditedAt = _time.GetUtcNow() };
        var newEtag = await issues.SaveDraftAsync(edited, etag, cancellationToken);
        await issues.DropApprovalAsync(month, cancellationToken);
        var composed = await RenderAsync(composer.Build(model, edited));
        await issues.SaveAsync(composed.Issue, composed.Html, composed.Text, composed.Posts, cancellationToken);
        return (composed, newEtag);
    }

    /// <summary>Stores the month's issue when nothing is stored yet, so there is something to show and approve. Returns the stored issue.</summary>
    public async Task<StoredIssue> EnsureStoredAsync(KnowledgeModel model, IssueMonth month, CancellationToken cancellationToken = default)
    {
        var issues = RequireStore();
        if (await issues.LoadAsync(month, cancellationToken) is { } stored)
        {
            return stored;
        }

        await ComposeAsync(model, month, cancellationToken);
        return (await issues.LoadAsync(month, cancellationToken))!;
    }

    /// <summary>Everything staff should know before approving <paramref name="issue"/> (built from <paramref name="draft"/>).</summary>
    public async Task<IReadOnlyList<IssueWarning>> WarningsAsync(KnowledgeModel model, IssueDraft draft, NewsletterIssue issue, CancellationToken cancellationToken = default)
    {
        var month = IssueMonth.Parse(draft.Month);
        var warnings = new List<IssueWarning>();
        var today = IssueSchedule.Today(_time);
        var send = composer.Schedule.SendDate(month);
        if (IsPast(month))
        {
            warnings.Add(new IssueWarning(IssueWarning.MonthPassed, string.Format(NewsletterTexts.WarnMonthPassed, MonthName(month))));
        }
        else if (today > send)
        {
            warnings.Add(new IssueWarning(IssueWarning.SendDatePassed, string.Format(NewsletterTexts.WarnSendDatePassed, DutchFormat.Date(send))));
        }

        var checks = composer.Check(model, draft, issue);
        warnings.AddRange(checks);
        var events = model.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var entry in issue.Agenda)
        {
            if (events.TryGetValue(entry.EventId, out var e) && e.Date is { } date && date > send && date <= today
                && !checks.Any(c => c.Code == IssueWarning.PastEvent && c.ItemId == e.Id))
            {
                warnings.Add(new IssueWarning(IssueWarning.PastEvent, string.Format(NewsletterTexts.WarnPastEventToday, e.Title, DutchFormat.Date(date)), e.Id));
            }
        }

        if (store is not null)
        {
            foreach (var (id, title, sentIn) in await AlreadySentAsync(month, issue, cancellationToken))
            {
                warnings.Add(new IssueWarning(IssueWarning.AlreadySent, string.Format(NewsletterTexts.WarnAlreadySent, title, MonthName(sentIn)), id));
            }

            if (await store.GetApprovalAsync(month, cancellationToken) is { } approval && await store.LoadAsync(month, cancellationToken) is { } stored
                && approval.ContentHash != stored.ContentHash && await store.GetStateAsync(month, cancellationToken) != IssueState.Sent)
            {
                warnings.Add(new IssueWarning("goedkeuring-vervallen", NewsletterTexts.WarnApprovalDropped));
            }
        }

        return warnings;
    }

    /// <summary>
    /// Approves the stored issue. Refused when it was sent, when its month has passed (unless <paramref name="allowPastMonth"/>),
    /// when four eyes are required and the approver last edited the draft, or when the stored issue is not the one the
    /// approver saw (<paramref name="expectedHash"/>, when given).
    /// </summary>
    public async Task<IssueApproval> ApproveAsync(IssueMonth month, string approver, bool allowPastMonth, string? expectedHash = null, CancellationToken cancellationToken = default)
    {
        var issues = RequireStore();
        var state = await issues.GetStateAsync(month, cancellationToken);
        if (state == IssueState.Sent)
        {
            throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseAlreadySent, MonthName(month)), RefusalReason.AlreadySent);
        }

        var stored = await issues.LoadAsync(month, cancellationToken)
            ?? throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseNoIssue, MonthName(month)), RefusalReason.NoIssue);
        if (IsPast(month) && !allowPastMonth)
        {
            throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseMonthPassed, MonthName(month)), RefusalReason.MonthPassed);
        }

        if (expectedHash is not null && expectedHash != stored.ContentHash)
        {
            throw new DraftConflictException(NewsletterTexts.RefuseConflict);
        }

        if (_options.RequireSecondApprover && await issues.GetDraftAsync(month, cancellationToken) is { Draft.EditedBy: { } editor }
            && string.Equals(editor.Trim(), approver.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseSameEditor, editor), RefusalReason.SameEditor);
        }

        return await issues.ApproveAsync(month, approver, cancellationToken);
    }

    /// <summary>
    /// Refuses to start sending an issue whose month has passed unless <paramref name="allowPastMonth"/> (the CLI's
    /// --allow-past-month, the console's checkbox). A send that already started (the issue is frozen) may resume without
    /// it; an issue that is not composed or not approved is left to the sender, which refuses it with its own message.
    /// </summary>
    public async Task CheckSendMonthAsync(IssueMonth month, bool allowPastMonth, CancellationToken cancellationToken = default)
    {
        if (allowPastMonth || !IsPast(month))
        {
            return;
        }

        var issues = RequireStore();
        if (await issues.GetArchivedIssueAsync(month, cancellationToken) is not null
            || await issues.LoadAsync(month, cancellationToken) is not { } stored
            || await issues.GetApprovalAsync(month, cancellationToken) is not { } approval
            || approval.ContentHash != stored.ContentHash)
        {
            return;
        }

        throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseMonthPassed, MonthName(month)), RefusalReason.MonthPassed);
    }

    /// <summary>
    /// Called when sending starts: checks the approval (and the month, unless <paramref name="allowPastMonth"/>), then
    /// freezes the issue as sent and its public web version. A resumed send finds them frozen and goes on.
    /// </summary>
    public async Task<StoredIssue> FreezeForSendingAsync(IssueMonth month, bool allowPastMonth, CancellationToken cancellationToken = default)
    {
        var issues = RequireStore();
        var stored = await issues.LoadAsync(month, cancellationToken)
            ?? throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseNoIssue, MonthName(month)), RefusalReason.NoIssue);
        if (await issues.GetArchivedIssueAsync(month, cancellationToken) is { } sent)
        {
            return new StoredIssue(sent, stored.ContentHash);
        }

        var approval = await issues.GetApprovalAsync(month, cancellationToken);
        if (approval is null || approval.ContentHash != stored.ContentHash)
        {
            throw new IssueRefusedException(string.Format(approval is null ? NewsletterTexts.RefuseNotApproved : NewsletterTexts.RefuseChangedAfterApproval, MonthName(month)), RefusalReason.NotApproved);
        }

        if (IsPast(month) && !allowPastMonth)
        {
            throw new IssueRefusedException(string.Format(NewsletterTexts.RefuseMonthPassed, MonthName(month)), RefusalReason.MonthPassed);
        }

        await issues.ArchiveAsync(stored.Issue, await renderer.RenderHtmlAsync(WebView(stored.Issue)), cancellationToken);
        return stored;
    }

    /// <summary>The edition without personal themes: what the stored issue and a proof show.</summary>
    public DigestView GeneralView(NewsletterIssue issue) =>
        new(issue, [], null, links.BaseUrl + "/nieuwsbrief/afmelden", links.BaseUrl + "/nieuwsbrief");

    /// <summary>The public web version of a sent issue: no greeting by name, no personal links.</summary>
    public DigestView WebView(NewsletterIssue issue) =>
        new(issue, [], null, links.BaseUrl + "/nieuwsbrief/afmelden", links.BaseUrl + "/nieuwsbrief", Edition.Web);

    public async Task<ComposedIssue> RenderAsync(NewsletterIssue issue)
    {
        var view = GeneralView(issue);
        return new ComposedIssue(issue, await renderer.RenderHtmlAsync(view), NewsletterRenderer.RenderText(view), LinkedInDrafter.Draft(issue));
    }

    /// <summary>Writes nieuwsbrief.html, nieuwsbrief.txt, linkedin/*.txt and index.html (all side by side) to a folder.</summary>
    public async Task WritePreviewAsync(ComposedIssue composed, string outDir, DigestView? personal = null, IReadOnlyList<IssueWarning>? warnings = null)
    {
        var html = composed.Html;
        var text = composed.Text;
        if (personal is not null)
        {
            html = await renderer.RenderHtmlAsync(personal);
            text = NewsletterRenderer.RenderText(personal);
        }

        // Drafts of an earlier preview in the same folder would look like part of this issue.
        var linkedIn = Directory.CreateDirectory(Path.Combine(outDir, "linkedin"));
        foreach (var stale in linkedIn.EnumerateFiles("*.txt"))
        {
            stale.Delete();
        }

        await File.WriteAllTextAsync(Path.Combine(outDir, "nieuwsbrief.html"), html);
        await File.WriteAllTextAsync(Path.Combine(outDir, "nieuwsbrief.txt"), text);
        foreach (var post in composed.Posts)
        {
            await File.WriteAllTextAsync(Path.Combine(outDir, "linkedin", post.FileName), post.Text);
        }

        await File.WriteAllTextAsync(Path.Combine(outDir, "index.html"), Index(composed, text, warnings ?? []));
    }

    private async Task<List<(string Id, string Title, IssueMonth Month)>> AlreadySentAsync(IssueMonth month, NewsletterIssue issue, CancellationToken cancellationToken)
    {
        var found = new List<(string, string, IssueMonth)>();
        for (var back = 1; back <= 12; back++)
        {
            var earlier = month.AddMonths(-back);
            if (await store!.GetArchivedIssueAsync(earlier, cancellationToken) is not { } sent)
            {
                continue;
            }

            // A news item counts as sent whether it stood under Nieuws or lent its text to an agenda entry or a recap.
            var sentNews = sent.News.Select(n => n.Id).Concat(sent.Agenda.Select(a => a.NewsId)).Concat(sent.Terugblik.Select(t => t.NewsId))
                .OfType<string>().ToHashSet(StringComparer.Ordinal);
            found.AddRange(issue.News.Where(n => sentNews.Contains(n.Id)).Select(n => (n.Id, n.Title, earlier)));
            found.AddRange(issue.Terugblik.Where(t => sent.Terugblik.Any(s => s.EventId == t.EventId)).Select(t => (t.EventId, t.Title, earlier)));
        }

        return found;
    }

    private bool IsPast(IssueMonth month) => IssueMonth.Of(IssueSchedule.Today(_time)).CompareTo(month) > 0;

    private static string MonthName(IssueMonth month) => DutchFormat.MonthYear(month.Year, month.Month);

    private IssueStore RequireStore() => store ?? throw new InvalidOperationException("No issue store: configure storage.");

    private static string Index(ComposedIssue composed, string text, IReadOnlyList<IssueWarning> warnings)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").Append(E(string.Format(NewsletterTexts.PreviewTitle, composed.Issue.Subject))).Append("</title>");
        page.Append("<style>body{font-family:Arial,sans-serif;margin:16px;background:#f5f7fa}.cols{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}")
            .Append(".col{flex:1;min-width:0}iframe{border:1px solid #ccc;background:#fff;height:1400px}pre{white-space:pre-wrap;background:#fff;border:1px solid #ccc;padding:12px;font-size:13px}.warn{background:#fff4ce;border:1px solid #e0c060;padding:8px 12px}</style></head><body>");
        page.Append("<h1>").Append(E(string.Format(NewsletterTexts.PreviewHeading, composed.Issue.MonthName))).Append("</h1>");
        page.Append("<p><strong>").Append(NewsletterTexts.PreviewSubject).Append("</strong> ").Append(E(composed.Issue.Subject))
            .Append("<br><strong>").Append(NewsletterTexts.PreviewPreheader).Append("</strong> ").Append(E(composed.Issue.Preheader)).Append("</p>");
        if (warnings.Count > 0)
        {
            page.Append("<div class=\"warn\"><strong>").Append(NewsletterTexts.PreviewWarnings).Append("</strong><ul>");
            foreach (var warning in warnings)
            {
                page.Append("<li>").Append(E(warning.Message)).Append("</li>");
            }

            page.Append("</ul></div>");
        }

        page.Append("<div class=\"cols\"><div><h2>").Append(NewsletterTexts.PreviewWide).Append("</h2><iframe style=\"width:620px\" src=\"nieuwsbrief.html\" title=\"").Append(NewsletterTexts.PreviewWide).Append("\"></iframe></div>");
        page.Append("<div><h2>").Append(NewsletterTexts.PreviewNarrow).Append("</h2><iframe style=\"width:375px\" src=\"nieuwsbrief.html\" title=\"").Append(NewsletterTexts.PreviewNarrow).Append("\"></iframe></div>");
        page.Append("<div class=\"col\"><h2>").Append(NewsletterTexts.PreviewText).Append("</h2><pre>").Append(E(text)).Append("</pre></div>");
        page.Append("<div class=\"col\"><h2>").Append(NewsletterTexts.PreviewLinkedIn).Append("</h2>");
        foreach (var post in composed.Posts)
        {
            page.Append("<h3>").Append(E(string.Format(NewsletterTexts.PreviewPostLength, post.FileName, post.Text.Length, LinkedInDrafter.MaxLength))).Append("</h3><pre>").Append(E(post.Text)).Append("</pre>");
        }

        page.Append("</div></div></body></html>");
        return page.ToString();
    }
}
