using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using VarBot.Bot.Feedback;
using VarBot.Bot.StaffConsole.Pages;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Dutch;
using VarBot.Knowledge.Model;
using VarBot.Newsletter;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Hosting;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;

namespace VarBot.Bot.StaffConsole;

/// <summary>The handlers of /beheer: each GET renders a Razor component page; each form post passes <see cref="ConsoleFormCheck"/> first.</summary>
internal static class ConsoleEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>A month in a console address: anything else is not a console page (404) before a handler runs.</summary>
    private const string Month = "{month:regex(^\\d{{4}}-(0[1-9]|1[0-2])$)}";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/beheer").DisableAntiforgery();
        group.MapGet("/aanmelden", SignInForm).AllowAnonymous();
        group.MapPost("/aanmelden", SignInAsync).AllowAnonymous().AddEndpointFilter<ConsoleFormCheck>();

        var staff = group.MapGroup("").RequireAuthorization(StaffConsoleExtensions.StaffPolicy);
        staff.MapPost("/afmelden", SignOutAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapGet("", IssuesAsync);
        staff.MapGet("/feedback", FeedbackAsync);
        staff.MapGet($"/nieuwsbrief/{Month}", IssueAsync);
        staff.MapPost($"/nieuwsbrief/{Month}", SaveAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapGet($"/nieuwsbrief/{Month}/voorbeeld", StoredPreviewAsync).WithMetadata(NoLoginRedirect.Instance);
        staff.MapPost($"/nieuwsbrief/{Month}/voorbeeld", LivePreviewAsync).WithMetadata(NoLoginRedirect.Instance).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapGet($"/nieuwsbrief/{Month}/voortgang", ProgressAsync).WithMetadata(NoLoginRedirect.Instance);
        staff.MapPost($"/nieuwsbrief/{Month}/proef", TestSendAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapPost($"/nieuwsbrief/{Month}/goedkeuren", ApproveAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapPost($"/nieuwsbrief/{Month}/versturen", SendAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapGet($"/nieuwsbrief/{Month}/linkedin", LinkedInAsync);
        SubscriberEndpoints.Map(staff);
    }

    private static IResult SignInForm(HttpContext context, ConsoleSignIn signIn, IAntiforgery antiforgery, string? returnUrl) =>
        Page<SignInPage>(new() { ["Available"] = signIn.LocalAllowed && IsLoopback(context), ["Token"] = Token(context, antiforgery), ["ReturnUrl"] = LocalPath(returnUrl) });

    private static async Task<IResult> SignInAsync(HttpContext context, ConsoleSignIn signIn, IAntiforgery antiforgery)
    {
        if (!signIn.LocalAllowed || !IsLoopback(context))
        {
            return Results.NotFound();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["naam"].ToString().Trim();
        if (name.Length == 0)
        {
            return Page<SignInPage>(new() { ["Available"] = true, ["Token"] = Token(context, antiforgery), ["Error"] = BotTexts.ConsoleNameMissing }, StatusCodes.Status400BadRequest);
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name), new("name", name) };
        if (SubscriptionService.IsValidAddress(form["email"].ToString().Trim()))
        {
            claims.Add(new Claim(ClaimTypes.Email, form["email"].ToString().Trim()));
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, "lokaal")));
        return Results.Redirect(LocalPath(form["terug"]));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ConsoleSignIn signIn)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return signIn.UsesEntra
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme])
            : Results.Redirect("/beheer/aanmelden");
    }

    private static async Task<IResult> IssuesAsync(HttpContext context, IAntiforgery antiforgery, IssueEditor editor, IssueStore store, INewsletterModelSource models, TimeProvider time, CancellationToken ct)
    {
        var model = models.Current;
        var today = IssueSchedule.Today(time);
        var rows = new List<IssuesPage.Row>();
        for (var month = IssueMonth.Of(today).AddMonths(2); month.CompareTo(IssueMonth.Of(today).AddMonths(-4)) >= 0; month = month.Previous)
        {
            var state = await store.GetStateAsync(month, ct);
            IReadOnlyList<string> warnings = [];
            if (state != IssueState.Sent)
            {
                var draft = await editor.GetDraftAsync(model, month, ct);
                var issue = (await store.LoadAsync(month, ct))?.Issue ?? editor.Composer.Build(model, draft.Draft);
                warnings = (await editor.WarningsAsync(model, draft.Draft, issue, ct)).Select(w => w.Message).ToList();
            }

            rows.Add(new IssuesPage.Row(month.ToString(), MonthName(month), DutchFormat.LongDate(editor.Composer.Schedule.SendDate(month)), StateText(state), warnings, state == IssueState.Sent));
        }

        return Page<IssuesPage>(new() { ["UserName"] = StaffPrincipal.Name(context.User), ["Token"] = Token(context, antiforgery), ["Today"] = DutchFormat.LongDate(today), ["Rows"] = rows });
    }

    private static async Task<IResult> FeedbackAsync(HttpContext context, IAntiforgery antiforgery, FeedbackStore feedback, CancellationToken ct)
    {
        var items = (await feedback.ListAsync(null, ct))
            .Where(f => f.Kind is FeedbackKinds.Unanswered or FeedbackKinds.Down)
            .OrderByDescending(f => f.At)
            .Take(500)
            .Select(f => new FeedbackPage.Item(
                DutchFormat.Date(DateOnly.FromDateTime(f.At.UtcDateTime)) + " " + f.At.ToUniversalTime().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC",
                f.Kind == FeedbackKinds.Unanswered ? BotTexts.ConsoleUnanswered : BotTexts.ConsoleNotUseful,
                f.Question ?? "",
                f.AnswerId ?? f.Intent ?? ""))
            .ToList();
        return Page<FeedbackPage>(new() { ["UserName"] = StaffPrincipal.Name(context.User), ["Token"] = Token(context, antiforgery), ["Items"] = items });
    }

    private static async Task<IResult> IssueAsync(IssueMonth month, string? melding, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, CancellationToken ct)
    {
        return await IssuePageAsync(month, context, antiforgery, services, Messages.GetValueOrDefault(melding ?? ""), null, StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> SaveAsync(IssueMonth month, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var etag = form["etag"].ToString();
        try
        {
            await services.Editor.SaveDraftAsync(services.Model, ReadDraft(form, month), etag.Length == 0 ? null : etag, StaffPrincipal.Name(context.User), ct);
            return Results.Redirect($"/beheer/nieuwsbrief/{month}?melding=opgeslagen");
        }
        catch (Exception ex) when (ex is DraftConflictException or IssueRefusedException)
        {
            return await IssuePageAsync(month, context, antiforgery, services, null, ex.Message, StatusCodes.Status409Conflict, ct);
        }
    }

    private static async Task<IResult> LivePreviewAsync(IssueMonth month, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var composed = await services.Editor.PreviewAsync(services.Model, ReadDraft(form, month));
        return NoStore(context, Results.Content(composed.Html, Html));
    }

    private static async Task<IResult> StoredPreviewAsync(IssueMonth month, HttpContext context, ConsoleServices services, CancellationToken ct)
    {
        string? html;
        if (await services.Store.GetArchivedIssueAsync(month, ct) is { } sent)
        {
            html = (await services.Editor.RenderAsync(sent)).Html;
        }
        else
        {
            await services.Editor.EnsureStoredAsync(services.Model, month, ct);
            html = await services.Store.GetHtmlAsync(month, ct);
        }

        return html is null ? Results.NotFound() : NoStore(context, Results.Content(html, Html));
    }

    private static async Task<IResult> TestSendAsync(IssueMonth month, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, NewsletterSender sender, CancellationToken ct)
    {
        var address = (await context.Request.ReadFormAsync(ct))["adres"].ToString().Trim();
        if (!SubscriptionService.IsValidAddress(address))
        {
            return await IssuePageAsync(month, context, antiforgery, services, null, BotTexts.ConsoleProofAddressInvalid, StatusCodes.Status400BadRequest, ct);
        }

        try
        {
            await services.Editor.EnsureStoredAsync(services.Model, month, ct);
            await sender.SendTestAsync(month, address, ct);
            return Results.Redirect($"/beheer/nieuwsbrief/{month}?melding=proef");
        }
        catch (Exception ex) when (ex is VarBot.Newsletter.Delivery.MailDeliveryException or IOException or InvalidOperationException)
        {
            services.Log(ex, month);
            return await IssuePageAsync(month, context, antiforgery, services, null, BotTexts.ConsoleProofFailed, StatusCodes.Status502BadGateway, ct);
        }
    }

    private static async Task<IResult> ApproveAsync(IssueMonth month, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        try
        {
            await services.Editor.ApproveAsync(month, StaffPrincipal.Name(context.User), form["toch"] == "ja", form["inhoud"].ToString(), ct);
            return Results.Redirect($"/beheer/nieuwsbrief/{month}?melding=goedgekeurd");
        }
        catch (Exception ex) when (ex is DraftConflictException or IssueRefusedException)
        {
            return await IssuePageAsync(month, context, antiforgery, services, null, ex.Message, StatusCodes.Status409Conflict, ct);
        }
    }

    private static async Task<IResult> SendAsync(IssueMonth month, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, SendJobs jobs, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        try
        {
            await services.Editor.FreezeForSendingAsync(month, form["toch"] == "ja", ct);
        }
        catch (IssueRefusedException ex)
        {
            return await IssuePageAsync(month, context, antiforgery, services, null, ex.Message, StatusCodes.Status409Conflict, ct);
        }

        jobs.Start(month, StaffPrincipal.Name(context.User));
        return Results.Redirect($"/beheer/nieuwsbrief/{month}?melding=verzenden");
    }

    /// <summary>The send's progress as JSON for the page's poll, read from storage (any host, also after a restart); "klaar" once it is no longer running.</summary>
    private static async Task<IResult> ProgressAsync(IssueMonth month, HttpContext context, SendStatusReader status, CancellationToken ct)
    {
        if (await status.GetAsync(month, withLog: false, ct) is not { } state)
        {
            return Results.NotFound();
        }

        return NoStore(context, Results.Json(new { verzonden = state.Sent, mislukt = state.Failed, resterend = state.Remaining, totaal = state.Total, klaar = state.Phase != SendPhase.Running }));
    }

    private static async Task<IResult> LinkedInAsync(IssueMonth month, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, CancellationToken ct)
    {
        var issue = await services.Store.GetArchivedIssueAsync(month, ct) ?? (await services.Editor.EnsureStoredAsync(services.Model, month, ct)).Issue;
        return Page<LinkedInPage>(new()
        {
            ["UserName"] = StaffPrincipal.Name(context.User),
            ["Token"] = Token(context, antiforgery),
            ["Month"] = month.ToString(),
            ["Title"] = string.Format(BotTexts.ConsoleLinkedInTitle, MonthName(month)),
            ["Posts"] = LinkedInDrafter.Draft(issue),
            ["Max"] = LinkedInDrafter.MaxLength,
        });
    }

    private static async Task<IResult> IssuePageAsync(IssueMonth month, HttpContext context, IAntiforgery antiforgery, ConsoleServices services, string? message, string? error, int status, CancellationToken ct)
    {
        var model = services.Model;
        var editor = services.Editor;
        var state = await services.Store.GetStateAsync(month, ct);
        var sent = state == IssueState.Sent ? await services.Store.GetArchivedIssueAsync(month, ct) : null;
        var stored = sent is null ? await editor.EnsureStoredAsync(model, month, ct) : null;
        var draft = await editor.GetDraftAsync(model, month, ct);
        var issue = sent ?? stored!.Issue;
        var warnings = sent is null ? (await editor.WarningsAsync(model, draft.Draft, issue, ct)).Select(w => w.Message).ToList() : [];
        var candidates = editor.Composer.Candidates(model, month);
        var approval = await services.Store.GetApprovalAsync(month, ct);
        var subscribers = 0;
        await foreach (var _ in services.Subscribers.ListKeysAsync(ct))
        {
            subscribers++;
        }

        var vm = new IssuePage.ViewModel(
            month.ToString(),
            string.Format(BotTexts.ConsoleIssueTitle, MonthName(month)),
            StateText(state),
            DutchFormat.LongDate(editor.Composer.Schedule.SendDate(month)),
            Editable: sent is null,
            MonthPassed: IssueMonth.Of(IssueSchedule.Today(services.Time)).CompareTo(month) > 0,
            draft.Draft,
            draft.ETag,
            stored?.ContentHash ?? "",
            warnings,
            Choices(candidates.Agenda, draft.Draft.Agenda, model.Events.ToDictionary(e => e.Id, e => e.Title + ", " + DutchFormat.When(e))),
            Choices(candidates.Terugblik, draft.Draft.Terugblik, model.Events.ToDictionary(e => e.Id, e => e.Title + ", " + DutchFormat.When(e))),
            Choices(candidates.News.Concat(RecentNews(model, candidates)).ToList(), draft.Draft.News, model.News.ToDictionary(n => n.Id, n => n.Title + ", " + DutchFormat.Date(n.Date))),
            Choices(candidates.Figures, draft.Draft.Figures, model.Monitoring.ToDictionary(p => p.Id, p => p.Title)),
            issue.Themes,
            StaffPrincipal.Email(context.User),
            approval?.ApprovedBy,
            subscribers,
            await services.SendStatus.GetAsync(month, withLog: true, ct));
        return Page<IssuePage>(new() { ["UserName"] = StaffPrincipal.Name(context.User), ["Token"] = Token(context, antiforgery), ["Model"] = vm, ["Message"] = message, ["Error"] = error }, status);
    }

    /// <summary>News of the year before the send date that the rules did not pick, so staff can add an item again.</summary>
    private static IEnumerable<Candidate> RecentNews(KnowledgeModel model, IssueCandidates candidates) =>
        model.News.Where(n => n.Date <= candidates.SendDate && n.Date > candidates.SendDate.AddYears(-1) && candidates.News.All(c => c.Id != n.Id))
            .OrderByDescending(n => n.Date)
            .Select(n => new Candidate(n.Id, n.Title + ", " + DutchFormat.Date(n.Date), false));

    /// <summary>The candidates in draft order first (checked), then the rest; ids in the draft that are no candidate are kept.</summary>
    private static List<IssuePage.Choice> Choices(IReadOnlyList<Candidate> candidates, IReadOnlyList<string> chosen, IReadOnlyDictionary<string, string> labels)
    {
        var byId = candidates.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var choices = chosen.Select((id, i) => new IssuePage.Choice(id, byId.GetValueOrDefault(id)?.Label ?? labels.GetValueOrDefault(id, id), true, i + 1, byId.GetValueOrDefault(id)?.Default ?? false)).ToList();
        choices.AddRange(candidates.Where(c => !chosen.Contains(c.Id)).Select((c, i) => new IssuePage.Choice(c.Id, c.Label, false, chosen.Count + i + 1, c.Default)));
        return choices;
    }

    /// <summary>The draft a submitted form describes: per section the checked ids, sorted by their order fields.</summary>
    private static IssueDraft ReadDraft(IFormCollection form, IssueMonth month)
    {
        List<string> Section(string name) => form[name].OfType<string>()
            .Select((id, i) => (Id: id, Position: i, Order: int.TryParse(form[$"volgorde:{name}:{id}"], out var order) ? order : int.MaxValue))
            .OrderBy(x => x.Order).ThenBy(x => x.Position)
            .Select(x => x.Id)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        return new IssueDraft(
            month.ToString(),
            form["onderwerp"].ToString().Trim(),
            form["preheader"].ToString().Trim(),
            form["inleiding"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            Section("agenda"),
            Section("terugblik"),
            Section("nieuws"),
            Section("cijfers"),
            form["plannen"] == "ja",
            StringValues.IsNullOrEmpty(form["thema"]) ? null : form["thema"].ToString());
    }

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["opgeslagen"] = BotTexts.ConsoleSaved,
        ["proef"] = BotTexts.ConsoleProofSent,
        ["goedgekeurd"] = BotTexts.ConsoleApproved,
        ["verzenden"] = BotTexts.ConsoleSendStarted,
    };

    private static string StateText(IssueState state) => state switch
    {
        IssueState.Sent => NewsletterTexts.StateSent,
        IssueState.Approved => NewsletterTexts.StateApproved,
        _ => NewsletterTexts.StateDraft,
    };

    private static string MonthName(IssueMonth month) => DutchFormat.MonthYear(month.Year, month.Month);

    internal static FormToken Token(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken!);
    }

    internal static IResult Page<TPage>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = status, ContentType = Html };

    private static IResult NoStore(HttpContext context, IResult result)
    {
        context.Response.Headers.CacheControl = "no-store";
        return result;
    }

    private static bool IsLoopback(HttpContext context) => context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    private static string LocalPath(string? path) =>
        path is { Length: > 1 } p && p.StartsWith("/beheer", StringComparison.Ordinal) && !p.StartsWith("//", StringComparison.Ordinal) ? p : "/beheer";
}

/// <summary>What the console handlers share, resolved once per request.</summary>
internal sealed class ConsoleServices(IssueEditor editor, IssueStore store, SubscriberStore subscribers, INewsletterModelSource models, SendJobs jobs, SendStatusReader sendStatus, TimeProvider time, ILogger<ConsoleServices> logger)
{
    public IssueEditor Editor => editor;
    public IssueStore Store => store;
    public SubscriberStore Subscribers => subscribers;
    public SendJobs Jobs => jobs;
    public SendStatusReader SendStatus => sendStatus;
    public TimeProvider Time => time;
    public KnowledgeModel Model => models.Current;

    public void Log(Exception exception, IssueMonth month) => logger.ConsoleProofFailed(exception, month.ToString());
}
