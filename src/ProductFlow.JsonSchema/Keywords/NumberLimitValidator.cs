using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>minimum</c>, <c>exclusiveMinimum</c>, <c>maximum</c>, <c>exclusiveMaximum</c> in one step,
/// parsing the instance once (numbers only).</summary>
/// <remarks>Doubles decide unless they tie (two close decimals can round to one double); a tie is
/// settled exactly with <see cref="JsonNumber"/>.</remarks>
internal sealed class NumberLimitValidator : KeywordValidator
{
    private static readonly string[] Keywords = ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"];

    private readonly Limit[] _limits;

    private NumberLimitValidator(SchemaPosition position, Limit[] limits)
        : base(position, limits[0].Keyword)
    {
        _limits = limits;
    }

    public static NumberLimitValidator? Create(NodeBuilder b)
    {
        var limits = new List<Limit>();
        foreach (var keyword in Keywords)
        {
            if (!b.TryGet(keyword, out var value) || (b.Dialect.IsDraft7 && value.ValueKind is JsonValueKind.True or JsonValueKind.False))
            {
                continue;
            }

            b.Expect(keyword, value, JsonValueKind.Number, "a number");
            var text = value.GetRawText();
            var (sign, exclusive, message) = keyword switch
            {
                "minimum" => (1, false, "must be greater than or equal to " + text),
                "exclusiveMinimum" => (1, true, "must be greater than " + text),
                "maximum" => (-1, false, "must be less than or equal to " + text),
                _ => (-1, true, "must be less than " + text),
            };
            limits.Add(new Limit(keyword, b.Position.AbsoluteLocation + "/" + keyword, JsonNumber.From(value), sign, exclusive, message, IsPlainDecimal(text)));
        }

        return limits.Count == 0 ? null : new NumberLimitValidator(b.Position, [.. limits]);
    }

    /// <summary>Set when the schema's <c>type</c> is just "number": the type check happens here, one call fewer.</summary>
    public TypeValidator? Type { get; set; }

    /// <summary>Whether every limit is a plain decimal of at most 15 digits (<c>0</c>, <c>-2.5</c>, <c>50</c>): held exactly as
    /// a decimal and as a double, so <see cref="Accepts"/> in decimals gives <see cref="Validate"/>'s answer.</summary>
    public bool LimitsArePlain => _limits.All(l => l.Plain);

    /// <summary>Whether a number passes every limit, compared exactly (only when <see cref="LimitsArePlain"/>).</summary>
    /// <remarks><see cref="Validate"/> compares correctly rounded doubles and settles ties exactly; rounding keeps order, so
    /// against exact limits that is the exact comparison.</remarks>
    public bool Accepts(decimal value)
    {
        foreach (var limit in _limits)
        {
            var comparison = value.CompareTo(limit.Value.Decimal) * limit.Sign;
            if (comparison < 0 || (comparison == 0 && limit.Exclusive))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return Type is null || Type.Validate(instance, context, evaluated);
        }

        var value = JsonNumber.ToDouble(instance);
        var valid = true;
        foreach (var limit in _limits)
        {
            var comparison = value != limit.Value.Double ? value.CompareTo(limit.Value.Double) : JsonNumber.From(instance).CompareTo(limit.Value);

            // Sign 1: the instance must be above the limit; -1: below.
            comparison *= limit.Sign;
            if (comparison > 0 || (comparison == 0 && !limit.Exclusive))
            {
                continue;
            }

            if (!context.Collecting)
            {
                return false;
            }

            valid = context.Fail(limit.Keyword, limit.Absolute, limit.Message);
        }

        return valid;
    }

    private static bool IsPlainDecimal(string text)
    {
        var digits = text.AsSpan().TrimStart('-');
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        return whole.Length > 0 && whole.Length + fraction.Length <= 15 && (point < 0 || fraction.Length > 0)
            && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }

    private sealed record Limit(string Keyword, string Absolute, JsonNumber Value, int Sign, bool Exclusive, string Message, bool Plain);
}
