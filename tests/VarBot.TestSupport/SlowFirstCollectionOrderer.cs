using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace VarBot.TestSupport;

/// <summary>
/// Starts the test collections with long tests ([Trait("Category", "Slow")]) first, most such tests first, and the
/// others after them in xunit's own stable order. With two tests running at a time the long ones then overlap each
/// other and the short ones fill the gaps, instead of a long test starting last and running alone. Collections that
/// disable parallelization still run after all the others (xunit does that whatever the order). Used with
/// [assembly: TestCollectionOrderer(SlowFirstCollectionOrderer.TypeName, SlowFirstCollectionOrderer.AssemblyName)].
/// </summary>
public sealed class SlowFirstCollectionOrderer : ITestCollectionOrderer
{
    public const string TypeName = "VarBot.TestSupport.SlowFirstCollectionOrderer";

    public const string AssemblyName = "VarBot.TestSupport";

    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _default.OrderTestCollections(testCollections)
            .Select((collection, index) => (collection, index, slow: SlowTests(collection)))
            .OrderByDescending(c => c.slow)
            .ThenBy(c => c.index)
            .Select(c => c.collection)
            .ToList();

    /// <summary>The number of tests tagged Slow in the collection's classes (a collection per class, or a defined one).</summary>
    private static int SlowTests(ITestCollection collection)
    {
        var assembly = (collection.TestAssembly.Assembly as IReflectionAssemblyInfo)?.Assembly;
        if (assembly is null)
        {
            return 0;
        }

        const string perClass = "Test collection for ";
        IEnumerable<Type> classes;
        if (collection.CollectionDefinition is IReflectionTypeInfo definition)
        {
            var name = definition.Type.GetCustomAttributesData()
                .FirstOrDefault(a => a.AttributeType == typeof(CollectionDefinitionAttribute))?.ConstructorArguments.FirstOrDefault().Value as string;
            classes = SafeTypes(assembly).Where(t => t.GetCustomAttributesData().Any(a =>
                a.AttributeType == typeof(CollectionAttribute) && a.ConstructorArguments.FirstOrDefault().Value as string == name));
        }
        else if (collection.DisplayName.StartsWith(perClass, StringComparison.Ordinal)
            && assembly.GetType(collection.DisplayName[perClass.Length..].Split(' ')[0]) is { } type)
        {
            classes = [type];
        }
        else
        {
            return 0;
        }

        return classes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Count(m => m.GetCustomAttributesData().Any(a =>
                a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments.Count == 2
                && a.ConstructorArguments[0].Value as string == "Category"
                && a.ConstructorArguments[1].Value as string == "Slow"));
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
