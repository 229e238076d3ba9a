using Microsoft.AspNetCore.Antiforgery;
using VarBot.Bot.Texts;

namespace VarBot.Bot.StaffConsole;

/// <summary>
/// The antiforgery check of the console's form posts, in one place: a post without a valid token gets the Dutch "form
/// expired" page (400) and its handler never runs. Added to each form post where it is mapped; the upload check calls
/// <see cref="RejectAsync"/> itself, after reading the form, so an oversized upload gets its own answer.
/// </summary>
internal sealed class ConsoleFormCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await RejectAsync(context.HttpContext, antiforgery) ?? await next(context);

    /// <summary>Null when the request carries a valid token, else the page that says the form expired.</summary>
    public static async Task<IResult?> RejectAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Content(BotTexts.ConsoleFormExpired, "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status400BadRequest);
        }
    }
}
