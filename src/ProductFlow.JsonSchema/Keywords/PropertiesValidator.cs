using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Loading;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>properties</c>: each declared property present in the object must match its schema.</summary>
/// <remarks>One pass over the instance; names are found by hash lookup, not by a scan per declared name.</remarks>
internal sealed class PropertiesValidator : KeywordValidator
{
    private readonly StringTable _names;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _paths;

    private PropertiesValidator(SchemaPosition position, StringTable names, SchemaNode[] schemas, string[] paths)
        : base(position, "properties")
    {
        _names = names;
        _schemas = schemas;
        _paths = paths;
    }

    public StringTable Names => _names;

    public static PropertiesValidator Create(NodeBuilder builder, JsonElement value)
    {
        builder.Expect("properties", value, JsonValueKind.Object, "an object");
        var names = new List<string>();
        var schemas = new List<SchemaNode>();
        var paths = new List<string>();
        foreach (var property in value.EnumerateObject())
        {
            names.Add(property.Name);
            schemas.Add(builder.Subschema("properties", property.Name));
            paths.Add("properties/" + JsonPointer.Escape(property.Name));
        }

        return new PropertiesValidator(builder.Position, new StringTable(names), [.. schemas], [.. paths]);
    }

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
            var index = _names.IndexOfName(property);
            if (index < 0)
            {
                continue;
            }

            evaluated?.Mark(position);
            if (collecting)
            {
                context.PushKeyword(_paths[index]);
                context.PushProperty(property.Name);
            }

            var ok = _schemas[index].Validate(property.Value, context, null);
            if (collecting)
            {
                context.PopInstance();
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
