using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using VarBot.TestSupport;

namespace VarBot.Deployment.Tests;

/// <summary>
/// docs/configuration.md lists every setting the code reads: each property of an options class (found by reflection:
/// a type with a <c>const string SectionName</c>, nested option objects included), each direct
/// <c>configuration["..."]</c> read and each environment variable the CLI reads. infra/main.bicep sets only such settings.
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    private static readonly string TablePath = Path.Combine(RepoPaths.Root, "docs", "configuration.md");

    /// <summary>Framework constants used as configuration keys in the code, by the name the code uses.</summary>
    private static readonly Dictionary<string, string> FrameworkKeys = new(StringComparer.Ordinal)
    {
        ["WebHostDefaults.ServerUrlsKey"] = "urls",
    };

    /// <summary>Settings infra/main.bicep may set that App Service or the .NET host reads, not VarBot's code.</summary>
    private static readonly HashSet<string> PlatformSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "WEBSITES_PORT",
    };

    [Fact]
    public void ConfigurationTable_ListsEverySettingTheCodeReads()
    {
        var documented = DocumentedNames();
        var missing = SettingsReadByCode()
            .Where(s => !documented.Contains(s.Key) && !documented.Contains(s.EnvironmentVariable))
            .ToList();
        var undocumentedSections = SectionsReadByCode().Where(section => !documented.Any(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(missing.Count == 0, MissingMessage(missing));
        Assert.True(undocumentedSections.Count == 0,
            "docs/configuration.md has no row for the section(s) the code hands to a library or reads key by key: "
            + string.Join(", ", undocumentedSections.Select(s => $"`{s}` (add a row per key it reads, e.g. `{s}:ClientId` / `{s}__ClientId`)")));
    }

    [Fact]
    public void ConfigurationTable_NamesNoSettingTheCodeDoesNotRead()
    {
        var read = SettingsReadByCode().SelectMany(s => new[] { s.Key, s.EnvironmentVariable }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sections = SectionsReadByCode();
        var stale = DocumentedKeysInFirstColumn().Where(k => !read.Contains(k) && !PlatformSettings.Contains(k) && !sections.Any(s => k.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(stale.Count == 0, $"docs/configuration.md lists settings no code reads (renamed or removed?): {string.Join(", ", stale)}. Remove or rename those rows.");
    }

    [Fact]
    public void InfraAppSettings_AreSettingsTheCodeReads()
    {
        var bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.bicep"));
        var block = AppSettingsBlock().Match(bicep);
        Assert.True(block.Success, "infra/main.bicep: 'var appSettings = union({ ... }' not found");
        var keys = AppSettingKey().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(keys);
        var read = SettingsReadByCode().SelectMany(s => new[] { s.Key, s.EnvironmentVariable }).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var sections = SectionsReadByCode();
        var unknown = keys.Where(k => !read.Contains(k) && !read.Contains(k.Replace("__", ":", StringComparison.Ordinal)) && !PlatformSettings.Contains(k)
            && !sections.Any(s => k.StartsWith(s + "__", StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(unknown.Count == 0, $"infra/main.bicep sets app settings no code reads (a typo?): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void SettingsReadByCode_FindsOptionsNestedOptionsAndDirectReads()
    {
        var keys = SettingsReadByCode().Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The finder itself must see each kind of read, or the table test could pass on an empty list.
        Assert.Contains("Storage:Container", keys);
        Assert.Contains("Newsletter:Smtp:Password", keys);
        Assert.Contains("Bot:MicrosoftAppPassword", keys);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", keys);
        Assert.Contains(SettingsReadByCode(), s => s.EnvironmentVariable == "VARBOT_STORAGE__SERVICEURI");
        Assert.Contains("Logging", SectionsReadByCode());
    }

    /// <summary>
    /// Sections the code reads with GetSection("...") that no options class names: handed to a library (AzureAd to
    /// Microsoft.Identity.Web, Logging) or read key by key. The table must have at least one row under each.
    /// </summary>
    internal static IReadOnlyList<string> SectionsReadByCode()
    {
        var optionSections = VarBotTypes()
            .Select(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true })
            .Select(f => (string)f!.GetRawConstantValue()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. SourceFiles().SelectMany(f => SectionRead().Matches(f.Text).Select(m => m.Groups[1].Value))
            .Where(s => !optionSections.Contains(s)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    internal sealed record Setting(string Key, string EnvironmentVariable, string? Default, string ReadBy);

    internal static IReadOnlyList<Setting> SettingsReadByCode()
    {
        var settings = new Dictionary<string, Setting>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in VarBotTypes())
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetRawConstantValue() is string section)
            {
                AddOptions(settings, section, type, $"{type.Name} ({type.Assembly.GetName().Name})");
            }
        }

        var constants = SourceConstants();
        foreach (var (file, text) in SourceFiles())
        {
            var reader = Path.GetFileName(file);
            foreach (Match read in ConfigurationRead().Matches(text))
            {
                var key = read.Groups["literal"].Success ? read.Groups["literal"].Value : Resolve(read.Groups["name"].Value, constants);
                if (key is not null)
                {
                    settings.TryAdd(key, new Setting(key, key.Replace(":", "__", StringComparison.Ordinal), null, reader));
                }
            }

            foreach (Match read in EnvironmentRead().Matches(text))
            {
                var name = read.Groups["literal"].Success ? read.Groups["literal"].Value : Resolve(read.Groups["name"].Value, constants);
                if (name is not null && !settings.Values.Any(s => string.Equals(s.EnvironmentVariable, name, StringComparison.OrdinalIgnoreCase)))
                {
                    settings.TryAdd("env:" + name, new Setting("env:" + name, name, null, reader + " (environment variable)"));
                }
            }
        }

        return [.. settings.Values.OrderBy(s => s.Key, StringComparer.Ordinal)];
    }

    private static void AddOptions(Dictionary<string, Setting> settings, string prefix, Type type, string readBy)
    {
        object? defaults = null;
        try
        {
            defaults = Activator.CreateInstance(type);
        }
        catch (Exception exception) when (exception is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            // No parameterless constructor: the table states the default by hand.
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            var key = prefix + ":" + property.Name;
            if (IsLeaf(property.PropertyType))
            {
                settings.TryAdd(key, new Setting(key, key.Replace(":", "__", StringComparison.Ordinal), Format(defaults is null ? null : property.GetValue(defaults)), readBy));
            }
            else
            {
                AddOptions(settings, key, property.PropertyType, readBy);
            }
        }
    }

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Uri) || t == typeof(TimeSpan) || t == typeof(decimal)
            || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(Guid)
            || (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t));
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        IEnumerable items => string.Join(", ", items.Cast<object>()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Resolve(string name, IReadOnlyDictionary<string, string> constants) =>
        FrameworkKeys.TryGetValue(name, out var framework) ? framework
        : constants.TryGetValue(name.Split('.')[^1], out var value) ? value
        : null;

    private static IEnumerable<Type> VarBotTypes()
    {
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if ((!name.StartsWith("VarBot.", StringComparison.Ordinal) && name != "varbot") || name.EndsWith(".Tests", StringComparison.Ordinal) || name == "VarBot.TestSupport")
            {
                continue;
            }

            var assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name) ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                types = exception.Types;
            }

            foreach (var type in types.OfType<Type>().Where(t => t.IsClass && !t.IsAbstract))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<(string File, string Text)> SourceFiles() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)));

    private static Dictionary<string, string> SourceConstants()
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, text) in SourceFiles())
        {
            foreach (Match constant in StringConstant().Matches(text))
            {
                constants.TryAdd(constant.Groups[1].Value, constant.Groups[2].Value);
            }
        }

        return constants;
    }

    /// <summary>Every backticked name in the first two columns (configuration key, environment variable) of the table.</summary>
    private static HashSet<string> DocumentedNames() =>
        TableRows().SelectMany(cells => cells.Take(2)).SelectMany(Backticked).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> DocumentedKeysInFirstColumn() =>
        TableRows().SelectMany(cells => Backticked(cells[0])).Where(k => k.Contains(':', StringComparison.Ordinal) || k.All(c => char.IsUpper(c) || c == '_' || char.IsDigit(c)));

    private static IEnumerable<string[]> TableRows() =>
        File.ReadAllLines(TablePath)
            .Where(line => line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal) && !line.StartsWith("| Configuration key", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split('|'))
            .Where(cells => cells.Length >= 2);

    private static IEnumerable<string> Backticked(string cell) => Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value.Trim());

    private static string MissingMessage(IReadOnlyList<Setting> missing)
    {
        var message = new StringBuilder($"docs/configuration.md lacks {missing.Count} setting(s) the code reads. Add these rows to the table (fill in what is unknown):\n");
        foreach (var setting in missing)
        {
            var key = setting.Key.StartsWith("env:", StringComparison.Ordinal) ? "—" : $"`{setting.Key}`";
            var secret = Regex.IsMatch(setting.Key, "Password|Secret|SigningKey|ConnectionString|Key$", RegexOptions.IgnoreCase) ? "yes" : "no";
            message.Append(CultureInfo.InvariantCulture, $"| {key} | `{setting.EnvironmentVariable}` | {(setting.Default is { Length: > 0 } d ? $"`{d}`" : "(empty)")} | {secret} | {setting.ReadBy} |\n");
        }

        return message.ToString();
    }

    [GeneratedRegex("""[Cc]onfiguration\s*\[\s*(?:"(?<literal>[^"]+)"|(?<name>[A-Za-z_][\w.]*))\s*\]""")]
    private static partial Regex ConfigurationRead();

    [GeneratedRegex("""(?:GetEnvironmentVariable|\bEnv)\(\s*(?:"(?<literal>[^"]+)"|(?<name>[A-Za-z_][\w.]*))\s*\)""")]
    private static partial Regex EnvironmentRead();

    [GeneratedRegex("""GetSection\(\s*"([^"]+)"\s*\)""")]
    private static partial Regex SectionRead();

    [GeneratedRegex("""const\s+string\s+(\w+)\s*=\s*"([^"]*)"\s*;""")]
    private static partial Regex StringConstant();

    [GeneratedRegex(@"var appSettings = union\(\s*\{(.*?)\n  \},", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"^\s+(\w+):", RegexOptions.Multiline)]
    private static partial Regex AppSettingKey();
}
