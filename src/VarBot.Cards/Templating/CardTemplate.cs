using System.Text;
using System.Text.Json.Nodes;

namespace VarBot.Cards.Templating;

/// <summary>
/// A prepared Adaptive Card template: the subset of the Adaptive Card Templating language that VarBot uses,
/// with the behaviour of the official adaptivecards-templating 2.3.1 (which the tests compare against).
/// Spec: Microsoft Learn, "Adaptive Card Templating language" (learn.microsoft.com/adaptive-cards/templating/language).
/// </summary>
/// <remarks>
/// Supported: <c>${path}</c> with dots and indexers, <c>$root</c>, <c>$data</c>, <c>$index</c>, <c>$data</c> on
/// any object (an array repeats the object once per item), <c>$when</c>, several <c>${...}</c> in one string, a
/// string that is exactly one <c>${expr}</c> taking the value's JSON type, and the functions in <see cref="Functions"/>.
/// A missing path becomes the literal text <c>${path}</c>, as in the official library; <c>$when</c> evaluates
/// without that substitution, so a missing field there is false.
/// </remarks>
internal sealed class CardTemplate
{
    private static readonly HashSet<string> ReservedFields = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly PNode _root;

    public CardTemplate(JsonNode? template)
    {
        _root = Prepare(template);
    }

    /// <summary>Expands the template with <paramref name="data"/> as <c>$root</c>. Returns null, a value, an object or an array.</summary>
    public JsonNode? Expand(JsonNode? data)
    {
        var scope = new Scope(JsValues.FromNode(data), Undefined.Value, Undefined.Value);
        var result = Expand(_root, scope);
        return result as JsonNode;
    }

    private abstract record PNode;

    private sealed record PLiteral(JsonNode? Value) : PNode;

    private sealed record PExpr(Expr Expr) : PNode;

    private sealed record PArray(IReadOnlyList<PNode> Items) : PNode;

    /// <param name="DataLiteral">The raw <c>$data</c> JSON, used when it is not an expression.</param>
    private sealed record PObject(IReadOnlyList<KeyValuePair<string, PNode>> Properties, PNode? Data, JsonNode? DataLiteral, PNode? When) : PNode;

