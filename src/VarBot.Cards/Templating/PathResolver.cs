using System.Text.Json.Nodes;

namespace VarBot.Cards.Templating;

/// <summary>
/// Resolves accessor and indexer chains the way Adaptive Expressions does (FunctionUtils.tryAccumulatePath
/// followed by SimpleObjectMemory.getValue): the chain becomes a path string, split on dots and brackets,
/// property names matched case-insensitively.
/// </summary>
internal static class PathResolver
{
    private static readonly JsonObject TemplateVersion = new() { ["major"] = 2, ["minor"] = 3, ["patch"] = 1, ["suffix"] = "" };

    public static object? Evaluate(Expr expr, Scope scope, bool substitute)
    {
        if (expr is AccessorExpr { Chain: { } chain, UserPath: { } userPath })
        {
            // Fast path for plain dotted names (nearly every binding): the same parts the path string would split into.
            var found = GetValue(new RootMemory(scope), chain);
            return found is Undefined && substitute ? "${" + userPath + "}" : found;
        }

        var path = "";
        var left = expr;
        while (left is not null)
        {
            if (left is AccessorExpr accessor)
            {
                path = accessor.Name + "." + path;
                left = accessor.Parent;
            }
            else if (left is ElementExpr element)
            {
                var index = element.Index.Evaluate(scope, substitute);
                if (index is double d)
                {
                    path = "[" + JsValues.NumberToString(d) + "]." + path;
                }
                else if (index is string s)
                {
                    path = ParseInt(s) is not null ? "[" + s + "]." + path : "['" + s + "']." + path;
                }
                else
                {
                    throw new EvalError($"{element.Index} doesn't return an int or string");
                }

                left = element.Instance;
            }
            else
            {
                break;
            }
        }

        path = path.TrimEnd('.').Replace(".[", "[", StringComparison.Ordinal);
        object? value;
        if (left is null)
        {
            var full = path.Length > 0 && path[0] != '$' ? "$data." + path : path;
            value = GetValue(new RootMemory(scope), full);
        }
        else
        {
            var newScope = left.Evaluate(scope, substitute);
            value = newScope is Undefined || path.Length == 0 ? Undefined.Value : GetValue(newScope, path);
        }

        if (value is Undefined && substitute)
        {
            return "${" + path + "}";
        }

        return value;
    }

    /// <summary>Adaptive Expressions' Element evaluator.</summary>
    public static object? EvaluateElement(ElementExpr element, Scope scope, bool substitute)
    {
        var instance = element.Instance.Evaluate(scope, substitute);
        var index = element.Index.Evaluate(scope, substitute: false);
        switch (index)
        {
            case double d when d == Math.Floor(d) && !double.IsInfinity(d):
                return instance switch
                {
                    null or Undefined => Undefined.Value,
                    JsonArray array when d >= 0 && d < array.Count => JsValues.FromNode(array[(int)d]),
                    JsonArray => throw new EvalError($"{JsValues.NumberToString(d)} is out of range"),
                    _ => throw new EvalError($"{element.Instance} is not a collection."),
                };
            case string s:
                return AccessProperty(instance, s);
            default:
                throw new EvalError($"Could not coerce {element.Index} to an int or string.");
        }
    }

    private static object? GetValue(object? memory, string path) =>
        GetValue(memory, path.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Length >= 2 && ((part[0] == '"' && part[^1] == '"') || (part[0] == '\'' && part[^1] == '\''))
                ? part[1..^1]
                : part));

    private static object? GetValue(object? memory, IEnumerable<string> parts)
    {
        object? value = Undefined.Value;
        var current = memory;
        foreach (var part in parts)
        {
            var index = ParseInt(part);
            if (index is not null && current is JsonArray array)
            {
                if (index < 0 || index >= array.Count)
                {
                    return Undefined.Value;
                }

                value = JsValues.FromNode(array[index.Value]);
            }
            else if (current is null || (current is JsonArray && index is not null))
            {
                value = Undefined.Value;
            }
            else
            {
                value = AccessProperty(current, part);
            }

            current = value;
        }

        return value;
    }

    private static object? AccessProperty(object? instance, string property)
    {
        // "if (!instance) return undefined": falsy JavaScript values have no properties.
        switch (instance)
        {
            case null or Undefined or false or "":
            case double d when d == 0 || double.IsNaN(d):
                return Undefined.Value;
            case RootMemory root:
                return root.Get(property);
            case JsonObject obj:
                foreach (var (key, node) in obj)
                {
                    if (string.Equals(key, property, StringComparison.OrdinalIgnoreCase))
                    {
                        return JsValues.FromNode(node);
                    }
                }

                return Undefined.Value;
            case string s when ParseInt(property) is { } i && i >= 0 && i < s.Length && property == i.ToString(System.Globalization.CultureInfo.InvariantCulture):
                return s[i].ToString();
            default:
                return Undefined.Value;
        }
    }

    /// <summary>JavaScript parseInt for the forms paths contain: optional sign, leading digits.</summary>
    private static int? ParseInt(string text)
    {
        var span = text.AsSpan().TrimStart();
        var sign = 1;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            sign = span[0] == '-' ? -1 : 1;
            span = span[1..];
        }

        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        return digits == 0 || digits > 9 ? null : sign * int.Parse(span[..digits], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The official TemplateObjectMemory's own properties.</summary>
    private sealed class RootMemory(Scope scope)
    {
        private static readonly string[] Names = ["$root", "$data", "$index", "$host", "$_acTemplateVersion"];

        public object? Get(string property)
        {
            string? name = null;
            foreach (var candidate in Names)
            {
                if (string.Equals(candidate, property, StringComparison.OrdinalIgnoreCase))
                {
                    name = candidate;
                    break;
                }
            }

            return name switch
            {
                "$root" => scope.Root,
                "$data" => scope.Data is Undefined ? scope.Root : scope.Data,
                "$index" => scope.Index,
                "$_acTemplateVersion" => TemplateVersion,
                _ => Undefined.Value,
            };
        }
    }
}
