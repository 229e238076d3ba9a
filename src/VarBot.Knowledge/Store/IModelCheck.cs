using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Store;

/// <summary>
/// A consumer's proof that a newly loaded model works for it (the answering engine builds from it, the newsletter
/// composes from it). Every registered check runs before a model becomes current; when one throws, the last good model
/// stays current and the failure is logged and shown in the source's health.
/// </summary>
public interface IModelCheck
{
    /// <summary>What is checked, for the log ("answering engine").</summary>
    string Name { get; }

    /// <summary>Throws when <paramref name="model"/> cannot be served.</summary>
    void Check(KnowledgeModel model);
}
