using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>not</c>: the subschema must not match (its own errors are irrelevant and not reported).</summary>
internal sealed class NotValidator(SchemaPosition position, SchemaNode schema) : KeywordValidator(position, "not")
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        var errors = context.Mute();
        var matched = schema.Validate(instance, context, null);
        context.CollectInto(errors);
        return !matched || context.Fail(this, "must not match the schema in not");
    }
}
