using VarBot.Knowledge.Model;

namespace VarBot.Newsletter.Hosting;

/// <summary>Where the newsletter reads the current knowledge model. The bot host can register its model store instead.</summary>
public interface INewsletterModelSource
{
    KnowledgeModel Current { get; }
}

/// <summary>Reads a model JSON file once (Newsletter:ModelPath).</summary>
internal sealed class FileModelSource(string path) : INewsletterModelSource
{
    private readonly Lazy<KnowledgeModel> _model = new(() => ModelJson.Deserialize(File.ReadAllBytes(path)));

    public KnowledgeModel Current => _model.Value;
}

/// <summary>A model held in memory, e.g. one the host already loaded.</summary>
public sealed class FixedModelSource(KnowledgeModel model) : INewsletterModelSource
{
    public KnowledgeModel Current { get; } = model;
}
