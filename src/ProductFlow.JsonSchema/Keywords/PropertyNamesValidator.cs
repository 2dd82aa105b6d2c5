using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>propertyNames</c>: every property name, as a string instance, must match the schema.</summary>
/// <remarks>Names are only materialised as JSON strings when the schema has to look at them; the
/// error is reported at the object and names the property.</remarks>
internal sealed class PropertyNamesValidator(SchemaPosition position, SchemaNode schema) : KeywordValidator(position, "propertyNames")
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object || schema.AcceptsAll)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            // A property name is not addressable inside the instance, so it becomes its own tiny document.
            using var name = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(property.Name));
            var errors = context.Mute();
            var ok = schema.Validate(name.RootElement, context, null);
            context.CollectInto(errors);
            if (!ok)
            {
                if (!context.Collecting)
                {
                    return false;
                }

                valid = false;
                context.Fail(this, $"property name '{property.Name}' is not valid");
            }
        }

        return valid;
    }
}
