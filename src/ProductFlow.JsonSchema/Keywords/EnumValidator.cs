using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>enum</c>: the instance must equal one of the values; strings are found by hash lookup.</summary>
internal sealed class EnumValidator : KeywordValidator
{
    private readonly StringTable _strings;
    private readonly JsonElement[] _others;
    private readonly string _message;

    private EnumValidator(SchemaPosition position, StringTable strings, JsonElement[] others, string description)
        : base(position, "enum")
    {
        _strings = strings;
        _others = others;
        _message = "must be one of: " + description;
    }

    /// <summary>The values, strings and others apart.</summary>
    public IReadOnlyList<string> Strings => _strings.Strings;

    public IReadOnlyList<JsonElement> Others => _others;

    public static EnumValidator Create(NodeBuilder builder, JsonElement value)
    {
        builder.Expect("enum", value, JsonValueKind.Array, "an array");
        var strings = new List<string>();
        var others = new List<JsonElement>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                strings.Add(item.GetString()!);
            }
            else
            {
                others.Add(item);
            }
        }

        var description = string.Join(", ", value.EnumerateArray().Select(ValueText.Of));
        return new EnumValidator(builder.Position, new StringTable(strings), [.. others], description);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind == JsonValueKind.String)
        {
            if (_strings.Count > 0 && _strings.IndexOfValue(instance) >= 0)
            {
                return true;
            }
        }
        else
        {
            foreach (var other in _others)
            {
                if (JsonEquality.AreEqual(instance, other))
                {
                    return true;
                }
            }
        }

        return context.Fail(this, _message);
    }
}
