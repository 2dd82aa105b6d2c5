namespace ProductFlow.Expressions;

/// <summary>The values of an expression's fields, tested where they are: an expression asks whether any value of a field passes a test.</summary>
/// <remarks>
/// The allocation-free alternative to <see cref="FieldLookup"/>: a record's values are read in place (a multi-select's codes as spans of its
/// text) instead of being gathered into a list per field and evaluation. Implementations give exactly the values a lookup would list.
/// </remarks>
internal interface IFieldValues
{
    /// <summary>Whether any value of <paramref name="field"/> passes <paramref name="test"/> (false for an absent field).</summary>
    bool Any(string field, ValueTest test);
}
