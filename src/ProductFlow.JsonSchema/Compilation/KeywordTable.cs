using System.Text.Json;
using ProductFlow.JsonSchema.Keywords;
using ProductFlow.JsonSchema.Loading;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Compilation;

/// <summary>Turns one schema object into its keyword validators, in evaluation order: cheap type and
/// value assertions first, applicators next, unevaluated keywords last (they read the others' annotations).</summary>
/// <remarks>Keywords of vocabularies the dialect does not enable, and unknown keywords, are ignored.
/// In draft-07 a <c>$ref</c> hides all its siblings.</remarks>
internal static class KeywordTable
{
    public static KeywordValidator[] Build(NodeBuilder b)
    {
        switch (b.Element.ValueKind)
        {
            case JsonValueKind.True:
                return [];
            case JsonValueKind.False:
                return [new FalseSchemaValidator(b.Position)];
        }

        var dialect = b.Dialect;

        // Definitions are compiled even when nothing references them, so their errors surface at load time.
        if (b.TryGet(dialect.IsDraft7 ? "definitions" : "$defs", out var definitions) && definitions.ValueKind == JsonValueKind.Object)
        {
            foreach (var definition in definitions.EnumerateObject())
            {
                b.Subschema(dialect.IsDraft7 ? "definitions" : "$defs", definition.Name);
            }
        }

        if (dialect.IsDraft7 && b.TryGet("$ref", out var draft7Ref))
        {
            return [Reference(b, "$ref", draft7Ref)];
        }

        var list = new List<KeywordValidator>();
        if (dialect.Has(Vocabularies.Validation))
        {
            AddValidation(b, list);
        }

        Add(list, StringValidator.Create(b, dialect.Has(Vocabularies.Validation), dialect.Has(Vocabularies.FormatAnnotation | Vocabularies.FormatAssertion)));

        if (b.TryGet("$ref", out var reference))
        {
            list.Add(Reference(b, "$ref", reference));
        }

        if (!dialect.IsDraft7 && b.TryGet("$dynamicRef", out var dynamicReference))
        {
            list.Add(DynamicReference(b, dynamicReference));
        }

        Add(list, ObjectShape(b, dialect.Has(Vocabularies.Applicator), dialect.Has(Vocabularies.Validation)));
        if (dialect.Has(Vocabularies.Applicator))
        {
            ApplicatorKeywords.Add(b, list);
        }

        if (!dialect.IsDraft7 && dialect.Has(Vocabularies.Unevaluated))
        {
            if (b.TryGet("unevaluatedItems", out _))
            {
                list.Add(new UnevaluatedItemsValidator(b.Position, b.Subschema("unevaluatedItems")));
                b.NeedsOwnAnnotations = true;
            }

            if (b.TryGet("unevaluatedProperties", out _))
            {
                list.Add(new UnevaluatedPropertiesValidator(b.Position, b.Subschema("unevaluatedProperties")));
                b.NeedsOwnAnnotations = true;
            }
        }

        FoldType(list);
        return [.. list];
    }

    /// <summary>A lone "string"/"number" type is checked by that family's validator instead of by its own call.</summary>
    private static void FoldType(List<KeywordValidator> list)
    {
        if (list.Count == 0 || list[0] is not TypeValidator { SingleKind: { } kind } type)
        {
            return;
        }

        foreach (var validator in list)
        {
            switch (validator)
            {
                case StringValidator text when kind == JsonValueKind.String:
                    text.Type = type;
                    list.RemoveAt(0);
                    return;
                case NumberLimitValidator number when kind == JsonValueKind.Number:
                    number.Type = type;
                    list.RemoveAt(0);
                    return;
            }
        }
    }

