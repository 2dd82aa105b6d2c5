using System.Globalization;
using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary>Applies a keyword's single subschema to one property or item, keeping paths and messages right.</summary>
internal static class ChildValidator
{
    /// <summary>Validates a property value against <paramref name="schema"/> (the keyword's own subschema).</summary>
    /// <remarks>A <c>false</c> schema reports "property 'x' is not allowed" instead of a bare "no value is allowed here".</remarks>
    public static bool ValidateProperty(KeywordValidator keyword, SchemaNode schema, JsonProperty property, ValidationContext context) =>
        ValidateProperty(keyword.KeywordSegment, keyword.AbsoluteLocation, schema, property, context);

    /// <summary>As above, for a keyword identified by its escaped segment and absolute location.</summary>
    public static bool ValidateProperty(string keywordSegment, string absoluteLocation, SchemaNode schema, JsonProperty property, ValidationContext context)
    {
        if (!context.Collecting)
        {
            return schema.Validate(property.Value, context, null);
        }

        context.PushProperty(property);
        bool ok;
        if (schema.RejectsAll)
        {
            ok = context.Fail(keywordSegment, absoluteLocation, $"property '{property.Name}' is not allowed");
        }
        else
        {
            context.PushKeyword(keywordSegment);
            ok = schema.Validate(property.Value, context, null);
            context.PopKeyword();
        }

        context.PopInstance();
        return ok;
    }

    /// <summary>Validates an array item against the keyword's single subschema.</summary>
    public static bool ValidateItem(KeywordValidator keyword, SchemaNode schema, JsonElement item, int index, ValidationContext context)
    {
        if (!context.Collecting)
        {
            return schema.Validate(item, context, null);
        }

        context.PushIndex(index);
        bool ok;
        if (schema.RejectsAll)
        {
            ok = context.Fail(keyword, string.Create(CultureInfo.InvariantCulture, $"item {index} is not allowed (too many items)"));
        }
        else
        {
            context.PushKeyword(keyword.KeywordSegment);
            ok = schema.Validate(item, context, null);
            context.PopKeyword();
        }

        context.PopInstance();
        return ok;
    }
}
