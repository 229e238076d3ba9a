using System.Net;
using System.Text;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Hosting;

/// <summary>The small Dutch pages of the subscribe, confirm and unsubscribe flow. Every value is HTML-encoded.</summary>
internal static class NewsletterPages
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Page(string title, string body) =>
        new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" – VeiligheidsAlliantie regio Rotterdam</title>")
            .Append("<style>body{font-family:Arial,Helvetica,sans-serif;max-width:560px;margin:24px auto;padding:0 16px;color:#1f2933}")
            .Append("h1{color:#00457c;font-size:24px}label{display:block;margin:12px 0 4px}input[type=email],input[type=text]{width:100%;padding:8px;box-sizing:border-box}")
            .Append("button{margin-top:16px;padding:10px 16px;background:#00457c;color:#fff;border:0;border-radius:4px;font-size:16px}fieldset{margin-top:12px}</style></head><body>")
            .Append("<h1>").Append(E(title)).Append("</h1>").Append(body).Append("</body></html>")
            .ToString();

    public static string SubscribeForm(IReadOnlyList<ThemeChoice> themes, string? error = null) =>
        Page("Aanmelden voor de nieuwsbrief",
            (error is null ? "" : $"<p role=\"alert\" style=\"color:#b00020\">{E(error)}</p>")
            + "<p>Ontvang elke maand de agenda, het nieuws en de plannen van de VeiligheidsAlliantie regio Rotterdam. Kies uw thema's; die staan bovenaan en volledig in uw nieuwsbrief. Kiest u niets, dan ontvangt u alles volledig.</p>"
            + "<form method=\"post\" action=\"/nieuwsbrief\"><label for=\"email\">E-mailadres</label><input id=\"email\" name=\"email\" type=\"email\" required autocomplete=\"email\">"
            + "<label for=\"naam\">Naam (optioneel)</label><input id=\"naam\" name=\"naam\" type=\"text\" autocomplete=\"name\">"
            + ThemeBoxes(themes, [])
            + "<button type=\"submit\">Aanmelden</button></form>"
            + "<p style=\"font-size:13px;color:#52606d\">U ontvangt eerst een e-mail met een bevestigingslink. Pas na bevestiging bent u aangemeld.</p>");

    public static string CheckYourMail() =>
        Page("Bijna klaar", "<p>Wij hebben u een e-mail gestuurd met een bevestigingslink. Klik op de link om uw aanmelding af te ronden.</p>");

    public static string Confirmed() =>
        Page("Aanmelding bevestigd", "<p>Dank u wel. U ontvangt voortaan de maandelijkse nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam.</p>");

    public static string InvalidLink() =>
        Page("Deze link werkt niet", "<p>Deze link is ongeldig of verlopen. Er is niets gewijzigd.</p><p><a href=\"/nieuwsbrief\">Meld u opnieuw aan</a> of gebruik de afmeldlink in een recente nieuwsbrief.</p>");

    public static string NotFound() =>
        Page("Niet gevonden", "<p>Wij kennen deze aanmelding niet (meer). Misschien bent u al afgemeld. Er is niets gewijzigd.</p>");

    public static string Manage(string token, IReadOnlyList<ThemeChoice> themes, IReadOnlyList<string> chosen)
    {
        var t = E(Uri.EscapeDataString(token));
        return Page("Nieuwsbrief afmelden of thema's wijzigen",
            $"<form method=\"post\" action=\"/nieuwsbrief/afmelden?token={t}\"><p>Wilt u de nieuwsbrief niet meer ontvangen?</p><button type=\"submit\">Ja, meld mij af</button></form>"
            + $"<hr style=\"margin:24px 0\"><form method=\"post\" action=\"/nieuwsbrief/themas?token={t}\"><p>Of kies de thema's die u volledig wilt lezen:</p>"
            + ThemeBoxes(themes, chosen) + "<button type=\"submit\">Thema's opslaan</button></form>");
    }

    public static string Unsubscribed() =>
        Page("U bent afgemeld", "<p>U ontvangt de nieuwsbrief niet meer. Uw gegevens zijn verwijderd. <a href=\"/nieuwsbrief\">Opnieuw aanmelden</a></p>");

    public static string ThemesSaved(IReadOnlyList<string> names) =>
        Page("Thema's opgeslagen", names.Count == 0
            ? "<p>U ontvangt voortaan alle thema's volledig.</p>"
            : "<p>U leest voortaan deze thema's volledig: " + E(string.Join(", ", names)) + ".</p>");

    private static string ThemeBoxes(IReadOnlyList<ThemeChoice> themes, IReadOnlyList<string> chosen)
    {
        var html = new StringBuilder("<fieldset><legend>Thema's</legend>");
        foreach (var theme in themes)
        {
            html.Append("<label><input type=\"checkbox\" name=\"thema\" value=\"").Append(E(theme.Id)).Append('"')
                .Append(chosen.Contains(theme.Id) ? " checked" : "").Append("> ").Append(E(theme.Name)).Append("</label>");
        }

        return html.Append("</fieldset>").ToString();
    }
}
