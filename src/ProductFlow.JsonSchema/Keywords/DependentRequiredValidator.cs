using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>dependentRequired</c> (and the array form of draft-07 <c>dependencies</c>).</summary>
internal sealed class DependentRequiredValidator : KeywordValidator
{
    private readonly (string Trigger, RequiredValidator Required)[] _rules;

    private DependentRequiredValidator(SchemaPosition position, string keyword, (string, RequiredValidator)[] rules)
        : base(position, keyword)
    {
        _rules = rules;
    }

    /// <summary>Reads <c>{"a": ["b", "c"]}</c>; in draft-07 <c>dependencies</c> only the array-valued entries.</summary>
    public static DependentRequiredValidator? Create(NodeBuilder builder, string keyword, JsonElement value)
    {
        builder.Expect(keyword, value, JsonValueKind.Object, "an object");
        var rules = new List<(string, RequiredValidator)>();
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array)
            {
                if (keyword == "dependentRequired")
                {
                    throw builder.Invalid(keyword, "values must be arrays of property names");
                }

                continue;
            }

            var required = RequiredValidator.Create(builder, keyword, entry.Value);
            if (required is not null)
            {
                rules.Add((entry.Name, required));
            }
        }

        return rules.Count == 0 ? null : new DependentRequiredValidator(builder.Position, keyword, [.. rules]);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (trigger, required) in _rules)
        {
            if (instance.TryGetProperty(trigger, out _) && !required.Check(instance, context, trigger))
            {
                valid = false;
                if (!context.Collecting)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
