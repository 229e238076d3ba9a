using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using VarBot.Newsletter.Hosting.Pages;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Newsletter.Hosting;

/// <summary>
/// The public subscriber pages on the bot host, rendered as Razor components (Hosting/Pages):
/// /nieuwsbrief (form), /nieuwsbrief/bevestigen (GET a page with a button, POST confirms), /nieuwsbrief/afmelden
/// (GET a page with an optional reason, POST unsubscribes; RFC 8058 one-click), /nieuwsbrief/beheer ("Thema's
/// wijzigen"), /nieuwsbrief/themas (POST), the logo and web versions. Links carry signed tokens, so these forms carry
/// no antiforgery token; the subscribe POST is rate limited per client (policy <see cref="SubscriptionLimiter.HttpPolicy"/>,
/// the host calls UseRateLimiter) and, inside <see cref="SubscriptionService"/>, per address.
/// </summary>
public static partial class NewsletterEndpoints
{
    public static IEndpointRouteBuilder MapNewsletterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/nieuwsbrief").DisableAntiforgery();
        group.MapGet("", ShowForm);
        group.MapPost("", SubscribeAsync).RequireRateLimiting(SubscriptionLimiter.HttpPolicy);
        group.MapGet("/bevestigen", ShowConfirmAsync);
        group.MapPost("/bevestigen", ConfirmAsync);
        group.MapGet("/afmelden", ShowUnsubscribeAsync);
        group.MapPost("/afmelden", UnsubscribeAsync);
        group.MapGet("/beheer", ShowPreferencesAsync);
        group.MapPost("/themas", SetThemesAsync);
        group.MapGet("/logo.png", Logo);
        group.MapGet("/{month}", WebVersionAsync);
        return app;
    }

    private static IResult ShowForm(ThemeCatalog catalog, HttpContext context) =>
        catalog.TryGetCurrent(out var themes, context)
            ? Page<SubscribePage>(new { Themes = themes })
            : NoticeResult(NewsletterTexts.Unavailable, StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> SubscribeAsync(HttpContext context, SubscriptionService subscriptions, ThemeCatalog catalog, CancellationToken ct)
    {
        if (!catalog.TryGetCurrent(out var themes, context))
        {
            return NoticeResult(NewsletterTexts.Unavailable, StatusCodes.Status503ServiceUnavailable);
        }

        if (await ReadFormAsync(context, ct) is not { } form)
        {
            return NoticeResult(NewsletterTexts.BadForm, StatusCodes.Status400BadRequest);
        }

        var email = form["email"].ToString().Trim();
        var name = form["naam"].ToString();
        var chosen = ThemeCatalog.Filter(themes, form["thema"]);
        var result = await subscriptions.SubscribeAsync(email, name, chosen, "formulier", client: null, ct);
        var status = result switch
        {
            SubscribeResult.ConfirmationSent or SubscribeResult.ManageLinkSent => StatusCodes.Status200OK,
            SubscribeResult.RateLimited => StatusCodes.Status429TooManyRequests,
            SubscribeResult.MailFailed => StatusCodes.Status503ServiceUnavailable,
            SubscribeResult.Busy => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        if (status == StatusCodes.Status200OK)
        {
            // The same answer whether or not the address was known: the page reveals nothing.
            return NoticeResult(NewsletterTexts.CheckYourMail);
        }

        Log(context).PageRefused("/nieuwsbrief", status, result.ToString());
        var error = SubscriptionService.ProblemText(result);
        return status == StatusCodes.Status400BadRequest
            // Echo what was typed only when it is printable; a control character would go back into the page.
            ? Page<SubscribePage>(new
            {
                Themes = themes,
                Chosen = chosen,
                Error = error,
                Email = email.Any(char.IsControl) ? null : email,
                Name = result is SubscribeResult.InvalidName ? null : name,
            }, status)
            : NoticeResult(new Notice(NewsletterTexts.RateLimited.Title, [error!]), status);
    }

    private static async Task<IResult> ShowConfirmAsync(string? token, HttpContext context, SubscriptionTokens tokens, SubscriberStore store, ThemeCatalog catalog, CancellationToken ct)
    {
        if (tokens.Check(token, TokenPurpose.Confirm, out var key) != TokenCheck.Valid)
        {
            return NoticeResult(NewsletterTexts.InvalidLink, StatusCodes.Status400BadRequest);
        }

        if (!catalog.TryGetCurrent(out var themes, context))
        {
            return NoticeResult(NewsletterTexts.Unavailable, StatusCodes.Status503ServiceUnavailable);
        }

        return await store.GetByKeyAsync(key, ct) is { } found
            ? Page<ConfirmPage>(new { Action = WithToken("/nieuwsbrief/bevestigen", token!), Themes = themes, Chosen = found.Subscriber.Themes })
            : NoticeResult(NewsletterTexts.NotFound, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ConfirmAsync(string? token, HttpContext context, SubscriptionTokens tokens, SubscriberStore store, ThemeCatalog catalog, CancellationToken ct)
    {
        if (tokens.Check(token, TokenPurpose.Confirm, out var key) != TokenCheck.Valid)
        {
            return NoticeResult(NewsletterTexts.InvalidLink, StatusCodes.Status400BadRequest);
        }

        var form = await ReadFormAsync(context, ct);
        var chosen = form is not null && catalog.TryGetCurrent(out var themes, context) ? ThemeCatalog.Filter(themes, form["thema"]) : null;
        return await GuardAsync(context, async () =>
        {
            if (await store.ConfirmAsync(key, chosen, ct) is null)
            {
                return NoticeResult(NewsletterTexts.NotFound, StatusCodes.Status404NotFound);
            }

            Log(context).SubscriberConfirmed(key);
            return NoticeResult(NewsletterTexts.Confirmed);
        });
    }

    private static async Task<IResult> ShowUnsubscribeAsync(string? token, SubscriptionTokens tokens, SubscriberStore store, CancellationToken ct) =>
        await ManagedKeyAsync(token, tokens, store, ct) is { } key && await store.GetByKeyAsync(key, ct) is not null
            ? Page<UnsubscribePage>(new { Action = WithToken("/nieuwsbrief/afmelden", token!), PreferencesLink = WithToken("/nieuwsbrief/beheer", token!) })
            : await InvalidOrGoneAsync(token, tokens);

    /// <summary>The unsubscribe form, or a mail client's RFC 8058 one-click POST (body "List-Unsubscribe=One-Click").</summary>
    private static async Task<IResult> UnsubscribeAsync(string? token, HttpContext context, SubscriptionTokens tokens, SubscriberStore store, UnsubscribeReasons reasons, CancellationToken ct)
    {
        if (await ManagedKeyAsync(token, tokens, store, ct) is not { } key)
        {
            return await InvalidOrGoneAsync(token, tokens);
        }

        var form = await ReadFormAsync(context, ct);
        var removed = await store.RemoveAsync(key, ct);
        var reasonGiven = removed && form is not null && await reasons.RecordAsync(form["reden"], form["toelichting"], ct);
        Log(context).SubscriberUnsubscribed(key, reasonGiven);
        return NoticeResult(NewsletterTexts.Unsubscribed);
    }

    private static async Task<IResult> ShowPreferencesAsync(string? token, HttpContext context, SubscriptionTokens tokens, SubscriberStore store, ThemeCatalog catalog, CancellationToken ct)
    {
        if (await ManagedKeyAsync(token, tokens, store, ct) is not { } key || await store.GetByKeyAsync(key, ct) is not { } found)
        {
            return await InvalidOrGoneAsync(token, tokens);
        }

        return catalog.TryGetCurrent(out var themes, context)
            ? Page<PreferencesPage>(new
            {
                ThemesAction = WithToken("/nieuwsbrief/themas", token!),
                UnsubscribeLink = WithToken("/nieuwsbrief/afmelden", token!),
                Themes = themes,
                Chosen = found.Subscriber.Themes,
            })
            : NoticeResult(NewsletterTexts.Unavailable, StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> SetThemesAsync(string? token, HttpContext context, SubscriptionTokens tokens, SubscriberStore store, ThemeCatalog catalog, CancellationToken ct)
    {
        if (await ManagedKeyAsync(token, tokens, store, ct) is not { } key)
        {
            return await InvalidOrGoneAsync(token, tokens);
        }

        if (!catalog.TryGetCurrent(out var themes, context))
        {
            return NoticeResult(NewsletterTexts.Unavailable, StatusCodes.Status503ServiceUnavailable);
        }

        if (await ReadFormAsync(context, ct) is not { } form)
        {
            return NoticeResult(NewsletterTexts.BadForm, StatusCodes.Status400BadRequest);
        }

        var chosen = ThemeCatalog.Filter(themes, form["thema"]);
        return await GuardAsync(context, async () => await store.SetThemesAsync(key, chosen, ct) is null
            ? NoticeResult(NewsletterTexts.NotFound, StatusCodes.Status404NotFound)
            : NoticeResult(NewsletterTexts.ThemesSaved(themes.Where(t => chosen.Contains(t.Id)).Select(t => t.Name).ToList())));
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
        return html is null ? NoticeResult(NewsletterTexts.IssueNotFound, StatusCodes.Status404NotFound) : Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// The subscriber key of an unsubscribe (mail footer, List-Unsubscribe) or manage ("beheer uw inschrijving") token,
    /// following a key that <see cref="SubscriberKeyMigration"/> moved; null when the token is not valid.
    /// </summary>
    private static async Task<string?> ManagedKeyAsync(string? token, SubscriptionTokens tokens, SubscriberStore store, CancellationToken ct)
    {
        if (tokens.Check(token, TokenPurpose.Unsubscribe, out var key) != TokenCheck.Valid
            && tokens.Check(token, TokenPurpose.Manage, out key) != TokenCheck.Valid)
        {
            return null;
        }

        return await store.ResolveKeyAsync(key, ct);
    }

    private static Task<IResult> InvalidOrGoneAsync(string? token, SubscriptionTokens tokens) =>
        Task.FromResult<IResult>(tokens.Check(token, TokenPurpose.Unsubscribe, out _) == TokenCheck.Valid || tokens.Check(token, TokenPurpose.Manage, out _) == TokenCheck.Valid
            ? NoticeResult(NewsletterTexts.NotFound, StatusCodes.Status404NotFound)
            : NoticeResult(NewsletterTexts.InvalidLink, StatusCodes.Status400BadRequest));

    /// <summary>A subscriber that keeps changing concurrently gets 409 and a Dutch page instead of a 500.</summary>
    private static async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (SubscriberConflictException)
        {
            Log(context).PageRefused(context.Request.Path, StatusCodes.Status409Conflict, "concurrent changes");
            return NoticeResult(NewsletterTexts.Conflict, StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The posted form, or null when the body is not a readable form (wrong content type, malformed, too large).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            Log(context).PageRefused(context.Request.Path, StatusCodes.Status400BadRequest, ex.GetType().Name);
            return null;
        }
    }

    private static string WithToken(string path, string token) => $"{path}?token={Uri.EscapeDataString(token)}";

    internal static RazorComponentResult Page<TPage>(object parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent => new(typeof(TPage), parameters) { StatusCode = status };

    internal static RazorComponentResult NoticeResult(Notice notice, int status = StatusCodes.Status200OK) =>
        Page<NoticePage>(new { notice.Title, notice.Paragraphs, notice.LinkText, notice.LinkHref }, status);

    private static ILogger Log(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NewsletterEndpoints).FullName!);

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();
}

/// <summary>The current themes subscribers can choose, from the knowledge model; unavailable while no model is loaded.</summary>
public sealed class ThemeCatalog(INewsletterModelSource source)
{
    public bool TryGetCurrent(out IReadOnlyList<Templates.Views.ThemeChoice> themes, HttpContext? context = null)
    {
        try
        {
            themes = source.Current.Themes.Where(t => t.IsCurrent).Select(t => new Templates.Views.ThemeChoice(t.Id, t.Name)).ToList();
            return true;
        }
        catch (Exception ex) when (ex is Knowledge.Store.KnowledgeModelUnavailableException or IOException or InvalidOperationException)
        {
            if (context is not null)
            {
                Log(context).PageWithoutModel(context.Request.Path, ex);
            }

            themes = [];
            return false;
        }
    }

    /// <summary>The resolver that maps theme ids, names, aliases and former themes to current ids (CSV import, console).</summary>
    public bool TryGetResolver(out Subscribers.ThemeResolver resolver)
    {
        try
        {
            resolver = new Subscribers.ThemeResolver(source.Current.Themes);
            return true;
        }
        catch (Exception ex) when (ex is Knowledge.Store.KnowledgeModelUnavailableException or IOException or InvalidOperationException)
        {
            resolver = new Subscribers.ThemeResolver([]);
            return false;
        }
    }

    public static IReadOnlyList<string> Filter(IReadOnlyList<Templates.Views.ThemeChoice> current, StringValues values) =>
        values.OfType<string>().Where(v => current.Any(t => t.Id == v)).Distinct().ToList();

    private static ILogger Log(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<ThemeCatalog>();
}
