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

    /// <summary>The value as a double, parsed directly for plain decimals of up to 15 digits (exact:
    /// both the digits and the power of ten are exact doubles and division rounds correctly), else by System.Text.Json.</summary>
    public static double ToDouble(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        var i = 0;
        var negative = raw[0] == '-';
        if (negative)
        {
            i++;
        }

        long mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == '.')
            {
                scale = 0;
                continue;
            }

            if (b - '0' > 9u || ++digits > 15)
            {
                number.TryGetDouble(out var parsed);
                return parsed;
            }

            mantissa = (mantissa * 10) + (b - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }

        var value = scale > 0 ? mantissa / Pow10[scale] : mantissa;
        return negative ? -value : value;
    }

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

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
