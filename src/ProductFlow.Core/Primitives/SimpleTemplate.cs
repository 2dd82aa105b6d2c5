namespace ProductFlow.Primitives;

/// <summary>A template of only literal text and <c>{{ name }}</c> outputs, each with an optional chain of argument-less string filters, rendered by concatenation instead of Fluid.</summary>
/// <remarks>
/// Simple means: no <c>{%</c> anywhere; every <c>{{</c> holds one plain name (<c>[A-Za-z_][A-Za-z0-9_]*</c>), then any number
/// of <c>| filter</c> naming one of <see cref="TextFilter"/>'s filters without arguments, with optional spaces, tabs and line breaks
/// around names and bars, and closes with <c>}}</c>. Not simple, so left to Fluid: other filters, filters with arguments, tags,
/// whitespace control (<c>{{-</c>, <c>-}}</c>), member access (<c>a.b</c>: on a string value Fluid answers <c>size</c>,
/// <c>first</c> and <c>last</c>), literals Fluid knows by name (<c>true</c>, <c>nil</c>, <c>empty</c>, ...) and names
/// differing only in case (Fluid's model names ignore case, so one value would serve both).
/// </remarks>
internal sealed class SimpleTemplate
{
    private static readonly HashSet<string> FluidNames = new(["true", "false", "nil", "null", "empty", "blank"], StringComparer.OrdinalIgnoreCase);

    // _literals[i] comes before output i; the last literal comes after the last output. _outputs[i] indexes the values,
    // _filters[i] is the chain output i goes through (empty for none).
    private readonly string[] _literals;
    private readonly int[] _outputs;
    private readonly TextFilter[][] _filters;

    // The text of each output for the render under way (the template is used one record at a time), cleared after it.
    private readonly string?[] _texts;

    // Each filtered output's last value and its filtered text (filters are pure: the same value filters to the same text).
    private readonly string?[] _lastValues;
    private readonly string?[] _lastFiltered;

    private SimpleTemplate(string[] literals, int[] outputs, TextFilter[][] filters)
    {
        _literals = literals;
        _outputs = outputs;
        _filters = filters;
        _texts = new string?[outputs.Length];
        _lastValues = new string?[outputs.Length];
        _lastFiltered = new string?[outputs.Length];
    }

    /// <summary>Whether some literal text is not white space: then no rendering is blank, whatever the values.</summary>
    public bool HasText => _literals.Any(literal => !string.IsNullOrWhiteSpace(literal));

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
        var filters = new List<TextFilter[]>();
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
            var chain = new List<TextFilter>();
            while (i < text.Length && text[i] == '|')
            {
                i = SkipSpace(text, i + 1);
                start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                if (!TextFilter.TryGet(text[start..i], out var filter))
                {
                    return null;
                }

                chain.Add(filter);
                i = SkipSpace(text, i);
            }

            var variable = Array.IndexOf(variables, name);
            if (!text.AsSpan(i).StartsWith("}}") || FluidNames.Contains(name) || variable < 0)
            {
                return null;
            }

            literals.Add(text[position..open]);
            outputs.Add(variable);
            filters.Add([.. chain]);
            position = i + 2;
        }

        literals.Add(text[position..]);
        return new SimpleTemplate([.. literals], [.. outputs], [.. filters]);
    }

    /// <summary>
    /// The literal text and the values, through their filters, in order; a <c>null</c> value writes nothing, as Fluid writes
    /// nothing for nil (and a filter turns nil into the empty string).
    /// </summary>
    public string Render(string?[] values)
    {
        var length = _literals[^1].Length;
        for (var i = 0; i < _outputs.Length; i++)
        {
            var value = values[_outputs[i]];
            if (value is not null && _filters[i].Length > 0)
            {
                value = Filtered(i, value);
            }

            _texts[i] = value;
            length += _literals[i].Length + (value?.Length ?? 0);
        }

        var text = length == 0 ? string.Empty : string.Create(length, this, static (span, template) => template.Write(span));
        Array.Clear(_texts);
        return text;
    }

    /// <summary>Output <paramref name="i"/>'s value through its filters (a filter never returns <c>null</c>); the same value as the last
    /// record's (rows of a model share their colour, their brand) takes the last result instead of filtering it into a new string again.</summary>
    private string Filtered(int i, string value)
    {
        if (!string.Equals(value, _lastValues[i], StringComparison.Ordinal))
        {
            var filtered = value;
            foreach (var filter in _filters[i])
            {
                filtered = filter.Apply(filtered);
            }

            _lastValues[i] = value;
            _lastFiltered[i] = filtered;
        }

        return _lastFiltered[i]!;
    }

    private void Write(Span<char> span)
    {
        var at = 0;
        for (var i = 0; i < _outputs.Length; i++)
        {
            _literals[i].CopyTo(span[at..]);
            at += _literals[i].Length;
            if (_texts[i] is { } value)
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
