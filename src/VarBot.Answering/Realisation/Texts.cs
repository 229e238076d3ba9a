using System.Globalization;
using VarBot.Answering.Vocabulary;

namespace VarBot.Answering.Realisation;

/// <summary>Every Dutch sentence the engine says, from Realisation/texts.yaml (u-form throughout). {0}, {1}, ... are filled in.</summary>
internal sealed class Texts(IReadOnlyDictionary<string, string> texts)
{
    private static readonly Lazy<Texts> Shared = new(() => new Texts(Resources.ReadYaml<Dictionary<string, string>>("texts.yaml")));

    public static Texts Load() => Shared.Value;

    public string this[string key] => texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"Text '{key}' is missing from texts.yaml.");

    public bool Has(string key) => texts.ContainsKey(key);

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    public IEnumerable<string> Keys => texts.Keys;
}
