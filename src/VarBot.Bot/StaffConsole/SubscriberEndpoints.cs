using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using VarBot.Bot.StaffConsole.Pages;
using VarBot.Bot.Texts;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Hosting;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;

namespace VarBot.Bot.StaffConsole;

/// <summary>
/// /beheer/abonnees: counts per theme, search, CSV import (dry run, then exactly the checked file), export and forget.
/// Everything that reads or changes subscribers is a POST with an antiforgery token, so no address travels in a URL
/// (browser history, request logs) and no other site can make a signed-in browser act.
/// </summary>
internal static class SubscriberEndpoints
{
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/abonnees", PageAsync);
        staff.MapPost("/abonnees/zoeken", SearchAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapPost("/abonnees/controleren", CheckAsync).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportUploads.MaxBytes + 64 * 1024));
        staff.MapPost("/abonnees/importeren", ImportAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapPost("/abonnees/exporteren", ExportAsync).AddEndpointFilter<ConsoleFormCheck>();
        staff.MapPost("/abonnees/vergeten", ForgetAsync).AddEndpointFilter<ConsoleFormCheck>();
    }

    private static Task<IResult> PageAsync(string? melding, HttpContext context, IAntiforgery antiforgery, SubscriberServices services, CancellationToken ct) =>
        RenderAsync(context, antiforgery, services, StatusCodes.Status200OK, ct, message: melding switch
        {
            "vergeten" => BotTexts.ConsoleForgotten,
            "onbekend" => BotTexts.ConsoleForgetUnknown,
            _ => null,
        });

    private static async Task<IResult> SearchAsync(HttpContext context, IAntiforgery antiforgery, SubscriberServices services, CancellationToken ct)
    {
        var query = (await context.Request.ReadFormAsync(ct))["zoek"].ToString().Trim();
        if (query.Length < 3)
        {
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status400BadRequest, ct, query: query, error: BotTexts.ConsoleSearchTooShort);
        }

        var found = await services.Overview.SearchAsync(query, ct);
        var themes = services.Models.Current.Themes;
        return await RenderAsync(context, antiforgery, services, StatusCodes.Status200OK, ct, query: query,
            results: found.Take(SubscriberOverview.MaxResults).Select(s => SubscriberOverview.Row(s, themes)).ToList(), more: found.Count > SubscriberOverview.MaxResults);
    }

    private static async Task<IResult> CheckAsync(HttpContext context, IAntiforgery antiforgery, SubscriberServices services, CancellationToken ct)
    {
        // The form is read before the token is checked, so an oversized upload gets its own answer, not "form expired".
        IFormFile? file;
        try
        {
            file = (await context.Request.ReadFormAsync(ct)).Files["bestand"];
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException)
        {
            services.Logger.ConsoleUploadRefused(ex.GetType().Name);
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status413PayloadTooLarge, ct, error: BotTexts.ConsoleUploadTooLarge);
        }

        if (await ConsoleFormCheck.RejectAsync(context, antiforgery) is { } rejected)
        {
            return rejected;
        }

        if (file is null || file.Length == 0)
        {
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status400BadRequest, ct, error: BotTexts.ConsoleUploadMissing);
        }

        if (file.Length > ImportUploads.MaxBytes)
        {
            services.Logger.ConsoleUploadRefused("too large");
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status413PayloadTooLarge, ct, error: BotTexts.ConsoleUploadTooLarge);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var fileName = ImportUploads.SafeFileName(file.FileName);
        if (ReadText(bytes, out var text) is { } problem)
        {
            services.Logger.ConsoleUploadRefused(problem.Reason);
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status400BadRequest, ct, error: problem.Message);
        }

        var report = await services.Importer.ImportAsync(new StringReader(text), fileName, new ThemeResolver(services.Models.Current.Themes), dryRun: true, ct);
        services.Logger.ConsoleImport(true, report.Rows, report.Imported, report.Existing, report.Duplicates, report.Invalid, report.Mapped);
        var upload = report.Imported > 0 ? await services.Uploads.StoreAsync(bytes, ct) : null;
        return await RenderAsync(context, antiforgery, services, StatusCodes.Status200OK, ct, import: View(report, fileName, upload));
    }

    private static async Task<IResult> ImportAsync(HttpContext context, IAntiforgery antiforgery, SubscriberServices services, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var id = form["upload"].ToString();
        var fileName = ImportUploads.SafeFileName(form["bestandsnaam"].ToString());
        if (await services.Uploads.GetAsync(id, ct) is not { } bytes || ReadText(bytes, out var text) is not null)
        {
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status409Conflict, ct, error: BotTexts.ConsoleUploadExpired);
        }

        var report = await services.Importer.ImportAsync(new StringReader(text), fileName, new ThemeResolver(services.Models.Current.Themes), dryRun: false, ct);
        services.Logger.ConsoleImport(false, report.Rows, report.Imported, report.Existing, report.Duplicates, report.Invalid, report.Mapped);
        await services.Uploads.RemoveAsync(id, ct);
        return await RenderAsync(context, antiforgery, services, StatusCodes.Status200OK, ct, import: View(report, fileName, null));
    }

    private static async Task<IResult> ExportAsync(HttpContext context, SubscriberServices services, CancellationToken ct)
    {
        var all = await services.Overview.AllAsync(ct);
        // A byte order mark, so Excel reads the names as UTF-8; every cell through the formula-safe SubscriberCsv.
        var csv = new StringBuilder("\uFEFF").Append(SubscriberCsv.Header).Append("\r\n");
        foreach (var subscriber in all.OrderBy(s => s.Email, StringComparer.OrdinalIgnoreCase))
        {
            csv.Append(SubscriberCsv.Row(subscriber)).Append("\r\n");
        }

        services.Logger.ConsoleExport(all.Count);
        context.Response.Headers.CacheControl = "no-store";
        var day = IssueSchedule.Today(services.Time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"abonnees-{day}.csv");
    }

    private static async Task<IResult> ForgetAsync(HttpContext context, IAntiforgery antiforgery, SubscriberServices services, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var address = form["adres"].ToString().Trim();
        if (!SubscriptionService.IsValidAddress(address))
        {
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status400BadRequest, ct, error: BotTexts.ConsoleAddressInvalid);
        }

        if (form["zeker"] != "ja")
        {
            return await RenderAsync(context, antiforgery, services, StatusCodes.Status400BadRequest, ct, query: address,
                results: (await services.Overview.SearchAsync(address, ct)).Select(s => SubscriberOverview.Row(s, services.Models.Current.Themes)).ToList(), error: BotTexts.ConsoleForgetConfirm);
        }

        var deleted = await services.Subscribers.ForgetAsync(address, ct);
        services.Logger.ConsoleForgot(deleted);
        return Results.Redirect("/beheer/abonnees?melding=" + (deleted == 0 ? "onbekend" : "vergeten"));
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        SubscriberServices services,
        int status,
        CancellationToken ct,
        string? query = null,
        IReadOnlyList<SubscriberRow>? results = null,
        bool more = false,
        SubscribersPage.ImportView? import = null,
        string? message = null,
        string? error = null)
    {
        var counts = SubscriberOverview.Count(await services.Overview.AllAsync(ct), services.Models.Current.Themes);
        context.Response.Headers.CacheControl = "no-store";
        return ConsoleEndpoints.Page<SubscribersPage>(new()
        {
            ["UserName"] = StaffPrincipal.Name(context.User),
            ["Token"] = ConsoleEndpoints.Token(context, antiforgery),
            ["Model"] = new SubscribersPage.ViewModel(counts, query, results, more, import, message, error),
        }, status);
    }

    private static SubscribersPage.ImportView View(ImportReport report, string fileName, string? upload) => new(
        report.DryRun,
        fileName,
        string.Format(CultureInfo.InvariantCulture, report.DryRun ? BotTexts.ConsoleImportDryRun : BotTexts.ConsoleImportDone, report.Rows, report.Imported, report.Existing, report.Duplicates, report.Invalid, report.Mapped),
        report.Issues.Select(i => new SubscribersPage.ImportLine(i.Line, Kinds[i.Kind].Code, Kinds[i.Kind].Label, i.Message)).ToList(),
        report.Issues.Count >= SubscriberImporter.MaxIssues,
        upload);

    private static readonly Dictionary<ImportIssueKind, (string Code, string Label)> Kinds = new()
    {
        [ImportIssueKind.Invalid] = ("ongeldig", BotTexts.ConsoleImportInvalid),
        [ImportIssueKind.Duplicate] = ("dubbel", BotTexts.ConsoleImportDuplicate),
        [ImportIssueKind.Mapped] = ("omgezet", BotTexts.ConsoleImportMapped),
    };

    /// <summary>The upload as text, or why it cannot be a subscriber CSV (a spreadsheet, another encoding, semicolon columns).</summary>
    private static (string Reason, string Message)? ReadText(byte[] bytes, out string text)
    {
        text = "";
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 4096));
        if (head.StartsWith("PK\u0003\u0004"u8) || head.IndexOf((byte)0) >= 0)
        {
            return ("binary file", BotTexts.ConsoleUploadNotText);
        }

        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ("not UTF-8", BotTexts.ConsoleUploadNotUtf8);
        }

        text = text.TrimStart('\uFEFF');
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end >= 0 ? text[..end] : text;
        return header.Contains(';') && !header.Contains(',') ? ("semicolon columns", BotTexts.ConsoleUploadSemicolons) : null;
    }
}

/// <summary>What the subscriber handlers share, resolved per request.</summary>
internal sealed class SubscriberServices(
    SubscriberStore subscribers,
    SubscriberImporter importer,
    SubscriberOverview overview,
    ImportUploads uploads,
    INewsletterModelSource models,
    TimeProvider time,
    ILogger<SubscriberServices> logger)
{
    public SubscriberStore Subscribers => subscribers;
    public SubscriberImporter Importer => importer;
    public SubscriberOverview Overview => overview;
    public ImportUploads Uploads => uploads;
    public INewsletterModelSource Models => models;
    public TimeProvider Time => time;
    public ILogger Logger => logger;
}
