namespace ProductFlow.Expressions;

/// <summary>The values of a field of the record an expression is evaluated on: none when absent, several for categories and multi-selects.</summary>
public delegate IReadOnlyList<string> FieldLookup(string field);
