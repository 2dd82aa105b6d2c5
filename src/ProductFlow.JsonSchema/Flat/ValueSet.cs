using System.Text.Json;
using ProductFlow.JsonSchema.Json;

namespace ProductFlow.JsonSchema.Flat;

/// <summary>The values of an <c>enum</c> or a <c>const</c> that a plain value can equal: strings, numbers held as decimals, booleans.</summary>
/// <remarks>Equality is the validator's (<see cref="JsonEquality"/>): strings ordinal, numbers by value (<c>1 == 1.0</c>), which for
/// numbers held as decimals is decimal equality. A <c>null</c> member never equals a plain value.</remarks>
internal sealed class ValueSet
{
    private readonly HashSet<string> _strings;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly HashSet<decimal> _numbers;
    private readonly bool _true;
    private readonly bool _false;

    private ValueSet(HashSet<string> strings, HashSet<decimal> numbers, bool hasTrue, bool hasFalse)
    {
        _strings = strings;
        _stringLookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _numbers = numbers;
        _true = hasTrue;
        _false = hasFalse;
    }

    /// <summary>The set, or <c>null</c> when a member is an array, an object or a number beyond decimals (compared as doubles).</summary>
    public static ValueSet? From(IReadOnlyList<string> strings, IReadOnlyList<JsonElement> others)
    {
        var stringSet = new HashSet<string>(strings, StringComparer.Ordinal);
        var numbers = new HashSet<decimal>();
        bool hasTrue = false, hasFalse = false;
        foreach (var other in others)
        {
            switch (other.ValueKind)
            {
                case JsonValueKind.String:
                    stringSet.Add(other.GetString()!);
                    break;
                case JsonValueKind.Number when JsonNumber.From(other) is { IsDecimal: true } number:
                    numbers.Add(number.Decimal);
                    break;
                case JsonValueKind.True:
                    hasTrue = true;
                    break;
                case JsonValueKind.False:
                    hasFalse = true;
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    return null;
            }
        }

        return new ValueSet(stringSet, numbers, hasTrue, hasFalse);
    }

    public bool Contains(ReadOnlySpan<char> text) => _strings.Count > 0 && _stringLookup.Contains(text);

    public bool Contains(decimal number) => _numbers.Contains(number);

    public bool Contains(bool value) => value ? _true : _false;
}
