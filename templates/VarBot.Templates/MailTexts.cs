namespace VarBot.Templates;

/// <summary>
/// The Dutch wording both parts of a mail share (the Razor HTML part and the plain-text part), in u-form. Wording that
/// only the HTML part has lives in the .razor files.
/// </summary>
public static class MailTexts
{
    public const string Organisation = "VeiligheidsAlliantie regio Rotterdam";
    public const string Title = "Nieuwsbrief {0}";
    public const string GreetingAnonymous = "Beste lezer,";
    public const string GreetingNamed = "Beste {0},";
    public const string ProofBanner = "Proefzending: deze e-mail is een test en is niet naar abonnees verstuurd.";
    public const string ViewInBrowser = "Bekijk in uw browser";
    public const string Agenda = "Agenda";
    public const string Terugblik = "Terugblik";
    public const string News = "Nieuws";
    public const string PlansHeading = "De plannen voor {0}";
    public const string PlansIntro = "Wat de VAR in {0} per thema van plan is, uit het jaarplan:";
    public const string SpotlightHeading = "Thema in de kijker: {0}";
    public const string SpotlightIntro = "Uit het jaarplan {0}:";
    public const string Figures = "Cijfers";
    public const string ThemePrefix = "Thema: ";
    public const string Register = "Meer informatie en aanmelden";
    public const string AddToCalendar = "Zet in mijn agenda";
    public const string ReadMore = "Lees meer";
    public const string OtherThemes = "Ook in deze nieuwsbrief, bij andere thema's:";
    public const string AllThemes = "alle thema's";
    public const string WhyYouGetThis = "U ontvangt deze nieuwsbrief omdat u zich hebt aangemeld voor de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam. Uw thema's: {0}.";
    public const string WhyWebVersion = "Dit is de webversie van de nieuwsbrief van de VeiligheidsAlliantie regio Rotterdam.";
    public const string ChangeThemes = "Thema's wijzigen";
    public const string Unsubscribe = "Afmelden";
    public const string SubscribeFromWeb = "Aanmelden voor de nieuwsbrief";
    public const string Contact = "Contact";
    public const string Privacy = "Privacyverklaring";
    public const string Website = "Website";
}