    private static PNode Prepare(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = obj.Select(p => new KeyValuePair<string, PNode>(p.Key, Prepare(p.Value))).ToList();
                return new PObject(
                    properties,
                    properties.FirstOrDefault(p => p.Key == "$data").Value,
                    obj["$data"],
                    properties.FirstOrDefault(p => p.Key == "$when").Value);
            case JsonArray array:
                return new PArray(array.Select(Prepare).ToList());
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = value.GetValue<string>();
                if (!text.Contains("${", StringComparison.Ordinal))
                {
                    return new PLiteral(node);
                }

                var expr = ParseInterpolatedString(text);
                Functions.Validate(expr);
                return new PExpr(expr);
            default:
                return new PLiteral(node);
        }
    }

    /// <summary>
    /// Splits a string as the Adaptive Expressions lexer does inside a backtick string:
    /// TEMPLATE = '${' (STRING | ~[\r\n{}'"`])+ '}', ESCAPE = '\`' | '\$', anything else is text.
    /// A string that is exactly one TEMPLATE yields that expression (its value keeps its type).
    /// </summary>
    internal static Expr ParseInterpolatedString(string text)
    {
        var parts = new List<Expr> { new ConstExpr("") };
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                throw new TemplateException($"Invalid expression format: a backtick in '{text}'.");
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '`' or '$')
            {
                FlushLiteral(parts, literal);
                parts.Add(new ConstExpr(text[i + 1].ToString()));
                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{' && TryMatchTemplate(text, i, out var end))
            {
                FlushLiteral(parts, literal);
                parts.Add(ExpressionParser.Parse(text[(i + 2)..end].Trim()));
                i = end + 1;
                continue;
            }

            literal.Append(c);
            i++;
        }

        FlushLiteral(parts, literal);
        return parts.Count == 2 && parts[1] is not ConstExpr ? parts[1] : new ConcatExpr(parts);
    }

    private static void FlushLiteral(List<Expr> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new ConstExpr(literal.ToString()));
            literal.Clear();
        }
    }

    /// <summary>Matches TEMPLATE at <paramref name="start"/>; <paramref name="end"/> is the index of its closing brace.</summary>
    private static bool TryMatchTemplate(string text, int start, out int end)
    {
        var i = start + 2;
        var count = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}')
            {
                end = i;
                return count > 0;
            }

            if (c is '\'' or '"')
            {
                var close = i + 1;
                while (close < text.Length && text[close] != c)
                {
                    close += text[close] == '\\' && close + 1 < text.Length && (text[close + 1] == c || text[close + 1] == '\\') ? 2 : 1;
                }

                if (close >= text.Length)
                {
                    break;
                }

                i = close + 1;
                count++;
                continue;
            }

            if (c is '\r' or '\n' or '{' or '`')
            {
                // '{' would start an inline JSON object, which this subset does not support.
                break;
            }

            i++;
            count++;
        }

        end = -1;
        return false;
    }

    /// <returns><see cref="Undefined"/> (property left out), null (JSON null) or a node.</returns>
    private static object? Expand(PNode node, Scope scope)
    {
        switch (node)
        {
            case PArray array:
                var result = new JsonArray();
                foreach (var item in array.Items)
                {
                    var expanded = Expand(item, scope);
                    if (expanded is null)
                    {
                        continue;
                    }

                    if (expanded is JsonArray inner)
                    {
                        var items = inner.ToList();
                        inner.Clear();
                        foreach (var innerItem in items)
                        {
                            result.Add(innerItem);
                        }
                    }
                    else
                    {
                        // undefined inside an array serialises as null in JavaScript.
                        result.Add(expanded as JsonNode);
                    }
                }

                return result;
            case PExpr expr:
                return ToResult(EvaluateForTemplate(expr.Expr, scope));
            case PObject obj:
                return ExpandObject(obj, scope);
            case PLiteral literal:
                return literal.Value?.DeepClone();
            default:
                throw new InvalidOperationException("Unknown template node " + node.GetType());
        }
    }

    private static object? ToResult(object? value) => value switch
    {
        Undefined => Undefined.Value,
        null => null,
        _ => JsValues.ToNode(value),
    };

    /// <summary>Evaluation with null substitution; in an interpolated string each failing part is put back as <c>${part}</c>.</summary>
    private static object? EvaluateForTemplate(Expr expr, Scope scope)
    {
        if (expr is ConcatExpr concat)
        {
            var builder = new StringBuilder();
            foreach (var part in concat.Parts)
            {
                object? value;
                try
                {
                    value = part.Evaluate(scope, substitute: true);
                }
                catch (Exception ex) when (ex is EvalError or TemplateException)
                {
                    value = "${" + part + "}";
                }

                builder.Append(JsValues.ToJsString(value));
            }

            return builder.ToString();
        }

        try
        {
            return expr.Evaluate(scope, substitute: true);
        }
        catch (EvalError ex)
        {
            throw new TemplateException(ex.Message);
        }
    }

    private static object? ExpandObject(PObject obj, Scope scope)
    {
        var contexts = new List<object?> { Undefined.Value };
        var isArray = false;
        if (obj.Data is not null)
        {
            var dataContext = obj.Data switch
            {
                PExpr expr => EvaluateForTemplate(expr.Expr, scope),
                _ => JsValues.FromNode(obj.DataLiteral),
            };
            if (dataContext is JsonArray array)
            {
                contexts = array.Select(JsValues.FromNode).ToList();
                isArray = true;
            }
            else
            {
                contexts = [dataContext];
            }
        }

        var results = new List<JsonObject>();
        for (var i = 0; i < contexts.Count; i++)
        {
            if (isArray)
            {
                scope = scope with { Index = (double)i };
            }

            if (contexts[i] is not Undefined)
            {
                scope = scope with { Data = contexts[i] };
            }

            if (!IsIncluded(obj.When, scope))
            {
                continue;
            }

            var expanded = new JsonObject();
            foreach (var (key, value) in obj.Properties)
            {
                if (ReservedFields.Contains(key))
                {
                    continue;
                }

                var result = Expand(value, scope);
                if (result is not Undefined)
                {
                    expanded[key] = result as JsonNode;
                }
            }

            results.Add(expanded);
        }

        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => new JsonArray([.. results]),
        };
    }

    private static bool IsIncluded(PNode? when, Scope scope)
    {
        switch (when)
        {
            case null:
                return true;
            case PExpr expr:
                try
                {
                    return expr.Expr.Evaluate(scope, substitute: false) is true;
                }
                catch (EvalError)
                {
                    return false;
                }
                catch (TemplateException) when (expr.Expr is ConcatExpr)
                {
                    // An interpolated string is never a boolean: false, whatever its parts hold.
                    return false;
                }

            case PLiteral literal:
                // The official engine drops the element when $when is set to anything truthy that is not an expression.
                return IsFalsyJs(literal.Value);
            default:
                return false;
        }
    }

    private static bool IsFalsyJs(JsonNode? value) => JsValues.FromNode(value) switch
    {
        null or false or "" => true,
        double d => d == 0 || double.IsNaN(d),
        _ => false,
    };
}
