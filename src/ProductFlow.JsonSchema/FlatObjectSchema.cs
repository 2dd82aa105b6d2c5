using ProductFlow.JsonSchema.Flat;
using ProductFlow.JsonSchema.Keywords;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema;

/// <summary>A schema of a flat object (properties holding strings, numbers, booleans or arrays of strings) compiled to checks on
/// the property values themselves, so a caller that holds the values need not write and parse them as JSON.</summary>
/// <remarks>
/// Made by <see cref="JsonSchema.ToFlatObject"/> from an object schema whose root uses only <c>type</c> (allowing objects),
/// <c>properties</c>, <c>required</c> and <c>additionalProperties</c> as a boolean, and whose property subschemas use only the
/// keywords <see cref="FlatValueCheck"/> covers; any other keyword (<c>$ref</c>, <c>allOf</c>, <c>if</c>, <c>patternProperties</c>,
/// ...) leaves the schema to <see cref="JsonSchema.IsValid"/>. Every check gives the verdict <see cref="JsonSchema.IsValid"/>
/// gives the object written as JSON (numbers as numbers, absent properties left out); there are no messages here: for the
/// errors of an invalid object, validate its JSON. Immutable, safe to share between threads.
/// </remarks>
public sealed class FlatObjectSchema
{
    private readonly Dictionary<string, int> _index;
    private readonly FlatValueCheck[] _checks;
    private readonly bool[] _required;

    private FlatObjectSchema(List<string> names, List<FlatValueCheck> checks, List<bool> required, bool acceptsUnnamed)
    {
        Names = names;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            // A name given twice keeps its first index, as the validator's name table does.
            _index.TryAdd(names[i], i);
        }

        _checks = [.. checks];
        _required = [.. required];
        AcceptsUnnamed = acceptsUnnamed;
    }

    /// <summary>The property names the schema names (in <c>properties</c> or <c>required</c>), each with an index.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether a property the schema does not name may be present (no <c>additionalProperties: false</c>).</summary>
    public bool AcceptsUnnamed { get; }

    /// <summary>The index of a named property, or -1 for a name the schema does not name (see <see cref="AcceptsUnnamed"/>).</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    /// <summary>Whether the object must have property <paramref name="index"/>.</summary>
    public bool IsRequired(int index) => _required[index];

    public bool AcceptsString(int index, ReadOnlySpan<char> value) => _checks[index].AcceptsString(value);

    public bool AcceptsNumber(int index, decimal value) => _checks[index].AcceptsNumber(value);

    public bool AcceptsBoolean(int index, bool value) => _checks[index].AcceptsBoolean(value);

    /// <summary>Whether property <paramref name="index"/> may be an array of <paramref name="count"/> strings; each item is then
    /// checked with <see cref="AcceptsItem"/>.</summary>
    public bool AcceptsArray(int index, int count) => _checks[index].AcceptsArray(count);

    public bool AcceptsItem(int index, ReadOnlySpan<char> item) => _checks[index].AcceptsItem(item);

    internal static FlatObjectSchema? From(SchemaNode root)
    {
        if (root.RejectsAll)
        {
            return null;
        }

        PropertiesValidator? shape = null;
        foreach (var keyword in root.Keywords)
        {
            switch (keyword)
            {
                case TypeValidator type when type.Accepts(FlatKind.Object, false):
                    break;
                case PropertiesValidator properties when !properties.HasPatterns && properties.Additional is null or { AcceptsAll: true } or { RejectsAll: true }:
                    shape = properties;
                    break;
                default:
                    return null;
            }
        }

        var names = new List<string>();
        var checks = new List<FlatValueCheck>();
        var required = new List<bool>();
        var unnamed = shape?.Additional is { RejectsAll: true } ? FlatValueCheck.RejectsAll : FlatValueCheck.AcceptsAll;
        for (var i = 0; i < (shape?.Names.Count ?? 0); i++)
        {
            // A name only "required" lists is not "declared": additionalProperties applies to its value.
            var check = shape!.Schemas[i] is { } schema ? FlatValueCheck.From(schema) : unnamed;
            if (check is null)
            {
                return null;
            }

            names.Add(shape.Names[i]);
            checks.Add(check);
            required.Add(shape.IsRequired(i));
        }

        return new FlatObjectSchema(names, checks, required, ReferenceEquals(unnamed, FlatValueCheck.AcceptsAll));
    }
}
