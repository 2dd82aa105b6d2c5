using System.Globalization;

namespace ProductFlow.Expressions;

/// <summary>A test of one value of a field, built when an expression is parsed (so evaluating one allocates nothing).</summary>
internal abstract class ValueTest
{
    /// <summary>Whether <paramref name="value"/> passes; <paramref name="fields"/> are the fields being evaluated (for a comparison of two fields).</summary>
    public abstract bool Holds(ReadOnlySpan<char> value, IFieldValues fields);

    /// <summary>Two numbers compare as numbers, anything else as ordinal text (only the sign counts).</summary>
    public static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return decimal.TryParse(a, Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, Number, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : a.SequenceCompareTo(b);
    }
}

/// <summary>A value is not empty (<c>exists</c>).</summary>
internal sealed class NotEmptyTest : ValueTest
{
    public static readonly NotEmptyTest Instance = new();

    public override bool Holds(ReadOnlySpan<char> value, IFieldValues fields) => value.Length > 0;
}

/// <summary>A value is one of a list (<c>in</c>).</summary>
internal sealed class InSetTest(HashSet<string> set) : ValueTest
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _set = set.GetAlternateLookup<ReadOnlySpan<char>>();

    public override bool Holds(ReadOnlySpan<char> value, IFieldValues fields) => _set.Contains(value);
}

/// <summary>A value starts with a prefix, ordinally (<c>starts with</c>).</summary>
internal sealed class StartsWithTest(string prefix) : ValueTest
{
    public override bool Holds(ReadOnlySpan<char> value, IFieldValues fields) => value.StartsWith(prefix, StringComparison.Ordinal);
}

/// <summary>A value compares with a constant as <c>holds</c> says; the constant is the left or the right side.</summary>
internal sealed class CompareTest(string constant, Func<int, bool> holds, bool constantIsLeft) : ValueTest
{
    public override bool Holds(ReadOnlySpan<char> value, IFieldValues fields) =>
        holds(constantIsLeft ? Compare(constant, value) : Compare(value, constant));
}

/// <summary>A value (the left side) compares with any value of another field as <c>holds</c> says (each left value is copied once: two fields are rare).</summary>
internal sealed class CompareToFieldTest(string field, Func<int, bool> holds) : ValueTest
{
    public override bool Holds(ReadOnlySpan<char> value, IFieldValues fields) =>
        fields.Any(field, new CompareTest(value.ToString(), holds, constantIsLeft: true));
}
