using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary>One schema for every item from <paramref name="start"/> on: 2020-12 <c>items</c> (after
/// <c>prefixItems</c>), draft-07 <c>items</c> as an object, or draft-07 <c>additionalItems</c>.</summary>
internal sealed class ItemsValidator(SchemaPosition position, string keyword, SchemaNode schema, int start) : KeywordValidator(position, keyword)
{
    /// <summary>The first index the schema applies to (0 unless after <c>prefixItems</c> or draft-07 <c>items</c> as an array).</summary>
    public int Start => start;

    public SchemaNode Schema => schema;

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        evaluated?.MarkAll();
        if (schema.AcceptsAll)
        {
            return true;
        }

        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (index >= start && !ChildValidator.ValidateItem(this, schema, item, index, context))
            {
                valid = false;
                if (!context.Collecting)
                {
                    return false;
                }
            }

            index++;
        }

        return valid;
    }
}
