using System.Text.Json.Nodes;

namespace VarBot.Cards.Templating;

/// <summary>
/// The Adaptive Expressions functions VarBot's cards use, with the library's semantics: logic and
/// comparison functions evaluate their arguments without null substitution and turn errors into false;
/// the others pass substitution on and propagate errors. An unknown function throws, as the official
/// template engine's lookup does.
/// </summary>
internal static class Functions
{
    public static object? Invoke(CallExpr call, Scope scope, bool substitute)
    {
        var args = call.Args;
        switch (call.Name)
        {
            case "!":
                RequireArity(call, 1, 1);
                return !TryLogic(args[0], scope, out var notValue) || !JsValues.IsLogicTrue(notValue);
            case "&&":
                RequireArity(call, 1, int.MaxValue);
                foreach (var arg in args)
                {
                    if (!TryLogic(arg, scope, out var value) || !JsValues.IsLogicTrue(value))
                    {
                        return false;
                    }
                }

                return true;
            case "||":
                RequireArity(call, 1, int.MaxValue);
                foreach (var arg in args)
                {
                    if (TryLogic(arg, scope, out var value) && JsValues.IsLogicTrue(value))
                    {
                        return true;
                    }
                }

                return false;
            case "if":
                RequireArity(call, 3, 3);
                return TryLogic(args[0], scope, out var condition) && JsValues.IsLogicTrue(condition)
                    ? args[1].Evaluate(scope, substitute)
                    : args[2].Evaluate(scope, substitute);
            case "==":
                return Compare(call, scope, 2, values => JsValues.CommonEquals(values[0], values[1]));
            case "!=":
                return Compare(call, scope, 2, values => !JsValues.CommonEquals(values[0], values[1]));
            case ">":
                return Compare(call, scope, 2, values => Order(values) > 0, VerifyNotNull);
            case ">=":
                return Compare(call, scope, 2, values => Order(values) >= 0, VerifyNotNull);
            case "<":
                return Compare(call, scope, 2, values => Order(values) < 0, VerifyNotNull);
            case "<=":
                return Compare(call, scope, 2, values => Order(values) <= 0, VerifyNotNull);
            case "exists":
                return Compare(call, scope, 1, _ => true, VerifyNotNull);
            case "empty":
                return Compare(call, scope, 1, values => IsEmpty(values[0]), VerifyContainerOrNull);
            case "count":
            {
                RequireArity(call, 1, 1);
                var value = args[0].Evaluate(scope, substitute);
                return value switch
                {
                    string s => (double)s.Length,
                    JsonArray array => (double)array.Count,
                    JsonObject obj => (double)obj.Count,
                    _ => throw new EvalError($"{args[0]} must be a string, list, map or object."),
                };
            }

            case "length":
            {
                RequireArity(call, 1, 1);
                var value = args[0].Evaluate(scope, substitute);
                return value switch
                {
                    string s => (double)s.Length,
                    // verifyStringOrNull accepts undefined but, despite its name, not null.
                    Undefined => 0d,
                    _ => throw new EvalError($"{args[0]} is neither a string nor a null object."),
                };
            }

            case "join":
                return Join(call, scope, substitute);
            case "+":
            case "-":
            {
                RequireArity(call, 2, 2);
                if (args[0].Evaluate(scope, substitute) is double a && args[1].Evaluate(scope, substitute) is double b)
                {
                    return call.Name == "+" ? a + b : a - b;
                }

                // The official add() also concatenates strings; the cards need numbers only.
                throw new EvalError($"{call} needs two numbers.");
            }

            default:
                throw new TemplateException("Unknown function " + call.Name);
        }
    }

    private static object? Join(CallExpr call, Scope scope, bool substitute)
    {
        RequireArity(call, 2, 3);
        var values = call.Args.Select(arg => arg.Evaluate(scope, substitute)).ToList();
        if (values[0] is not JsonArray array)
        {
            throw new EvalError($"{call.Args[0]} evaluates to {JsValues.ToJoinString(values[0])} which is not a list.");
        }

        var items = array.Select(item => JsValues.ToJoinString(JsValues.FromNode(item))).ToList();
        var separator = values[1] is Undefined ? "," : JsValues.ToJoinString(values[1]);
        if (values.Count == 2)
        {
            return string.Join(separator, items);
        }

        var last = JsValues.ToJoinString(values[2]);
        return items.Count < 3
            ? string.Join(last, items)
            : string.Join(separator, items.Take(items.Count - 1)) + last + items[^1];
    }

    /// <summary>Evaluates a logic operand without null substitution; false when it fails.</summary>
    private static bool TryLogic(Expr expr, Scope scope, out object? value)
    {
        try
        {
            value = expr.Evaluate(scope, substitute: false);
            return true;
        }
        catch (EvalError)
        {
            value = null;
            return false;
        }
    }

    private static bool Compare(CallExpr call, Scope scope, int arity, Func<object?[], bool> func, Func<object?, bool>? verify = null)
    {
        RequireArity(call, arity, arity);
        var values = new object?[arity];
        for (var i = 0; i < arity; i++)
        {
            if (!TryLogic(call.Args[i], scope, out values[i]) || (verify is not null && !verify(values[i])))
            {
                return false;
            }
        }

        // An argument that fails gives false; the comparison itself failing (e.g. 'b' > 1) is an error.
        return func(values);
    }

    private static int Order(object?[] values) => (values[0], values[1]) switch
    {
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new EvalError("Values must be comparable."),
    };

    private static bool VerifyNotNull(object? value) => value is not (null or Undefined);

    private static bool VerifyContainerOrNull(object? value) => value is null or Undefined or string or JsonArray or JsonObject;

    private static bool IsEmpty(object? value) => value switch
    {
        null or Undefined => true,
        string s => s.Length == 0,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => false,
    };

    private static readonly Dictionary<string, (int Min, int Max)> Arity = new()
    {
        ["!"] = (1, 1),
        ["&&"] = (1, int.MaxValue),
        ["||"] = (1, int.MaxValue),
        ["if"] = (3, 3),
        ["=="] = (2, 2),
        ["!="] = (2, 2),
        [">"] = (2, 2),
        [">="] = (2, 2),
        ["<"] = (2, 2),
        ["<="] = (2, 2),
        ["exists"] = (1, 1),
        ["empty"] = (1, 1),
        ["count"] = (1, 1),
        ["length"] = (1, 1),
        ["join"] = (2, 3),
        ["+"] = (2, 2),
        ["-"] = (2, 2),
    };

    /// <summary>Checks argument counts when a template is prepared, as Adaptive Expressions' validators do when parsing.</summary>
    public static void Validate(Expr expr)
    {
        switch (expr)
        {
            case CallExpr call:
                RequireArity(call, 0, int.MaxValue);
                foreach (var arg in call.Args)
                {
                    Validate(arg);
                }

                break;
            case AccessorExpr { Parent: { } parent }:
                Validate(parent);
                break;
            case ElementExpr element:
                Validate(element.Instance);
                Validate(element.Index);
                break;
            case ConcatExpr concat:
                foreach (var part in concat.Parts)
                {
                    Validate(part);
                }

                break;
        }
    }

    private static void RequireArity(CallExpr call, int min, int max)
    {
        if (Arity.TryGetValue(call.Name, out var arity))
        {
            (min, max) = (Math.Max(min, arity.Min), Math.Min(max, arity.Max));
        }

        if (call.Args.Count < min || call.Args.Count > max)
        {
            throw new TemplateException($"{call.Name} expects {min}..{max} arguments: {call}");
        }
    }
}
