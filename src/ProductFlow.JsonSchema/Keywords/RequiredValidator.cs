using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>required</c>: one pass over the object marks which required names are present.</summary>
/// <remarks>The error's instance location is the object; the message names the missing property.</remarks>
internal sealed class RequiredValidator : KeywordValidator
{
    private const int StackLimit = 256;

    private readonly StringTable _names;

    private RequiredValidator(SchemaPosition position, string keyword, StringTable names)
        : base(position, keyword)
    {
        _names = names;
    }

    /// <summary>The required names, without duplicates.</summary>
    public IReadOnlyList<string> Names => _names.Strings;

    public static RequiredValidator? Create(NodeBuilder builder, string keyword, JsonElement value)
    {
        var names = ReadNames(builder, keyword, value).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? null : new RequiredValidator(builder.Position, keyword, new StringTable(names));
    }

    public static List<string> ReadNames(NodeBuilder builder, string keyword, JsonElement value)
    {
        builder.Expect(keyword, value, JsonValueKind.Array, "an array of property names");
        var names = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            names.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw builder.Invalid(keyword, index, "must be a property name (string)"));
            index++;
        }

        return names;
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated) =>
        instance.ValueKind != JsonValueKind.Object || Check(instance, context, null);

    /// <summary>Checks the names are present; <paramref name="becauseOf"/> names the property that made them required.</summary>
    public bool Check(JsonElement instance, ValidationContext context, string? becauseOf)
    {
        var count = _names.Count;
        Span<bool> seen = count <= StackLimit ? stackalloc bool[count] : new bool[count];
        var found = 0;
        foreach (var property in instance.EnumerateObject())
        {
            var index = _names.IndexOfName(property);
            if (index >= 0 && !seen[index])
            {
                seen[index] = true;
                if (++found == count)
                {
                    return true;
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (!seen[i])
            {
                if (!context.Collecting)
                {
                    return false;
                }

                context.Fail(this, becauseOf is null
                    ? $"required property '{_names.Strings[i]}' is missing"
                    : $"property '{_names.Strings[i]}' is required when '{becauseOf}' is present");
            }
        }

        return false;
    }
}
