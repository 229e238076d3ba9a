using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace VarBot.Cards.Templating;

/// <summary>JavaScript's <c>undefined</c>: a path that resolves to nothing (distinct from JSON null).</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }
}

/// <summary>A recoverable evaluation error (Adaptive Expressions returns these as <c>{ error }</c>, not as exceptions).</summary>
internal sealed class EvalError(string message) : Exception(message);

/// <summary>
/// The evaluation scope, as the official TemplateObjectMemory: names starting with <c>$</c> are looked up
/// on the memory itself (<c>$root</c>, <c>$data</c>, <c>$index</c>, <c>$host</c>), every other path under <c>$data</c>.
/// </summary>
/// <param name="Data">The current <c>$data</c>; <see cref="Undefined"/> means <c>$root</c>.</param>
/// <param name="Index">The current <c>$index</c> (a double) inside an array binding, else <see cref="Undefined"/>.</param>
internal sealed record Scope(object? Root, object? Data, object? Index);

/// <summary>
/// An expression node. Values are: <see cref="Undefined"/>, null, string, double, bool, <see cref="JsonArray"/>,
/// <see cref="JsonObject"/> (the latter two shared with the data: never mutate them).
/// </summary>
internal abstract record Expr
{
    /// <param name="substitute">When true a missing path yields the string <c>${path}</c> (the official nullSubstitution).</param>
    public abstract object? Evaluate(Scope scope, bool substitute);

    /// <summary>The text Adaptive Expressions' Expression.toString() gives, used when an error is substituted back.</summary>
    public abstract override string ToString();
}

internal sealed record ConstExpr(object? Value) : Expr
{
    public override object? Evaluate(Scope scope, bool substitute) => Value;

    public override string ToString() => Value switch
    {
        Undefined => "undefined",
        null => "null",
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        _ => JsValues.ToJsString(Value),
    };
}

/// <summary>The literal text and the <c>${...}</c> parts of an interpolated string.</summary>
internal sealed record ConcatExpr(IReadOnlyList<Expr> Parts) : Expr
{
    public override object? Evaluate(Scope scope, bool substitute)
    {
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            builder.Append(JsValues.ToJsString(part.Evaluate(scope, substitute)));
        }

        return builder.ToString();
    }

    public override string ToString() => "concat(" + string.Join(", ", Parts) + ")";
}

/// <summary>A property of the scope (<see cref="Parent"/> null) or of another value.</summary>
internal sealed record AccessorExpr(string Name, Expr? Parent) : Expr
{
    /// <summary>The dotted path when this is a plain chain of names (<c>a.b.c</c>), else null.</summary>
    public string? UserPath { get; } = Parent switch
    {
        null => Name,
        AccessorExpr { UserPath: { } parentPath } => parentPath + "." + Name,
        _ => null,
    };

    /// <summary>The memory path parts of a plain chain, with <c>$data</c> in front unless it starts with <c>$</c>.</summary>
    public string[]? Chain => _chain ??= UserPath is null ? null
        : UserPath[0] == '$' ? UserPath.Split('.') : ["$data", .. UserPath.Split('.')];

    private string[]? _chain;

    public override object? Evaluate(Scope scope, bool substitute) => PathResolver.Evaluate(this, scope, substitute);

    public override string ToString() => Parent is null ? Name : Parent + "." + Name;
}

internal sealed record ElementExpr(Expr Instance, Expr Index) : Expr
{
    /// <summary>
    /// An indexer at the top of an expression is Adaptive Expressions' element() function (no null substitution
    /// of its result); one inside a longer chain (<c>a[0].b</c>) is part of the accessor's path.
    /// </summary>
    public override object? Evaluate(Scope scope, bool substitute) => PathResolver.EvaluateElement(this, scope, substitute);

    public override string ToString() => Instance + "[" + Index + "]";
}

internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Args) : Expr
{
    public override object? Evaluate(Scope scope, bool substitute) => Functions.Invoke(this, scope, substitute);

    public override string ToString()
    {
        // Operators print infix when they have two or more children; functions as name(args).
        var infix = Name.Length > 0 && !char.IsAsciiLetter(Name[0]) && Args.Count >= 2;
        return infix
            ? "(" + string.Join(" " + Name + " ", Args) + ")"
            : Name + "(" + string.Join(", ", Args) + ")";
    }
}

/// <summary>JavaScript value semantics the official library inherits.</summary>
internal static class JsValues
{
    /// <summary>JavaScript's Number.EPSILON.</summary>
    private const double NumberEpsilon = 2.220446049250313E-16;

    public static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject or JsonArray => node,
        JsonValue value => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => (object)value.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number => (object)double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            System.Text.Json.JsonValueKind.True => (object)true,
            System.Text.Json.JsonValueKind.False => (object)false,
            _ => null,
        },
        _ => null,
    };

    public static JsonNode? ToNode(object? value) => value switch
    {
        null or Undefined => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        JsonNode node => node.DeepClone(),
        _ => throw new InvalidOperationException("Unexpected value type " + value.GetType()),
    };

    /// <summary>JavaScript's <c>value.toString()</c>; null and undefined throw, as they do in the official library.</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => throw new TemplateException("Cannot read properties of null (reading 'toString')"),
        Undefined => throw new TemplateException("Cannot read properties of undefined (reading 'toString')"),
        _ => ToJoinString(value),
    };

    /// <summary>String conversion as Array.prototype.join does it: null and undefined become "".</summary>
    public static string ToJoinString(object? value) => value switch
    {
        null or Undefined => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        JsonArray array => string.Join(",", array.Select(item => ToJoinString(FromNode(item)))),
        JsonObject => "[object Object]",
        _ => value.ToString() ?? "",
    };

    public static string NumberToString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Adaptive Expressions' isLogicTrue: only false, null and undefined are false.</summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or Undefined => false,
        _ => true,
    };

    /// <summary>FunctionUtils.commonEquals.</summary>
    public static bool CommonEquals(object? a, object? b)
    {
        if (a is null or Undefined || b is null or Undefined)
        {
            return a is null or Undefined && b is null or Undefined;
        }

        return (a, b) switch
        {
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(pair => CommonEquals(FromNode(pair.First), FromNode(pair.Second))),
            (JsonNode x, JsonNode y) => JsonNode.DeepEquals(x, y),
            (double x, double y) => Math.Abs(x - y) < NumberEpsilon || x == y,
            (string x, string y) => x == y,
            (bool x, bool y) => x == y,
            _ => false,
        };
    }
}
