using VarBot.Knowledge.Import;
using VarBot.TestSupport;

namespace VarBot.Knowledge.Tests.Import;

/// <summary>The import of the repository's seeds, run once for all importer tests.</summary>
internal static class ImportedReports
{
    private static readonly Lazy<ReportsImport> Lazy = new(() => ReportImporter.Import(RepoPaths.Seeds));

    public static ReportsImport Result => Lazy.Value;

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Data", name);
}
