namespace VarBot.Bot.StaffConsole;

/// <summary>
/// Configuration section "StaffConsole": who may use /beheer. With AzureAd:ClientId set, staff sign in with Microsoft
/// Entra ID (OpenID Connect, section "AzureAd") and must be in <see cref="StaffGroupId"/> when it is set. Without it, in
/// Development only, a local sign-in with a name is offered to loopback callers.
/// </summary>
public sealed class StaffConsoleOptions
{
    public const string SectionName = "StaffConsole";

    /// <summary>The object id of the Entra group whose members are staff (the token's "groups" claim); empty: any signed-in user of the tenant.</summary>
    public string? StaffGroupId { get; set; }
}
