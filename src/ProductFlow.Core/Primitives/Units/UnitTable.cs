namespace ProductFlow.Primitives.Units;

/// <summary>ProductFlow's own small conversion table for mass, length, volume and temperature (UnitsNet is not available here).</summary>
/// <remarks>
/// Units are matched case-insensitively by symbol or name, Akeneo's included (<c>kg</c>, <c>KILOGRAM</c>, <c>kilograms</c>).
/// A value converts through its family's base unit (g, m, l, °C): <c>base = value * factor + offset</c>. Decimal
/// arithmetic keeps <c>12.5 cm</c> -> <c>0.125 m</c> exact; results are rounded to 10 decimals.
/// </remarks>
public static class UnitTable
{
    private static readonly Dictionary<string, Unit> Units = Build();

    /// <summary>Finds a unit of <paramref name="family"/> by symbol or name; <c>null</c> when the family has no such unit.</summary>
    public static Unit? Find(string family, string name) =>
        Units.TryGetValue(name.Trim(), out var unit) && string.Equals(unit.Family, family, StringComparison.Ordinal) ? unit : null;

    public static IEnumerable<string> Symbols(string family) => Units.Values.Where(u => u.Family == family).Select(u => u.Symbol).Distinct();

    public static bool IsFamily(string family) => family is "mass" or "length" or "volume" or "temperature";

    public static decimal Convert(decimal value, Unit from, Unit to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var basis = (value * from.Factor) + from.Offset;
        return Math.Round((basis - to.Offset) / to.Factor, 10);
    }

    private static Dictionary<string, Unit> Build()
    {
        var units = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        void Add(string family, string symbol, decimal factor, decimal offset, params string[] names)
        {
            var unit = new Unit(family, symbol, factor, offset);
            foreach (var name in names.Append(symbol))
            {
                units[name] = unit;
            }
        }

        Add("mass", "mg", 0.001m, 0, "MILLIGRAM", "milligrams");
        Add("mass", "g", 1m, 0, "GRAM", "grams");
        Add("mass", "kg", 1000m, 0, "KILOGRAM", "kilograms");
        Add("mass", "t", 1_000_000m, 0, "TON", "tonne", "tonnes");
        Add("mass", "oz", 28.349523125m, 0, "OUNCE", "ounces");
        Add("mass", "lb", 453.59237m, 0, "POUND", "pounds", "lbs");
        Add("length", "mm", 0.001m, 0, "MILLIMETER", "millimetre", "millimeters");
        Add("length", "cm", 0.01m, 0, "CENTIMETER", "centimetre", "centimeters");
        Add("length", "m", 1m, 0, "METER", "metre", "meters");
        Add("length", "km", 1000m, 0, "KILOMETER", "kilometre", "kilometers");
        Add("length", "in", 0.0254m, 0, "INCH", "inches");
        Add("length", "ft", 0.3048m, 0, "FEET", "foot");
        Add("length", "yd", 0.9144m, 0, "YARD", "yards");
        Add("volume", "ml", 0.001m, 0, "MILLILITER", "millilitre", "milliliters");
        Add("volume", "cl", 0.01m, 0, "CENTILITER", "centilitre");
        Add("volume", "l", 1m, 0, "LITER", "litre", "liters");
        Add("volume", "m3", 1000m, 0, "CUBIC_METER", "cubic metre");
        Add("volume", "fl_oz", 0.0295735295625m, 0, "FLUID_OUNCE", "fl oz");
        Add("volume", "gal", 3.785411784m, 0, "GALLON", "gallons");
        Add("temperature", "°C", 1m, 0, "CELSIUS", "C", "degC");
        Add("temperature", "°F", 5m / 9m, -160m / 9m, "FAHRENHEIT", "F", "degF");
        Add("temperature", "K", 1m, -273.15m, "KELVIN");
        return units;
    }
}
