using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>minimum</c>, <c>exclusiveMinimum</c>, <c>maximum</c>, <c>exclusiveMaximum</c> (numbers only).</summary>
internal sealed class NumberLimitValidator : KeywordValidator
{
    private readonly JsonNumber _limit;
    private readonly int _sign;
    private readonly bool _exclusive;
    private readonly string _message;

    private NumberLimitValidator(SchemaPosition position, string keyword, JsonNumber limit, int sign, bool exclusive, string message)
        : base(position, keyword)
    {
        _limit = limit;
        _sign = sign;
        _exclusive = exclusive;
        _message = message;
    }

    public static NumberLimitValidator Create(NodeBuilder builder, string keyword, JsonElement value)
    {
        builder.Expect(keyword, value, JsonValueKind.Number, "a number");
        var limit = JsonNumber.From(value);
        var text = value.GetRawText();
        return keyword switch
        {
            "minimum" => new NumberLimitValidator(builder.Position, keyword, limit, 1, false, "must be greater than or equal to " + text),
            "exclusiveMinimum" => new NumberLimitValidator(builder.Position, keyword, limit, 1, true, "must be greater than " + text),
            "maximum" => new NumberLimitValidator(builder.Position, keyword, limit, -1, false, "must be less than or equal to " + text),
            _ => new NumberLimitValidator(builder.Position, keyword, limit, -1, true, "must be less than " + text),
        };
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        // sign 1: instance must be above the limit; -1: below.
        var comparison = JsonNumber.From(instance).CompareTo(_limit) * _sign;
        return comparison > 0 || (comparison == 0 && !_exclusive) || context.Fail(this, _message);
    }
}
