using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>additionalProperties</c>: properties not covered by sibling <c>properties</c> or
/// <c>patternProperties</c> must match the schema.</summary>
internal sealed class AdditionalPropertiesValidator(SchemaPosition position, SchemaNode schema, StringTable? names, Regex[] regexes)
    : KeywordValidator(position, "additionalProperties")
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var collecting = context.Collecting;
        var position = -1;
        foreach (var property in instance.EnumerateObject())
        {
            position++;
            if (IsDeclared(property))
            {
                continue;
            }

            evaluated?.Mark(position);
            if (!ChildValidator.ValidateProperty(this, schema, property, context))
            {
                valid = false;
                if (!collecting)
                {
                    return false;
                }
            }
        }

        return valid;
    }

    private bool IsDeclared(JsonProperty property)
    {
        if (names is not null && names.IndexOfName(property) >= 0)
        {
            return true;
        }

        foreach (var regex in regexes)
        {
            if (PatternValidator.NameMatches(regex, property))
            {
                return true;
            }
        }

        return false;
    }
}
