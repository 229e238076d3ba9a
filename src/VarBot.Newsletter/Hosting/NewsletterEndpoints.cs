using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Hosting;

/// <summary>
/// The subscriber pages on the bot host: /nieuwsbrief (form), /nieuwsbrief/bevestigen, /nieuwsbrief/afmelden
/// (GET shows a page, POST unsubscribes at once: RFC 8058 one-click), /nieuwsbrief/themas, the logo and web versions.
/// Links are protected by signed tokens, so these forms carry no antiforgery token.
/// </summary>
public static partial class NewsletterEndpoints
{
    public static IEndpointRouteBuilder MapNewsletterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/nieuwsbrief").DisableAntiforgery();
        group.MapGet("", ShowForm);
        group.MapPost("", SubscribeAsync);
        group.MapGet("/bevestigen", ConfirmAsync);
        group.MapGet("/afmelden", ShowManageAsync);
        group.MapPost("/afmelden", UnsubscribeAsync);
        group.MapPost("/themas", SetThemesAsync);
        group.MapGet("/logo.png", Logo);
        group.MapGet("/{month}", WebVersionAsync);
        return app;
    }

    private static IResult ShowForm(ThemeCatalog themes) => Html(NewsletterPages.SubscribeForm(themes.Current));

    private static async Task<IResult> SubscribeAsync(HttpRequest request, SubscriptionService subscriptions, ThemeCatalog themes, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var email = form["email"].ToString().Trim();
        if (!SubscriptionService.IsValidAddress(email))
        {
            return Html(NewsletterPages.SubscribeForm(themes.Current, "Vul een geldig e-mailadres in."), StatusCodes.Status400BadRequest);
        }

        await subscriptions.SubscribeAsync(email, form["naam"].ToString(), themes.Filter(form["thema"]), "formulier", ct);
        // The same answer whether or not the address was already subscribed: the page reveals nothing.
        return Html(NewsletterPages.CheckYourMail());
    }

    private static async Task<IResult> ConfirmAsync(string? token, SubscriptionTokens tokens, SubscriberStore store, CancellationToken ct)
    {
        if (tokens.Check(token, TokenPurpose.Confirm, out var key) != TokenCheck.Valid)
        {
            return Html(NewsletterPages.InvalidLink(), StatusCodes.Status400BadRequest);
        }

        return await store.ConfirmAsync(key, ct) is null
            ? Html(NewsletterPages.NotFound(), StatusCodes.Status404NotFound)
            : Html(NewsletterPages.Confirmed());
    }

    private static async Task<IResult> ShowManageAsync(string? token, SubscriptionTokens tokens, SubscriberStore store, ThemeCatalog themes, CancellationToken ct)
    {
        if (tokens.Check(token, TokenPurpose.Unsubscribe, out var key) != TokenCheck.Valid)
        {
            return Html(NewsletterPages.InvalidLink(), StatusCodes.Status400BadRequest);
        }

        return await store.GetByKeyAsync(key, ct) is { } found
            ? Html(NewsletterPages.Manage(token!, themes.Current, found.Subscriber.Themes))
            : Html(NewsletterPages.NotFound(), StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UnsubscribeAsync(string? token, SubscriptionTokens tokens, SubscriberStore store, CancellationToken ct)
    {
        if (tokens.Check(token, TokenPurpose.Unsubscribe, out var key) != TokenCheck.Valid)
        {
            return Html(NewsletterPages.InvalidLink(), StatusCodes.Status400BadRequest);
        }

        await store.RemoveAsync(key, ct);
        return Html(NewsletterPages.Unsubscribed());
    }

    private static async Task<IResult> SetThemesAsync(string? token, HttpRequest request, SubscriptionTokens tokens, SubscriberStore store, ThemeCatalog themes, CancellationToken ct)
    {
        if (tokens.Check(token, TokenPurpose.Unsubscribe, out var key) != TokenCheck.Valid)
        {
            return Html(NewsletterPages.InvalidLink(), StatusCodes.Status400BadRequest);
        }

        var form = await request.ReadFormAsync(ct);
        var chosen = themes.Filter(form["thema"]);
        return await store.SetThemesAsync(key, chosen, ct) is null
            ? Html(NewsletterPages.NotFound(), StatusCodes.Status404NotFound)
            : Html(NewsletterPages.ThemesSaved(themes.Current.Where(t => chosen.Contains(t.Id)).Select(t => t.Name).ToList()));
    }

    private static IResult Logo()
    {
        using var stream = typeof(NewsletterEndpoints).Assembly.GetManifestResourceStream("VarBot.Newsletter.logo.png")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Results.File(copy.ToArray(), "image/png");
    }

    private static async Task<IResult> WebVersionAsync(string month, IssueStore issues, CancellationToken ct)
    {
        if (!MonthPattern().IsMatch(month) || !IssueMonth.TryParse(month, out var parsed))
        {
            return Results.NotFound();
        }

        var html = await issues.GetArchiveHtmlAsync(parsed, ct); // only sent issues, frozen at send time
        return html is null ? Html(NewsletterPages.Page("Niet gevonden", "<p>Deze nieuwsbrief bestaat (nog) niet.</p>"), 404) : Html(html);
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();
}

/// <summary>The current themes subscribers can choose, from the knowledge model.</summary>
public sealed class ThemeCatalog(IReadOnlyList<ThemeChoice> current)
{
    public IReadOnlyList<ThemeChoice> Current { get; } = current;

    public IReadOnlyList<string> Filter(IEnumerable<string?> values) =>
        values.OfType<string>().Where(v => Current.Any(t => t.Id == v)).Distinct().ToList();
}
