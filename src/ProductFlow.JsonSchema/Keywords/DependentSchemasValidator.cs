using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Loading;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>dependentSchemas</c> (and the schema form of draft-07 <c>dependencies</c>): when a
/// property is present, the whole object must also match a schema.</summary>
internal sealed class DependentSchemasValidator : KeywordValidator
{
    private readonly (string Trigger, SchemaNode Schema, string Path)[] _rules;

    private DependentSchemasValidator(SchemaPosition position, string keyword, (string, SchemaNode, string)[] rules)
        : base(position, keyword)
    {
        _rules = rules;
    }

    public static DependentSchemasValidator? Create(NodeBuilder builder, string keyword, JsonElement value)
    {
        builder.Expect(keyword, value, JsonValueKind.Object, "an object");
        var rules = new List<(string, SchemaNode, string)>();
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Array && keyword == "dependencies")
            {
                continue;
            }

            rules.Add((entry.Name, builder.Subschema(keyword, entry.Name), keyword + "/" + JsonPointer.Escape(entry.Name)));
        }

        return rules.Count == 0 ? null : new DependentSchemasValidator(builder.Position, keyword, [.. rules]);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var collecting = context.Collecting;
        foreach (var (trigger, schema, path) in _rules)
        {
            if (!instance.TryGetProperty(trigger, out _))
            {
                continue;
            }

            if (collecting)
            {
                context.PushKeyword(path);
            }

            var ok = schema.Validate(instance, context, evaluated);
            if (collecting)
            {
                context.PopKeyword();
            }

            if (!ok)
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
}
