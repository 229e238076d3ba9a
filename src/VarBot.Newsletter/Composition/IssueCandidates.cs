namespace VarBot.Newsletter.Composition;

/// <summary>An item staff can put in a section, with a label to show and whether the rules choose it by default.</summary>
public sealed record Candidate(string Id, string Label, bool Default);

/// <summary>What month M's issue can hold, per section, and what the rules choose (see <see cref="IssueComposer"/>).</summary>
/// <param name="HeldWithoutRecap">Events held in the window that Terugblik leaves out for want of recap text.</param>
public sealed record IssueCandidates(
    IssueMonth Month,
    DateOnly SendDate,
    DateOnly PreviousSendDate,
    IReadOnlyList<Candidate> Agenda,
    IReadOnlyList<Candidate> Terugblik,
    IReadOnlyList<Candidate> News,
    IReadOnlyList<Candidate> Figures,
    IReadOnlyList<string> HeldWithoutRecap);
