using VarBot.Knowledge.Model;

namespace VarBot.Knowledge.Validation;

/// <summary>Checks a built model and reports in Dutch, with file and line.</summary>
public static class ModelValidator
{
    public static IReadOnlyList<ValidationIssue> Validate(KnowledgeModel model) => [];
}
