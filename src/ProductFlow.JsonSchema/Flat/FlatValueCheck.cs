using System.Text.Json;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Keywords;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Flat;

/// <summary>One compiled subschema as checks on a plain value (a string, a number, a boolean, or an array of strings),
/// giving the verdict the subschema's keyword validators give the same value as JSON.</summary>
/// <remarks>
/// Built from the validators themselves (<see cref="SchemaNode.Keywords"/>), so keyword order, folded types and ignored
/// annotations are whatever the compiler made of the schema. Covered: <c>type</c>, <c>enum</c> and <c>const</c> of strings,
/// plain numbers, booleans and null; the string family (<c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>format</c>);
/// <c>minimum</c>/<c>maximum</c> and their exclusive forms with plain limits; <c>minItems</c>/<c>maxItems</c>; <c>items</c>
/// with a covered subschema; <c>minProperties</c>/<c>maxProperties</c> (which a plain value always passes). Anything else
/// makes <see cref="From"/> return <c>null</c>.
/// </remarks>
internal sealed class FlatValueCheck
{
    private readonly bool _rejectsAll;
    private readonly TypeValidator[] _types;
    private readonly ValueSet[] _sets;
    private readonly StringValidator[] _strings;
    private readonly NumberLimitValidator[] _numbers;
    private readonly CountValidator[] _counts;
    private readonly FlatValueCheck? _items;

    private FlatValueCheck(bool rejectsAll, TypeValidator[] types, ValueSet[] sets, StringValidator[] strings, NumberLimitValidator[] numbers, CountValidator[] counts, FlatValueCheck? items)
    {
        _rejectsAll = rejectsAll;
        _types = types;
        _sets = sets;
        _strings = strings;
        _numbers = numbers;
        _counts = counts;
        _items = items;
    }

    /// <summary>Accepts every value (the <c>true</c> schema, or no schema at all).</summary>
    public static FlatValueCheck AcceptsAll { get; } = new(false, [], [], [], [], [], null);

    /// <summary>Accepts no value (the <c>false</c> schema).</summary>
    public static FlatValueCheck RejectsAll { get; } = new(true, [], [], [], [], [], null);

    /// <summary>The checks of <paramref name="node"/>, or <c>null</c> when it uses a keyword they do not cover.</summary>
    public static FlatValueCheck? From(SchemaNode node)
    {
        if (node.RejectsAll)
        {
            return RejectsAll;
        }

        var types = new List<TypeValidator>();
        var sets = new List<ValueSet>();
        var strings = new List<StringValidator>();
        var numbers = new List<NumberLimitValidator>();
        var counts = new List<CountValidator>();
        FlatValueCheck? items = null;
        foreach (var keyword in node.Keywords)
        {
            switch (keyword)
            {
                case TypeValidator type:
                    types.Add(type);
                    break;
                case EnumValidator enumeration when ValueSet.From(enumeration.Strings, enumeration.Others) is { } set:
                    sets.Add(set);
                    break;
                case ConstValidator constant when ValueSet.From([], [constant.Expected]) is { } set:
                    sets.Add(set);
                    break;
                case StringValidator text:
                    strings.Add(text);
                    AddType(types, text.Type);
                    break;
                case NumberLimitValidator number when number.LimitsArePlain:
                    numbers.Add(number);
                    AddType(types, number.Type);
                    break;
                case CountValidator count:
                    counts.Add(count);
                    break;
                case ItemsValidator { Start: 0, KeywordSegment: "items" } list when items is null && From(list.Schema) is { } itemCheck:
                    items = itemCheck;
                    break;
                default:
                    return null;
            }
        }

        return new FlatValueCheck(false, [.. types], [.. sets], [.. strings], [.. numbers], [.. counts], items);
    }

    /// <summary>A string; text with a lone surrogate is never accepted (it cannot be written as JSON: the caller's JSON path decides).</summary>
    public bool AcceptsString(ReadOnlySpan<char> text)
    {
        if (_rejectsAll || !TypesAccept(FlatKind.String, false) || !IsValidUtf16(text))
        {
            return false;
        }

        foreach (var set in _sets)
        {
            if (!set.Contains(text))
            {
                return false;
            }
        }

        foreach (var family in _strings)
        {
            if (!family.Accepts(text))
            {
                return false;
            }
        }

        return true;
    }

    public bool AcceptsNumber(decimal value)
    {
        if (_rejectsAll || !TypesAccept(FlatKind.Number, decimal.Truncate(value) == value))
        {
            return false;
        }

        foreach (var set in _sets)
        {
            if (!set.Contains(value))
            {
                return false;
            }
        }

        foreach (var limits in _numbers)
        {
            if (!limits.Accepts(value))
            {
                return false;
            }
        }

        return true;
    }

    public bool AcceptsBoolean(bool value)
    {
        if (_rejectsAll || !TypesAccept(FlatKind.Boolean, false))
        {
            return false;
        }

        foreach (var set in _sets)
        {
            if (!set.Contains(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An array of <paramref name="count"/> strings, apart from its items (see <see cref="AcceptsItem"/>).</summary>
    /// <remarks>A value set holds no arrays (<see cref="ValueSet.From"/>), so an array is never in one.</remarks>
    public bool AcceptsArray(int count)
    {
        if (_rejectsAll || _sets.Length > 0 || !TypesAccept(FlatKind.Array, false))
        {
            return false;
        }

        foreach (var limit in _counts)
        {
            if (limit.Kind == JsonValueKind.Array && !limit.AcceptsCount(count))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One item of an array the schema's <c>items</c> applies to.</summary>
    public bool AcceptsItem(ReadOnlySpan<char> item) => _items is null || _items.AcceptsString(item);

    private static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAny(JsonText.Surrogates);
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            i += 2;
            var next = text[i..].IndexOfAny(JsonText.Surrogates);
            i = next < 0 ? -1 : i + next;
        }

        return true;
    }

    private static void AddType(List<TypeValidator> types, TypeValidator? folded)
    {
        if (folded is not null)
        {
            types.Add(folded);
        }
    }

    private bool TypesAccept(FlatKind kind, bool isInteger)
    {
        foreach (var type in _types)
        {
            if (!type.Accepts(kind, isInteger))
            {
                return false;
            }
        }

        return true;
    }
}
