using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary>The <c>false</c> schema: nothing is valid.</summary>
internal sealed class FalseSchemaValidator(SchemaPosition position) : KeywordValidator(position, string.Empty)
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated) =>
        context.Fail(this, "no value is allowed here");
}
