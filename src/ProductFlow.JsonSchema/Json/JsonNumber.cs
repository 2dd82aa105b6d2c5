using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ProductFlow.JsonSchema.Json;

/// <summary>A JSON number held exactly as <see cref="decimal"/> when it fits, else as <see cref="double"/>.</summary>
/// <remarks>Decimal keeps <c>0.1 + 0.2</c>-style comparisons and <c>multipleOf</c> exact for the
/// numbers product data has; huge or tiny numbers fall back to double.</remarks>
internal readonly struct JsonNumber
{
    private readonly decimal _decimal;
    private readonly double _double;

    private JsonNumber(decimal value, double asDouble, bool isDecimal)
    {
        _decimal = value;
        _double = asDouble;
        IsDecimal = isDecimal;
    }

    public bool IsDecimal { get; }

    public decimal Decimal => _decimal;

    public double Double => _double;

    public static JsonNumber From(JsonElement number)
    {
        number.TryGetDouble(out var d);
        if (number.TryGetDecimal(out var m) && (m != 0 || d == 0))
        {
            return new JsonNumber(m, d, true);
        }

        return new JsonNumber(0, d, false);
    }

    public int CompareTo(JsonNumber other) =>
        IsDecimal && other.IsDecimal ? _decimal.CompareTo(other._decimal) : _double.CompareTo(other._double);

    public bool IsInteger(JsonElement raw)
    {
        var text = JsonMarshal.GetRawUtf8Value(raw);
        if (!text.ContainsAny((byte)'.', (byte)'e', (byte)'E'))
        {
            return true;
        }

        return IsDecimal ? decimal.Truncate(_decimal) == _decimal : double.IsFinite(_double) && Math.Floor(_double) == _double;
    }

    public bool IsMultipleOf(JsonNumber divisor)
    {
        if (IsDecimal && divisor.IsDecimal)
        {
            try
            {
                return _decimal % divisor._decimal == 0;
            }
            catch (OverflowException)
            {
                // Fall through to double.
            }
        }

        var quotient = _double / divisor._double;
        return double.IsFinite(quotient) && Math.Abs(quotient - Math.Round(quotient)) < 1e-9 * Math.Max(1, Math.Abs(quotient));
    }

    public override string ToString() =>
        IsDecimal ? _decimal.ToString(CultureInfo.InvariantCulture) : _double.ToString("R", CultureInfo.InvariantCulture);
}
