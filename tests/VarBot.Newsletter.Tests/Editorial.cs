using VarBot.Newsletter.Composition;

namespace VarBot.Newsletter.Tests;

/// <summary>The editorial settings the tests compose with: the defaults plus a complete footer.</summary>
internal static class Editorial
{
    public static readonly NewsletterLinks Links = new("https://bot.var.test");

    public static EditorialOptions Options(bool fourEyes = false) => new()
    {
        PostalAddress = "Postbus 1234, 3000 AA Rotterdam",
        ContactAddress = "nieuwsbrief@var.test",
        PrivacyUrl = "https://www.veiligheidsalliantie.nl/privacy",
        RequireSecondApprover = fourEyes,
    };

    public static IssueComposer Composer() => new(Links, Options());

    public static Dictionary<string, string?> Settings(bool fourEyes = false) => new()
    {
        ["Newsletter:Editorial:PostalAddress"] = "Postbus 1234, 3000 AA Rotterdam",
        ["Newsletter:Editorial:ContactAddress"] = "nieuwsbrief@var.test",
        ["Newsletter:Editorial:PrivacyUrl"] = "https://www.veiligheidsalliantie.nl/privacy",
        ["Newsletter:Editorial:RequireSecondApprover"] = fourEyes ? "true" : "false",
    };
}
