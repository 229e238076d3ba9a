namespace VarBot.Newsletter.Issues;

/// <summary>
/// What staff edit of an issue, stored as newsletters/{yyyy-MM}/draft.json under an ETag: the texts, which items go in
/// and in what order per section, whether the year's plans are in, and the spotlight theme. The composed issue is the
/// default draft until someone saves one.
/// </summary>
/// <param name="Agenda">Event ids, in order.</param>
/// <param name="Terugblik">Event ids, in order.</param>
/// <param name="News">News item ids, in order.</param>
/// <param name="Figures">Monitoring publication ids, in order.</param>
/// <param name="Plans">Whether the jaarplan per theme is in (January and months without events by default).</param>
/// <param name="SpotlightThemeId">"Thema in de kijker", or null for none.</param>
public sealed record IssueDraft(
    string Month,
    string Subject,
    string Preheader,
    string Intro,
    IReadOnlyList<string> Agenda,
    IReadOnlyList<string> Terugblik,
    IReadOnlyList<string> News,
    IReadOnlyList<string> Figures,
    bool Plans,
    string? SpotlightThemeId,
    string? EditedBy = null,
    DateTimeOffset? EditedAt = null);

/// <summary>A draft as read from storage: null ETag means nobody saved one yet (the composed default).</summary>
public sealed record DraftVersion(IssueDraft Draft, string? ETag);

/// <summary>Something staff should know before approving, in Dutch. <paramref name="ItemId"/> names the item concerned.</summary>
public sealed record IssueWarning(string Code, string Message, string? ItemId = null)
{
    public const string MonthPassed = "maand-voorbij";
    public const string SendDatePassed = "verzenddatum-voorbij";
    public const string PastEvent = "agenda-verleden";
    public const string HeldWithoutRecap = "terugblik-zonder-tekst";
    public const string NoPlan = "geen-jaarplan";
    public const string Empty = "nieuwsbrief-leeg";
    public const string AlreadySent = "al-verzonden";
    public const string UnknownItem = "item-onbekend";
    public const string SenderIncomplete = "afzender-onvolledig";
    public const string SubjectEmpty = "onderwerp-leeg";
    public const string Model = "kennismodel";
}

public enum IssueState
{
    /// <summary>"concept": not approved, or changed after approval.</summary>
    Draft,
    /// <summary>"goedgekeurd": the approval matches the stored issue.</summary>
    Approved,
    /// <summary>"verzonden": sending started; the public web version is frozen.</summary>
    Sent,
}

public enum RefusalReason
{
    NoIssue,
    MonthPassed,
    SameEditor,
    AlreadySent,
    NotApproved,
}

/// <summary>Editing, approving or sending was refused; the message is Dutch and says what to do.</summary>
public sealed class IssueRefusedException(string message, RefusalReason reason) : Exception(message)
{
    public RefusalReason Reason { get; } = reason;
}

/// <summary>Another editor saved the draft since it was read (ETag mismatch).</summary>
public sealed class DraftConflictException(string message) : Exception(message);