    private static void AddValidation(NodeBuilder b, List<KeywordValidator> list)
    {
        if (b.TryGet("type", out var type))
        {
            list.Add(TypeValidator.Create(b, type));
        }

        if (b.TryGet("const", out var constant))
        {
            list.Add(new ConstValidator(b.Position, constant));
        }

        if (b.TryGet("enum", out var enumeration))
        {
            list.Add(EnumValidator.Create(b, enumeration));
        }

        if (b.TryGet("multipleOf", out var multipleOf))
        {
            list.Add(MultipleOfValidator.Create(b, multipleOf));
        }

        Add(list, NumberLimitValidator.Create(b));

        foreach (var keyword in (string[])["minItems", "maxItems", "minProperties", "maxProperties"])
        {
            if (b.TryGet(keyword, out var count))
            {
                list.Add(new CountValidator(b.Position, keyword, b.Count(keyword, count)));
            }
        }

        if (b.TryGet("uniqueItems", out var unique))
        {
            if (b.Expect("uniqueItems", unique, unique.ValueKind is JsonValueKind.True ? JsonValueKind.True : JsonValueKind.False, "a boolean").ValueKind == JsonValueKind.True)
            {
                list.Add(new UniqueItemsValidator(b.Position));
            }
        }

        var dependentKeyword = b.Dialect.IsDraft7 ? "dependencies" : "dependentRequired";
        if (b.TryGet(dependentKeyword, out var dependentRequired))
        {
            Add(list, DependentRequiredValidator.Create(b, dependentKeyword, dependentRequired));
        }
    }

    /// <summary><c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c> (applicator) and
    /// <c>required</c> (validation) as one validator; <c>null</c> when none is present.</summary>
    private static PropertiesValidator? ObjectShape(NodeBuilder b, bool applicator, bool validation)
    {
        var properties = new List<(string, SchemaNode)>();
        var patterns = new List<PatternSchema>();
        SchemaNode? additional = null;
        if (applicator)
        {
            if (b.TryGet("properties", out var propertiesValue))
            {
                foreach (var property in b.Expect("properties", propertiesValue, JsonValueKind.Object, "an object").EnumerateObject())
                {
                    properties.Add((property.Name, b.Subschema("properties", property.Name)));
                }
            }

            if (b.TryGet("patternProperties", out var patternValue))
            {
                foreach (var property in b.Expect("patternProperties", patternValue, JsonValueKind.Object, "an object").EnumerateObject())
                {
                    var regex = PatternMatching.CheckedRegex(b, "patternProperties", property.Name);
                    patterns.Add(new PatternSchema(regex, b.Subschema("patternProperties", property.Name), "patternProperties/" + JsonPointer.Escape(property.Name)));
                }
            }

            if (b.TryGet("additionalProperties", out _))
            {
                additional = b.Subschema("additionalProperties");
            }
        }

        var required = validation && b.TryGet("required", out var requiredValue) ? RequiredValidator.Create(b, "required", requiredValue) : null;
        if (properties.Count == 0 && patterns.Count == 0 && additional is null && required is null)
        {
            return null;
        }

        return new PropertiesValidator(b.Position, new PropertiesParts(properties, patterns, additional, required));
    }

    private static RefValidator Reference(NodeBuilder b, string keyword, JsonElement value)
    {
        var target = b.Reference(keyword, b.ExpectString(keyword, value), out _);
        return new RefValidator(b.Position, keyword, target);
    }

    private static KeywordValidator DynamicReference(NodeBuilder b, JsonElement value)
    {
        var target = b.Reference("$dynamicRef", b.ExpectString("$dynamicRef", value), out var absolute);
        var fragment = UriReference.SplitFragment(absolute).Fragment;
        var anchored = !string.IsNullOrEmpty(fragment) && JsonPointer.FromFragment(fragment) is null
            && target.DynamicAnchor == fragment;
        if (!anchored)
        {
            return new RefValidator(b.Position, "$dynamicRef", target);
        }

        b.Compiler.UsesDynamicScope = true;
        return new DynamicRefValidator(b.Position, target, fragment!);
    }

    private static void Add(List<KeywordValidator> list, KeywordValidator? validator)
    {
        if (validator is not null)
        {
            list.Add(validator);
        }
    }
}
