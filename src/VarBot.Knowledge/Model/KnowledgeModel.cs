namespace VarBot.Knowledge.Model;

/// <summary>
/// The one knowledge model that feeds both the bot and the newsletter. Built by the importer from the
/// annual reports, news items and reviewed corrections; stored as JSON in blob storage.
/// Every fact carries the <see cref="SourceRef"/> it was read from, so answers can cite it.
/// </summary>
public sealed record KnowledgeModel
{
    /// <summary>Bump when the JSON shape changes incompatibly; readers refuse other versions.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Content version: a short hash of the model's content, stable for the same input.</summary>
    public string Version { get; init; } = "";

    public IReadOnlyList<Report> Reports { get; init; } = [];
    public IReadOnlyList<OrganisationFact> Organisation { get; init; } = [];
    public IReadOnlyList<Theme> Themes { get; init; } = [];
    public IReadOnlyList<Passage> Passages { get; init; } = [];
    public IReadOnlyList<Event> Events { get; init; } = [];
    public IReadOnlyList<Budget> Budgets { get; init; } = [];
    public IReadOnlyList<MonitoringPublication> Monitoring { get; init; } = [];
    public IReadOnlyList<NewsItem> News { get; init; } = [];

    /// <summary>Validation findings of the import that built this model (warnings only; errors stop a publish).</summary>
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];
}

/// <summary>Where a fact was read: a seed file (relative to the seeds folder) and a 1-based line.</summary>
public sealed record SourceRef(string File, int Line);

/// <summary>One combined jaarverslag/jaarplan, e.g. jaarverslag 2025 with jaarplan 2026.</summary>
public sealed record Report(string Id, int ReportYear, int PlanYear, string Title, string SourceFile);

public enum OrganisationFactKind
{
    Chair,
    ViceChair,
    Head,
    Municipalities,
    NewsletterSubscribers,
    LinkedInFollowers,
    KeyPartner,
}

/// <summary>A fact about the organisation as one report states it, e.g. the chair named in report 2025-2026.</summary>
/// <param name="Value">The value as stated: a name, or a number written in digits.</param>
/// <param name="Detail">Extra wording from the text, e.g. "Burgemeester Molenlanden".</param>
public sealed record OrganisationFact(
    string ReportId,
    int Year,
    OrganisationFactKind Kind,
    string Value,
    string? Detail,
    SourceRef Source);

/// <summary>A theme (portefeuille) of the VAR. Older themes point to the current theme that absorbed them, if any.</summary>
public sealed record Theme(
    string Id,
    string Name,
    bool IsCurrent,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> FormerNames,
    string? SucceededBy);

public enum PassageKind
{
    /// <summary>What was done in the report year (jaarverslag).</summary>
    Done,
    /// <summary>What is planned for the plan year (jaarplan).</summary>
    Planned,
    /// <summary>Neither: foreword, organisation description.</summary>
    General,
}

/// <summary>A paragraph or bullet item of a report, attributed to a section and, where it belongs to one, a theme.</summary>
/// <param name="Section">The report section, e.g. "Digitale veiligheid", "Kennisbijeenkomsten", "Voorwoord".</param>
/// <param name="Heading">The sub-heading above the passage within its section, if any.</param>
/// <param name="Year">The year the passage is about (report year for Done, plan year for Planned).</param>
public sealed record Passage(
    string Id,
    string ReportId,
    string? ThemeId,
    string Section,
    string? Heading,
    int Year,
    PassageKind Kind,
    bool IsBullet,
    string Text,
    SourceRef Source);

public enum EventType
{
    Leerhuis,
    Carrousel,
    Conferentie,
    Netwerkbijeenkomst,
    Webinar,
    Symposium,
    Summerschool,
    Congres,
    Training,
    Bijeenkomst,
}

public enum EventStatus
{
    Planned,
    Held,
    /// <summary>Announced but reported as cancelled (e.g. the 2020 Leerhuizen during corona).</summary>
    Cancelled,
}

/// <summary>A knowledge meeting. Either <see cref="Date"/> is known, or only <see cref="Year"/> and <see cref="Month"/>.</summary>
/// <param name="Title">A name as the text gives it, e.g. "Najaarscarrousel" or "Leerhuis Femicide".</param>
/// <param name="Topic">The meeting's subject or theme in words, e.g. "Kansen en bedreigingen AI".</param>
/// <param name="Sources">Every place the event is mentioned: a plan announcing it and a later report recapping it.</param>
public sealed record Event(
    string Id,
    EventType Type,
    string Title,
    string? Topic,
    string? ThemeId,
    DateOnly? Date,
    int Year,
    int? Month,
    string? Time,
    string? Place,
    EventStatus Status,
    IReadOnlyList<SourceRef> Sources);

public enum BudgetKind
{
    /// <summary>Realised figures.</summary>
    Jaarrekening,
    /// <summary>Budgeted figures.</summary>
    Begroting,
}

public enum BudgetSide
{
    Income,
    Expense,
}

public enum BudgetLineKind
{
    Line,
    Subtotal,
    Total,
    /// <summary>Money carried over from the previous year (income) or into the next year (expense).</summary>
    CarryOver,
}

/// <param name="Amount">Whole euros, or null when the text does not give a readable amount (see <see cref="AmountText"/>).</param>
/// <param name="AmountText">The amount as written when it is not a plain number, e.g. "PM*".</param>
/// <param name="Group">The group heading the line sits under, e.g. "Subsidies".</param>
/// <param name="Note">A footnote that applies to this line.</param>
public sealed record BudgetLine(
    string Label,
    BudgetSide Side,
    BudgetLineKind Kind,
    string? Group,
    long? Amount,
    string? AmountText,
    string? Note,
    SourceRef Source);

/// <summary>A jaarrekening or begroting table for one year.</summary>
/// <param name="Total">The report's own grand total (income side), never recomputed.</param>
public sealed record Budget(
    string Id,
    string ReportId,
    int Year,
    BudgetKind Kind,
    string Title,
    long? Total,
    IReadOnlyList<BudgetLine> Lines,
    IReadOnlyList<string> Footnotes,
    SourceRef Source);

public enum MonitoringKind
{
    GezamenlijkVeiligheidsbeeld,
    Veiligheidsmonitor,
    Mensenhandelmonitor,
}

public enum PublicationStatus
{
    Published,
    Planned,
}

/// <summary>A monitoring publication, e.g. "GVB over de eerste helft van 2025", published (or planned) in a year and season or month.</summary>
/// <param name="Covers">The period it reports on, in words from the text, e.g. "2024" or "eerste helft 2025".</param>
/// <param name="When">When it appears, in words from the text, e.g. "voorjaar", "mei", "medio 2026".</param>
public sealed record MonitoringPublication(
    string Id,
    MonitoringKind Kind,
    string Title,
    string? Covers,
    int Year,
    int? Month,
    string? When,
    PublicationStatus Status,
    string? Performer,
    SourceRef Source);

/// <summary>A news item written by communications staff (seeds/nieuws/*.md).</summary>
public sealed record NewsItem(
    string Id,
    string Title,
    DateOnly Date,
    IReadOnlyList<string> Themes,
    string Summary,
    string? Link,
    string? EventId,
    string BodyMarkdown,
    SourceRef Source);

public enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>A validation finding, worded in Dutch for the editors, with the place it concerns.</summary>
public sealed record ValidationIssue(IssueSeverity Severity, string Code, string Message, SourceRef? Source);
