namespace ProductFlow.JsonSchema.Formats.Idna;

/// <summary>The Punycode decoder of RFC 3492 (the part of an A-label after <c>xn--</c>).</summary>
/// <remarks>Strict: a digit that is not a letter or a digit, input ending inside a variable-length integer,
/// arithmetic overflow, a result outside Unicode scalar values, or more code points than
/// <c>output</c> holds, all refuse the input. Letters are read case-insensitively.</remarks>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 0x80;

    /// <summary>Decodes <paramref name="input"/> into code points; <c>false</c> when it is not valid Punycode.</summary>
    public static bool TryDecode(ReadOnlySpan<char> input, Span<int> output, out int length)
    {
        length = 0;

        // Basic code points are those before the last delimiter; with no delimiter there are none.
        var delimiter = input.LastIndexOf('-');
        var basicCount = Math.Max(delimiter, 0);
        if (basicCount > output.Length)
        {
            return false;
        }

        for (var j = 0; j < basicCount; j++)
        {
            if (input[j] >= 0x80)
            {
                return false;
            }

            output[length++] = input[j];
        }

        var n = InitialN;
        var bias = InitialBias;
        var i = 0;
        for (var position = delimiter > 0 ? delimiter + 1 : 0; position < input.Length;)
        {
            // One generalized variable-length integer: the insertion's offset from the previous one.
            var oldI = i;
            var w = 1;
            for (var k = Base; ; k += Base)
            {
                if (position == input.Length)
                {
                    return false;
                }

                var digit = DigitValue(input[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                {
                    return false;
                }

                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                {
                    break;
                }

                if (w > int.MaxValue / (Base - t))
                {
                    return false;
                }

                w *= Base - t;
            }

            bias = Adapt(i - oldI, length + 1, oldI == 0);
            if (i / (length + 1) > 0x10FFFF - n)
            {
                return false;
            }

            n += i / (length + 1);
            i %= length + 1;
            if (n is >= 0xD800 and <= 0xDFFF || length == output.Length)
            {
                return false;
            }

            output[i..length].CopyTo(output[(i + 1)..]);
            output[i++] = n;
            length++;
        }

        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    /// <summary>Bias adaptation (RFC 3492 section 6.1).</summary>
    private static int Adapt(int delta, int pointCount, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / pointCount;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }
}
