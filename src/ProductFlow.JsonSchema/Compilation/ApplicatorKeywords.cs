using System.Text.Json;
using ProductFlow.JsonSchema.Keywords;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Compilation;

/// <summary>Builds the applicator vocabulary's validators (subschemas applied to parts or all of the instance).</summary>
internal static class ApplicatorKeywords
{
    public static void Add(NodeBuilder b, List<KeywordValidator> list)
    {
        AddItems(b, list);

        if (b.TryGet("contains", out _))
        {
            list.Add(Contains(b));
        }

        if (b.TryGet("propertyNames", out _))
        {
            list.Add(new PropertyNamesValidator(b.Position, b.Subschema("propertyNames")));
        }

        var dependentKeyword = b.Dialect.IsDraft7 ? "dependencies" : "dependentSchemas";
        if (b.TryGet(dependentKeyword, out var dependentSchemas))
        {
            var validator = DependentSchemasValidator.Create(b, dependentKeyword, dependentSchemas);
            if (validator is not null)
            {
                list.Add(validator);
            }
        }

        if (b.TryGet("allOf", out var allOf))
        {
            list.Add(new AllOfValidator(b.Position, Subschemas(b, "allOf", allOf)));
        }

        if (b.TryGet("anyOf", out var anyOf))
        {
            list.Add(new AnyOfValidator(b.Position, Subschemas(b, "anyOf", anyOf)));
        }

        if (b.TryGet("oneOf", out var oneOf))
        {
            list.Add(new OneOfValidator(b.Position, Subschemas(b, "oneOf", oneOf)));
        }

        if (b.TryGet("not", out _))
        {
            list.Add(new NotValidator(b.Position, b.Subschema("not")));
        }

        if (b.TryGet("if", out _))
        {
            var then = b.TryGet("then", out _) ? b.Subschema("then") : null;
            var otherwise = b.TryGet("else", out _) ? b.Subschema("else") : null;
            var condition = b.Subschema("if");
            list.Add(new IfThenElseValidator(b.Position, condition, then, otherwise));
        }
    }

    private static void AddItems(NodeBuilder b, List<KeywordValidator> list)
    {
        if (b.Dialect.IsDraft7)
        {
            if (!b.TryGet("items", out var items))
            {
                return;
            }

            if (items.ValueKind == JsonValueKind.Array)
            {
                var prefix = PrefixItemsValidator.Create(b, "items", items);
                list.Add(prefix);
                if (b.TryGet("additionalItems", out _))
                {
                    list.Add(new ItemsValidator(b.Position, "additionalItems", b.Subschema("additionalItems"), prefix.Count));
                }
            }
            else
            {
                list.Add(new ItemsValidator(b.Position, "items", b.Subschema("items"), 0));
            }

            return;
        }

        var start = 0;
        if (b.TryGet("prefixItems", out var prefixItems))
        {
            var prefix = PrefixItemsValidator.Create(b, "prefixItems", prefixItems);
            start = prefix.Count;
            list.Add(prefix);
        }

        if (b.TryGet("items", out _))
        {
            list.Add(new ItemsValidator(b.Position, "items", b.Subschema("items"), start));
        }
    }

    private static ContainsValidator Contains(NodeBuilder b)
    {
        var schema = b.Subschema("contains");
        var min = 1;
        int? max = null;
        var minDeclared = false;
        if (!b.Dialect.IsDraft7 && b.Dialect.Has(Loading.Vocabularies.Validation))
        {
            if (b.TryGet("minContains", out var minValue))
            {
                min = b.Count("minContains", minValue);
                minDeclared = true;
            }

            if (b.TryGet("maxContains", out var maxValue))
            {
                max = b.Count("maxContains", maxValue);
            }
        }

        return new ContainsValidator(b.Position, schema, min, max, minDeclared);
    }

    private static SchemaNode[] Subschemas(NodeBuilder b, string keyword, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw b.Invalid(keyword, "must be a non-empty array of schemas");
        }

        var nodes = new SchemaNode[value.GetArrayLength()];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = b.Subschema(keyword, i);
        }

        return nodes;
    }
}
