using System.Globalization;

namespace ProductFlow.Expressions;

/// <summary>A compiled rule condition, such as <c>sale_price &lt;= price</c> or <c>categories starts with 'apparel' and not exists size</c>.</summary>
/// <remarks>
/// The grammar is deliberately small (docs/rules.md, "Expressions"): comparisons (<c>= != &lt; &lt;= &gt; &gt;=</c>),
/// <c>and</c>, <c>or</c>, <c>not</c>, parentheses, <c>exists field</c>, <c>field in ('a', 'b')</c> and
/// <c>field starts with 'x'</c>. Operands are fields (attribute codes or <c>sku</c>, <c>parent</c>, <c>family</c>,
/// <c>categories</c>), numbers and quoted strings. Two numbers compare as numbers, anything else as ordinal
/// text. A field with several values (categories) matches when any value does; an absent field matches nothing.
/// Parsed once into delegates: evaluating costs no parsing and no reflection.
/// </remarks>
public sealed class RuleExpression
{
    private readonly Func<FieldLookup, bool> _evaluate;

    private RuleExpression(string text, Func<FieldLookup, bool> evaluate, IReadOnlyCollection<string> fields)
    {
        Text = text;
        _evaluate = evaluate;
        Fields = fields;
    }

    public string Text { get; }

    /// <summary>The fields the expression reads, for checking them against the catalog.</summary>
    public IReadOnlyCollection<string> Fields { get; }

    /// <exception cref="ExpressionException">The text is not a valid expression.</exception>
    public static RuleExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(Lexer.Tokenize(text));
        var evaluate = parser.ParseAll();
        return new RuleExpression(text, evaluate, parser.Fields);
    }

    public bool Evaluate(FieldLookup lookup) => _evaluate(lookup);

    private sealed class Parser(List<Token> tokens)
    {
        private int _next;

        public HashSet<string> Fields { get; } = new(StringComparer.Ordinal);

        private Token Peek => tokens[_next];

        public Func<FieldLookup, bool> ParseAll()
        {
            var expression = ParseOr();
            if (Peek.Kind != TokenKind.End)
            {
                throw Unexpected();
            }

            return expression;
        }

        private Func<FieldLookup, bool> ParseOr()
        {
            var left = ParseAnd();
            while (IsKeyword("or"))
            {
                _next++;
                var (a, b) = (left, ParseAnd());
                left = lookup => a(lookup) || b(lookup);
            }

            return left;
        }

        private Func<FieldLookup, bool> ParseAnd()
        {
            var left = ParseNot();
            while (IsKeyword("and"))
            {
                _next++;
                var (a, b) = (left, ParseNot());
                left = lookup => a(lookup) && b(lookup);
            }

            return left;
        }

        private Func<FieldLookup, bool> ParseNot()
        {
            if (!IsKeyword("not"))
            {
                return ParsePrimary();
            }

            _next++;
            var inner = ParseNot();
            return lookup => !inner(lookup);
        }

        private Func<FieldLookup, bool> ParsePrimary()
        {
            if (Peek.Kind == TokenKind.LeftParen)
            {
                _next++;
                var inner = ParseOr();
                Expect(TokenKind.RightParen);
                return inner;
            }

            if (IsKeyword("exists"))
            {
                _next++;
                var field = Field(Expect(TokenKind.Identifier));
                return lookup => lookup(field).Any(v => v.Length > 0);
            }

            var left = ParseOperand();
            if (IsKeyword("in") || (IsKeyword("not") && IsKeyword("in", 1)))
            {
                var negate = IsKeyword("not");
                _next += negate ? 2 : 1;
                var set = ParseList();
                return negate ? lookup => !left(lookup).Any(set.Contains) : lookup => left(lookup).Any(set.Contains);
            }

            if (IsKeyword("starts") && IsKeyword("with", 1))
            {
                _next += 2;
                var prefix = Expect(TokenKind.String).Text;
                return lookup => left(lookup).Any(v => v.StartsWith(prefix, StringComparison.Ordinal));
            }

            var op = Expect(TokenKind.Operator).Text;
            var right = ParseOperand();
            Func<int, bool> holds = op switch
            {
                "=" or "==" => c => c == 0,
                "!=" or "<>" => c => c != 0,
                "<" => c => c < 0,
                "<=" => c => c <= 0,
                ">" => c => c > 0,
                _ => c => c >= 0,
            };
            return lookup =>
            {
                var rightValues = right(lookup);
                return left(lookup).Any(a => rightValues.Any(b => holds(Compare(a, b))));
            };
        }

        private Func<FieldLookup, IReadOnlyList<string>> ParseOperand()
        {
            var token = Peek;
            _next++;
            switch (token.Kind)
            {
                case TokenKind.Identifier when !IsReserved(token.Text):
                    var field = Field(token);
                    return lookup => lookup(field);
                case TokenKind.Number or TokenKind.String:
                    IReadOnlyList<string> constant = [token.Text];
                    return _ => constant;
                default:
                    _next--;
                    throw Unexpected();
            }
        }

        private HashSet<string> ParseList()
        {
            Expect(TokenKind.LeftParen);
            var set = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var item = Peek.Kind is TokenKind.String or TokenKind.Number ? tokens[_next++] : throw Unexpected();
                set.Add(item.Text);
            }
            while (Peek.Kind == TokenKind.Comma && _next++ >= 0);

            Expect(TokenKind.RightParen);
            return set;
        }

        private string Field(Token token)
        {
            Fields.Add(token.Text);
            return token.Text;
        }

        private Token Expect(TokenKind kind) => Peek.Kind == kind ? tokens[_next++] : throw Unexpected();

        private bool IsKeyword(string keyword, int ahead = 0) =>
            _next + ahead < tokens.Count
            && tokens[_next + ahead].Kind == TokenKind.Identifier
            && string.Equals(tokens[_next + ahead].Text, keyword, StringComparison.OrdinalIgnoreCase);

        private static bool IsReserved(string word) =>
            word.ToUpperInvariant() is "AND" or "OR" or "NOT" or "EXISTS" or "IN" or "STARTS" or "WITH";

        private ExpressionException Unexpected() => Peek.Kind == TokenKind.End
            ? new ExpressionException("the expression ends too early")
            : new ExpressionException($"unexpected '{Peek.Text}' at position {Peek.Position + 1}");

        private static int Compare(string a, string b)
        {
            const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
            return decimal.TryParse(a, Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, Number, CultureInfo.InvariantCulture, out var y)
                ? x.CompareTo(y)
                : string.CompareOrdinal(a, b);
        }
    }
}
