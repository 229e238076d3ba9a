using System.Globalization;
using System.Text;

namespace VarBot.Cards.Templating;

/// <summary>
/// Parses the subset of Adaptive Expressions used inside <c>${...}</c>: literals, paths with dots and
/// indexers, function calls and the operators <c>! == != &lt; &lt;= &gt; &gt;= + - &amp;&amp; ||</c>
/// with the precedence of the Adaptive Expressions grammar (ExpressionAntlrParser.g4).
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text)
    {
        _text = text;
    }

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expr = parser.ParseOr();
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
        {
            throw new TemplateException($"Unexpected '{text[parser._pos]}' at position {parser._pos} in expression '{text}'.");
        }

        return expr;
    }

    // Precedence, lowest first, as in the Adaptive Expressions grammar:
    // || , && , < <= > >= , == != , + - , unary !.
    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (TryConsume("||"))
        {
            left = new CallExpr("||", [left, ParseAnd()]);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseRelational();
        while (TryConsume("&&"))
        {
            left = new CallExpr("&&", [left, ParseRelational()]);
        }

        return left;
    }

    private Expr ParseRelational()
    {
        var left = ParseEquality();
        while (true)
        {
            var op = TryConsume("<=") ? "<=" : TryConsume(">=") ? ">=" : TryConsume("<") ? "<" : TryConsume(">") ? ">" : null;
            if (op is null)
            {
                return left;
            }

            left = new CallExpr(op, [left, ParseEquality()]);
        }
    }

    private Expr ParseEquality()
    {
        var left = ParseAdditive();
        while (true)
        {
            var op = TryConsume("==") ? "==" : TryConsume("!=") ? "!=" : null;
            if (op is null)
            {
                return left;
            }

            left = new CallExpr(op, [left, ParseAdditive()]);
        }
    }

    private Expr ParseAdditive()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipWhitespace();
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
            {
                var op = _text[_pos++].ToString();
                left = new CallExpr(op, [left, ParseUnary()]);
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseUnary()
    {
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '!' && !LookingAt("!="))
        {
            _pos++;
            return new CallExpr("!", [ParseUnary()]);
        }

        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return expr;
            }

            if (_text[_pos] == '.')
            {
                _pos++;
                SkipWhitespace();
                var name = ReadIdentifier() ?? throw Error("a property name");
                expr = new AccessorExpr(name, expr);
            }
            else if (_text[_pos] == '[')
            {
                _pos++;
                var index = ParseOr();
                Expect(']');
                expr = new ElementExpr(expr, index);
            }
            else if (_text[_pos] == '(')
            {
                if (expr is not AccessorExpr { Parent: null } function)
                {
                    throw Error("a function name before '('");
                }

                _pos++;
                var args = new List<Expr>();
                SkipWhitespace();
                if (!TryConsume(")"))
                {
                    do
                    {
                        args.Add(ParseOr());
                    }
                    while (TryConsume(","));

                    Expect(')');
                }

                expr = new CallExpr(FunctionNames.Canonical(function.Name), args);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw Error("an expression");
        }

        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        if (c is '\'' or '"')
        {
            return new ConstExpr(ReadString(c));
        }

        if (char.IsAsciiDigit(c))
        {
            var start = _pos;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            if (_pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
            {
                _pos++;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
            }

            return new ConstExpr(double.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture));
        }

        var identifier = ReadIdentifier() ?? throw Error("an expression");
        return identifier switch
        {
            "true" => new ConstExpr(true),
            "false" => new ConstExpr(false),
            "null" => new ConstExpr(null),
            "undefined" => new ConstExpr(Undefined.Value),
            _ => new AccessorExpr(identifier, null),
        };
    }

    private string? ReadIdentifier()
    {
        // IDENTIFIER : (LETTER | '_' | '#' | '@' | '@@' | '$' | '%') (LETTER | DIGIT | '_')*
        var start = _pos;
        if (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] is '_' or '#' or '@' or '$' or '%'))
        {
            _pos++;
            if (_text[start] == '@' && _pos < _text.Length && _text[_pos] == '@')
            {
                _pos++;
            }

            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            return _text[start.._pos];
        }

        return null;
    }

    private string ReadString(char quote)
    {
        // STRING : '\'' (('\\'('\''|'\\'))|(~'\''))*? '\''; escapes are then unescaped as in JavaScript.
        _pos++;
        var builder = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                var next = _text[_pos + 1];
                builder.Append(next switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => next,
                });
                _pos += 2;
            }
            else
            {
                builder.Append(_text[_pos++]);
            }
        }

        if (_pos >= _text.Length)
        {
            throw Error("a closing quote");
        }

        _pos++;
        return builder.ToString();
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool LookingAt(string token) => string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0;

    private bool TryConsume(string token)
    {
        SkipWhitespace();
        if (LookingAt(token))
        {
            _pos += token.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c.ToString()))
        {
            throw Error($"'{c}'");
        }
    }

    private TemplateException Error(string expected) =>
        new($"Expected {expected} at position {_pos} in expression '{_text}'.");
}

/// <summary>Function names as Adaptive Expressions maps them: aliases share the operator's evaluator and name.</summary>
internal static class FunctionNames
{
    public static string Canonical(string name) => name switch
    {
        "equals" => "==",
        "not" => "!",
        "and" => "&&",
        "or" => "||",
        "greater" => ">",
        "greaterOrEquals" => ">=",
        "less" => "<",
        "lessOrEquals" => "<=",
        "add" => "+",
        "sub" => "-",
        _ => name,
    };
}
