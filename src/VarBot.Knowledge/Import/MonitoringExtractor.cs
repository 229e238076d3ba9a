using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Import;

/// <summary>Monitoring publications (GVB, Veiligheidsmonitor, Mensenhandelmonitor) named in the passages.</summary>
internal static class MonitoringExtractor
{
    public static List<MonitoringPublication> Extract(IReadOnlyList<Passage> passages, Report report) => [];
}
