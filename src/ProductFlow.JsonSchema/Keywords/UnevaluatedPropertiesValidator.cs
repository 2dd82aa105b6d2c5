using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>unevaluatedProperties</c>: properties no other keyword (including those reached through
/// in-place applicators and references) evaluated successfully must match the schema.</summary>
/// <remarks>Runs last in its schema; reads the annotation set its node gathers.</remarks>
internal sealed class UnevaluatedPropertiesValidator(SchemaPosition position, SchemaNode schema) : KeywordValidator(position, "unevaluatedProperties")
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var position = -1;
        foreach (var property in instance.EnumerateObject())
        {
            position++;
            if (evaluated!.IsMarked(position))
            {
                continue;
            }

            if (!ChildValidator.ValidateProperty(this, schema, property, context))
            {
                valid = false;
                if (!context.Collecting)
                {
                    return false;
                }
            }
        }

        if (valid)
        {
            evaluated!.MarkAll();
        }

        return valid;
    }
}
