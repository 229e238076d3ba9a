using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>Organisation facts (chair, vice-chair, head, municipalities, reach, partners) as each report states them.</summary>
internal static class OrganisationExtractor
{
    public static List<OrganisationFact> Extract(ReportContext report) => [];
}
