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
            limits.Add(new Limit(keyword, b.Position.AbsoluteLocation + "/" + keyword, JsonNumber.From(value), sign, exclusive, message));
        }

        return limits.Count == 0 ? null : new NumberLimitValidator(b.Position, [.. limits]);
    }

    /// <summary>Set when the schema's <c>type</c> is just "number": the type check happens here, one call fewer.</summary>
    public TypeValidator? Type { get; set; }

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

    private sealed record Limit(string Keyword, string Absolute, JsonNumber Value, int Sign, bool Exclusive, string Message);
}
