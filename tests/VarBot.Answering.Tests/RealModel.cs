using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.TestSupport;

namespace VarBot.Answering.Tests;

/// <summary>The model imported from the repository's seeds, built once for all tests.</summary>
internal static class RealModel
{
    private static readonly Lazy<KnowledgeModel> Lazy = new(Load);

    public static KnowledgeModel Model => Lazy.Value;

    public static AnswerEngine Engine => LazyEngine.Value;

    private static readonly Lazy<AnswerEngine> LazyEngine = new(() => AnswerEngine.Build(Model));

    private static KnowledgeModel Load() => KnowledgeImporter.Import(RepoPaths.Seeds).Model;

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);
}
