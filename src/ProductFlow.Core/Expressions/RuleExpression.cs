namespace ProductFlow.Expressions;

/// <summary>A compiled rule condition, such as <c>sale_price &lt;= price</c> or <c>categories starts with 'apparel' and not exists size</c>.</summary>
/// <remarks>
/// The grammar is deliberately small (docs/rules.md, "Expressions"): comparisons (<c>= != &lt; &lt;= &gt; &gt;=</c>),
/// <c>and</c>, <c>or</c>, <c>not</c>, parentheses, <c>exists field</c>, <c>field in ('a', 'b')</c> and
/// <c>field starts with 'x'</c>. Operands are fields (attribute codes or <c>sku</c>, <c>parent</c>, <c>family</c>,
/// <c>categories</c>), numbers and quoted strings. Two numbers compare as numbers, anything else as ordinal
/// text. A field with several values (categories) matches when any value does; an absent field matches nothing.
/// Parsed once into delegates and value tests: evaluating costs no parsing, no reflection and, on <see cref="IFieldValues"/>, no allocation.
/// </remarks>
public sealed class RuleExpression
{
    private readonly Func<IFieldValues, bool> _evaluate;

    private RuleExpression(string text, Func<IFieldValues, bool> evaluate, IReadOnlyCollection<string> fields)
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

    public bool Evaluate(FieldLookup lookup) => _evaluate(new LookupValues(lookup));

    /// <summary>Evaluates on values read in place (the rules' path: nothing is allocated).</summary>
    internal bool Evaluate(IFieldValues fields) => _evaluate(fields);

    /// <summary>Whether any value of <paramref name="operand"/> (a field's values, or the constant) passes <paramref name="test"/>.</summary>
    private static bool Any(Operand operand, IFieldValues fields, ValueTest test) =>
        operand.Field is { } field ? fields.Any(field, test) : test.Holds(operand.Text, fields);

    /// <summary>An operand: a field, or a constant (<see cref="Field"/> <c>null</c>).</summary>
    private readonly record struct Operand(string? Field, string Text);

    /// <summary>The values of a <see cref="FieldLookup"/>, as the lists it returns.</summary>
    private sealed class LookupValues(FieldLookup lookup) : IFieldValues
    {
        public bool Any(string field, ValueTest test)
        {
            var values = lookup(field);
            for (var i = 0; i < values.Count; i++)
            {
                if (test.Holds(values[i], this))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int _next;

        public HashSet<string> Fields { get; } = new(StringComparer.Ordinal);

        private Token Peek => tokens[_next];

        public Func<IFieldValues, bool> ParseAll()
        {
            var expression = ParseOr();
            if (Peek.Kind != TokenKind.End)
            {
                throw Unexpected();
            }

            return expression;
        }

        private Func<IFieldValues, bool> ParseOr()
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

        private Func<IFieldValues, bool> ParseAnd()
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

        private Func<IFieldValues, bool> ParseNot()
        {
            if (!IsKeyword("not"))
            {
                return ParsePrimary();
            }

            _next++;
            var inner = ParseNot();
            return lookup => !inner(lookup);
        }

        private Func<IFieldValues, bool> ParsePrimary()
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
                return fields => fields.Any(field, NotEmptyTest.Instance);
            }

            var left = ParseOperand();
            if (IsKeyword("in") || (IsKeyword("not") && IsKeyword("in", 1)))
            {
                var negate = IsKeyword("not");
                _next += negate ? 2 : 1;
                var inSet = new InSetTest(ParseList());
                return negate ? fields => !Any(left, fields, inSet) : fields => Any(left, fields, inSet);
            }

            if (IsKeyword("starts") && IsKeyword("with", 1))
            {
                _next += 2;
                var startsWith = new StartsWithTest(Expect(TokenKind.String).Text);
                return fields => Any(left, fields, startsWith);
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

            // Some left value and some right value compare as the operator says: a constant side becomes the test's constant.
            if (right.Field is not { } rightField)
            {
                var toRight = new CompareTest(right.Text, holds, constantIsLeft: false);
                return fields => Any(left, fields, toRight);
            }

            if (left.Field is not { } leftField)
            {
                var fromLeft = new CompareTest(left.Text, holds, constantIsLeft: true);
                return fields => fields.Any(rightField, fromLeft);
            }

            var toField = new CompareToFieldTest(rightField, holds);
            return fields => fields.Any(leftField, toField);
        }

        private Operand ParseOperand()
        {
            var token = Peek;
            _next++;
            switch (token.Kind)
            {
                case TokenKind.Identifier when !IsReserved(token.Text):
                    return new Operand(Field(token), token.Text);
                case TokenKind.Number or TokenKind.String:
                    return new Operand(null, token.Text);
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
    }
}
