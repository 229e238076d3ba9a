using System.Net;
using System.Text;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Issues;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Composition;

/// <summary>A composed issue in all its forms: the general edition (HTML and text) and the LinkedIn drafts.</summary>
public sealed record ComposedIssue(NewsletterIssue Issue, string Html, string Text, IReadOnlyList<LinkedInPost> Posts);

/// <summary>Composes, renders, stores and previews issues; what staff see is what will be sent.</summary>
public sealed class IssueEditor(IssueComposer composer, NewsletterRenderer renderer, NewsletterLinks links, IssueStore? store = null)
{
    public async Task<ComposedIssue> ComposeAsync(KnowledgeModel model, IssueMonth month, CancellationToken cancellationToken = default)
    {
        var issue = composer.Compose(model, month);
        var view = GeneralView(issue);
        var composed = new ComposedIssue(issue, await renderer.RenderHtmlAsync(view), NewsletterRenderer.RenderText(view), LinkedInDrafter.Draft(issue));
        if (store is not null)
        {
            await store.SaveAsync(issue, composed.Html, composed.Text, composed.Posts, cancellationToken);
        }

        return composed;
    }

    /// <summary>The edition without personal themes: what the web version, the stored issue and a proof show.</summary>
    public DigestView GeneralView(NewsletterIssue issue) =>
        new(issue, [], null, links.BaseUrl + "/nieuwsbrief/afmelden", links.BaseUrl + "/nieuwsbrief");

    /// <summary>Writes nieuwsbrief.html, nieuwsbrief.txt, linkedin/*.txt and index.html (all side by side) to a folder.</summary>
    public async Task WritePreviewAsync(ComposedIssue composed, string outDir, DigestView? personal = null)
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

        await File.WriteAllTextAsync(Path.Combine(outDir, "index.html"), Index(composed, text));
    }

    private static string Index(ComposedIssue composed, string text)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Voorbeeld: ").Append(E(composed.Issue.Subject)).Append("</title>");
        page.Append("<style>body{font-family:Arial,sans-serif;margin:16px;background:#f5f7fa}.cols{display:flex;gap:16px;align-items:flex-start}")
            .Append(".col{flex:1;min-width:0}iframe{width:640px;height:1400px;border:1px solid #ccc;background:#fff}pre{white-space:pre-wrap;background:#fff;border:1px solid #ccc;padding:12px;font-size:13px}</style></head><body>");
        page.Append("<h1>Voorbeeld nieuwsbrief ").Append(E(composed.Issue.MonthName)).Append("</h1>");
        page.Append("<p><strong>Onderwerp:</strong> ").Append(E(composed.Issue.Subject)).Append("<br><strong>Preheader:</strong> ").Append(E(composed.Issue.Preheader)).Append("</p>");
        page.Append("<div class=\"cols\"><div class=\"col\"><h2>HTML</h2><iframe src=\"nieuwsbrief.html\" title=\"HTML-versie\"></iframe></div>");
        page.Append("<div class=\"col\"><h2>Tekst</h2><pre>").Append(E(text)).Append("</pre></div>");
        page.Append("<div class=\"col\"><h2>LinkedIn</h2>");
        foreach (var post in composed.Posts)
        {
            page.Append("<h3>").Append(E(post.FileName)).Append(" (").Append(post.Text.Length).Append(" tekens)</h3><pre>").Append(E(post.Text)).Append("</pre>");
        }

        page.Append("</div></div></body></html>");
        return page.ToString();
    }
}
