using System.Security.Claims;

namespace VarBot.Bot.StaffConsole;

/// <summary>Who is signed in: a display name for drafts and approvals, and an address for test sends.</summary>
internal static class StaffPrincipal
{
    public static string Name(ClaimsPrincipal user) =>
        user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("preferred_username") ?? "onbekend";

    public static string? Email(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue("email") ?? user.FindFirstValue("preferred_username");
}
