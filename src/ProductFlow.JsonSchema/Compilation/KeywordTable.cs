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

        if (dialect.Has(Vocabularies.FormatAnnotation | Vocabularies.FormatAssertion) && b.TryGet("format", out var format))
        {
            Add(list, FormatValidator.Create(b, format));
        }

        if (b.TryGet("$ref", out var reference))
        {
            list.Add(Reference(b, "$ref", reference));
        }

        if (!dialect.IsDraft7 && b.TryGet("$dynamicRef", out var dynamicReference))
        {
            list.Add(DynamicReference(b, dynamicReference));
        }

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

        return [.. list];
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

        foreach (var keyword in (string[])["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"])
        {
            if (b.TryGet(keyword, out var limit))
            {
                if (b.Dialect.IsDraft7 && limit.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    continue;
                }

                list.Add(NumberLimitValidator.Create(b, keyword, limit));
            }
        }

        foreach (var keyword in (string[])["minLength", "maxLength"])
        {
            if (b.TryGet(keyword, out var length))
            {
                list.Add(new StringLengthValidator(b.Position, keyword, b.Count(keyword, length)));
            }
        }

        if (b.TryGet("pattern", out var pattern))
        {
            list.Add(PatternValidator.Create(b, pattern));
        }

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

        if (b.TryGet("required", out var required))
        {
            Add(list, RequiredValidator.Create(b, "required", required));
        }

        var dependentKeyword = b.Dialect.IsDraft7 ? "dependencies" : "dependentRequired";
        if (b.TryGet(dependentKeyword, out var dependentRequired))
        {
            Add(list, DependentRequiredValidator.Create(b, dependentKeyword, dependentRequired));
        }
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
