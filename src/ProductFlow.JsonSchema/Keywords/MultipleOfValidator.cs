using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>multipleOf</c>: exact in decimal, double (with a small tolerance) beyond its range.</summary>
internal sealed class MultipleOfValidator : KeywordValidator
{
    private readonly JsonNumber _divisor;
    private readonly string _message;

    private MultipleOfValidator(SchemaPosition position, JsonNumber divisor, string text)
        : base(position, "multipleOf")
    {
        _divisor = divisor;
        _message = "must be a multiple of " + text;
    }

    public static MultipleOfValidator Create(NodeBuilder builder, JsonElement value)
    {
        builder.Expect("multipleOf", value, JsonValueKind.Number, "a number");
        var divisor = JsonNumber.From(value);
        if (divisor.Double <= 0)
        {
            throw builder.Invalid("multipleOf", "must be greater than 0");
        }

        return new MultipleOfValidator(builder.Position, divisor, value.GetRawText());
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated) =>
        instance.ValueKind != JsonValueKind.Number || JsonNumber.From(instance).IsMultipleOf(_divisor) || context.Fail(this, _message);
}
