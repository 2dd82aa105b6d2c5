using System.Text.Json;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>const</c>: the instance must equal one value.</summary>
internal sealed class ConstValidator(SchemaPosition position, JsonElement expected) : KeywordValidator(position, "const")
{
    private readonly string _message = "must be equal to " + ValueText.Of(expected);

    public JsonElement Expected => expected;

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated) =>
        JsonEquality.AreEqual(instance, expected) || context.Fail(this, _message);
}
