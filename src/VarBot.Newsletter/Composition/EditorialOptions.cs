using System.ComponentModel.DataAnnotations;

namespace VarBot.Newsletter.Composition;

/// <summary>Configuration section "Newsletter:Editorial": the editorial rules and the sender details in every mail's footer.</summary>
public sealed class EditorialOptions
{
    public const string SectionName = "Newsletter:Editorial";

    /// <summary>
    /// The day of its month an issue goes out: the one send-date setting. The editorial rules compose from it (the agenda
    /// holds events after it; Terugblik and Nieuws what happened since the previous one) and the scheduler
    /// (Newsletter:ScheduleEnabled) sends the approved issue on it.
    /// </summary>
    [Range(1, 28)]
    public int SendDayOfMonth { get; set; } = 10;

    /// <summary>How many months after the send date the agenda looks ahead.</summary>
    [Range(1, 12)]
    public int AgendaMonths { get; set; } = 3;

    /// <summary>Four eyes: the approver must differ from the last editor of the draft.</summary>
    public bool RequireSecondApprover { get; set; }

    /// <summary>The sender's name in the footer.</summary>
    [Required]
    public string SenderName { get; set; } = "VeiligheidsAlliantie regio Rotterdam";

    /// <summary>The sender's postal address in the footer; empty gives a warning before approval.</summary>
    public string PostalAddress { get; set; } = "";

    /// <summary>A contact e-mail address in the footer; empty gives a warning before approval.</summary>
    public string ContactAddress { get; set; } = "";

    /// <summary>The privacy statement page; empty gives a warning before approval.</summary>
    [Url]
    public string? PrivacyUrl { get; set; }

    /// <summary>The VAR's website: where readers register for meetings unless a news item about the meeting links elsewhere.</summary>
    [Required, Url]
    public string WebsiteUrl { get; set; } = "https://www.veiligheidsalliantie.nl";
}
