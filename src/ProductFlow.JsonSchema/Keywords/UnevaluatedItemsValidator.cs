using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>unevaluatedItems</c>: items no other keyword evaluated must match the schema.</summary>
internal sealed class UnevaluatedItemsValidator(SchemaPosition position, SchemaNode schema) : KeywordValidator(position, "unevaluatedItems")
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (!evaluated!.IsMarked(index) && !ChildValidator.ValidateItem(this, schema, item, index, context))
            {
                valid = false;
                if (!context.Collecting)
                {
                    return false;
                }
            }

            index++;
        }

        if (valid)
        {
            evaluated!.MarkAll();
        }

        return valid;
    }
}
