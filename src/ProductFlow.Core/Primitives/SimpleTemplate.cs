namespace ProductFlow.Primitives;

/// <summary>A template of only literal text and <c>{{ name }}</c> outputs, rendered by concatenation instead of Fluid.</summary>
/// <remarks>
/// Simple means: no <c>{%</c> anywhere; every <c>{{</c> holds one plain name (<c>[A-Za-z_][A-Za-z0-9_]*</c>) between
/// optional spaces, tabs and line breaks and closes with <c>}}</c>. Not simple, so left to Fluid: filters, tags,
/// whitespace control (<c>{{-</c>, <c>-}}</c>), member access (<c>a.b</c>: on a string value Fluid answers <c>size</c>,
/// <c>first</c> and <c>last</c>), literals Fluid knows by name (<c>true</c>, <c>nil</c>, <c>empty</c>, ...) and names
/// differing only in case (Fluid's model names ignore case, so one value would serve both).
/// </remarks>
internal sealed class SimpleTemplate
{
    private static readonly HashSet<string> FluidNames = new(["true", "false", "nil", "null", "empty", "blank"], StringComparer.OrdinalIgnoreCase);

    // _literals[i] comes before output i; the last literal comes after the last output. _outputs[i] indexes the values.
    private readonly string[] _literals;
    private readonly int[] _outputs;

    private SimpleTemplate(string[] literals, int[] outputs)
    {
        _literals = literals;
        _outputs = outputs;
    }

    /// <summary>The simple form of <paramref name="text"/>, or <c>null</c> when it is any other Liquid.</summary>
    /// <param name="text">The template.</param>
    /// <param name="variables">The template's variables (<see cref="LiquidTemplate.Variables"/>): the outputs index into them.</param>
    public static SimpleTemplate? TryParse(string text, string[] variables)
    {
        if (text.Contains("{%", StringComparison.Ordinal) || variables.Distinct(StringComparer.OrdinalIgnoreCase).Count() != variables.Length)
        {
            return null;
        }

        var literals = new List<string>();
        var outputs = new List<int>();
        var position = 0;
        int open;
        while ((open = text.IndexOf("{{", position, StringComparison.Ordinal)) >= 0)
        {
            var i = SkipSpace(text, open + 2);
            var start = i;
            if (i == text.Length || !(char.IsAsciiLetter(text[i]) || text[i] == '_'))
            {
                return null;
            }

            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var name = text[start..i];
            i = SkipSpace(text, i);
            var variable = Array.IndexOf(variables, name);
            if (!text.AsSpan(i).StartsWith("}}") || FluidNames.Contains(name) || variable < 0)
            {
                return null;
            }

            literals.Add(text[position..open]);
            outputs.Add(variable);
            position = i + 2;
        }

        literals.Add(text[position..]);
        return new SimpleTemplate([.. literals], [.. outputs]);
    }

    /// <summary>The literal text and the values in order; a <c>null</c> value writes nothing, as Fluid writes nothing for nil.</summary>
    public string Render(string?[] values)
    {
        var length = _literals[^1].Length;
        for (var i = 0; i < _outputs.Length; i++)
        {
            length += _literals[i].Length + (values[_outputs[i]]?.Length ?? 0);
        }

        return length == 0 ? string.Empty : string.Create(length, (this, values), static (span, state) => state.Item1.Write(span, state.values));
    }

    private void Write(Span<char> span, string?[] values)
    {
        var at = 0;
        for (var i = 0; i < _outputs.Length; i++)
        {
            _literals[i].CopyTo(span[at..]);
            at += _literals[i].Length;
            var value = values[_outputs[i]];
            if (value is not null)
            {
                value.CopyTo(span[at..]);
                at += value.Length;
            }
        }

        _literals[^1].CopyTo(span[at..]);
    }

    // The white space Fluid skips inside a tag.
    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i;
    }
}
