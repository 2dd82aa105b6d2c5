using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>prefixItems</c> (and draft-07's array form of <c>items</c>): item i must match schema i.</summary>
internal sealed class PrefixItemsValidator : KeywordValidator
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _paths;

    private PrefixItemsValidator(SchemaPosition position, string keyword, SchemaNode[] schemas)
        : base(position, keyword)
    {
        _schemas = schemas;
        _paths = [.. Enumerable.Range(0, schemas.Length).Select(i => keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    public int Count => _schemas.Length;

    public static PrefixItemsValidator Create(NodeBuilder builder, string keyword, JsonElement value)
    {
        builder.Expect(keyword, value, JsonValueKind.Array, "an array of schemas");
        var schemas = new SchemaNode[value.GetArrayLength()];
        for (var i = 0; i < schemas.Length; i++)
        {
            schemas[i] = builder.Subschema(keyword, i);
        }

        return new PrefixItemsValidator(builder.Position, keyword, schemas);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var collecting = context.Collecting;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (index >= _schemas.Length)
            {
                break;
            }

            evaluated?.Mark(index);
            if (collecting)
            {
                context.PushKeyword(_paths[index]);
                context.PushIndex(index);
            }

            var ok = _schemas[index].Validate(item, context, null);
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

            index++;
        }

        return valid;
    }
}
