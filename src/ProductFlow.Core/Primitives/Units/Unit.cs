namespace ProductFlow.Primitives.Units;

/// <summary>A unit of a family, with its conversion to the family's base unit.</summary>
public sealed record Unit(string Family, string Symbol, decimal Factor, decimal Offset);
