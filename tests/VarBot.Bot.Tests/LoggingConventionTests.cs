using System.Reflection;
using Microsoft.Extensions.Logging;

namespace VarBot.Bot.Tests;

/// <summary>
/// Log event ids are stable and unique: each project owns a range (Protocol 1000-1999, Storage 2000-2999, Knowledge
/// 3000-3999, Answering 4000-4999, Bot 5000-5999, Newsletter 6000-6999, Cli 7000-7999) and keeps its [LoggerMessage]
/// methods in one log class.
/// </summary>
public sealed class LoggingConventionTests
{
    public static TheoryData<string, int> Assemblies => new()
    {
        { "VarBot.Protocol", 1000 },
        { "VarBot.Storage", 2000 },
        { "VarBot.Knowledge", 3000 },
        { "VarBot.Answering", 4000 },
        { "VarBot.Bot", 5000 },
        { "VarBot.Newsletter", 6000 },
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void LoggerMessages_InAssembly_HaveUniqueIdsInTheProjectsRangeAndOneLogClass(string assemblyName, int rangeStart)
    {
        var assembly = Assembly.Load(assemblyName);
        var messages = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        var outOfRange = messages.Where(x => x.Attribute!.EventId < rangeStart || x.Attribute.EventId >= rangeStart + 1000)
            .Select(x => $"{x.Method.DeclaringType!.Name}.{x.Method.Name}={x.Attribute!.EventId}");
        var duplicates = messages.GroupBy(x => x.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Method.DeclaringType!.Name + "." + x.Method.Name))}");
        var classes = messages.Select(x => x.Method.DeclaringType!.FullName).Distinct().ToList();

        Assert.Empty(outOfRange);
        Assert.Empty(duplicates);
        Assert.True(classes.Count <= 1, "more than one log class: " + string.Join(", ", classes));
    }
}
