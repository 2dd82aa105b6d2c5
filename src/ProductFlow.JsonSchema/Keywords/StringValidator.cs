using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Formats;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Regexes;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary>The string family in one step: <c>minLength</c>, <c>maxLength</c> (in code points),
/// <c>pattern</c> and asserted <c>format</c>.</summary>
/// <remarks>The raw UTF-8 is read once; simple patterns (<see cref="SimplePattern"/>) match those
/// bytes directly, and the text is decoded to characters at most once (on the stack) for a regex or
/// a format. Strings with JSON escapes take a slower, allocating path.</remarks>
internal sealed class StringValidator : KeywordValidator
{
    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly LazyRegex? _regex;
    private readonly SimplePattern? _simple;
    private readonly FormatCheck? _format;
    private readonly bool _needsChars;
    private readonly Failure _min;
    private readonly Failure _max;
    private readonly Failure _pattern;
    private readonly Failure _formatFailure;

    private StringValidator(SchemaPosition position, int? minLength, int? maxLength, string? pattern, LazyRegex? regex, string? format, FormatCheck? check)
        : base(position, "pattern")
    {
        _minLength = minLength ?? 0;
        _maxLength = maxLength ?? int.MaxValue;
        _regex = regex;
        _simple = pattern is null ? null : SimplePattern.TryParse(pattern);
        _format = check;
        _needsChars = check is not null || (regex is not null && _simple is null);
        _min = new Failure(position, "minLength", $"must be at least {Characters(_minLength)} long");
        _max = new Failure(position, "maxLength", $"must be at most {Characters(_maxLength)} long");
        _pattern = new Failure(position, "pattern", "must match pattern " + pattern);
        _formatFailure = new Failure(position, "format", "must be a valid " + format);
    }

    public static StringValidator? Create(NodeBuilder b, bool validation, bool formats)
    {
        int? min = validation && b.TryGet("minLength", out var minValue) ? b.Count("minLength", minValue) : null;
        int? max = validation && b.TryGet("maxLength", out var maxValue) ? b.Count("maxLength", maxValue) : null;
        var pattern = validation && b.TryGet("pattern", out var patternValue) ? b.ExpectString("pattern", patternValue) : null;
        var regex = pattern is null ? null : PatternMatching.CheckedRegex(b, "pattern", pattern);
        var format = formats && b.TryGet("format", out var formatValue) ? b.ExpectString("format", formatValue) : null;
        var check = format is not null && b.AssertFormat ? FormatCheckers.Find(format) : null;
        return min is null && max is null && regex is null && check is null
            ? null
            : new StringValidator(b.Position, min, max, pattern, regex, format, check);
    }

    /// <summary>Set when the schema's <c>type</c> is just "string": the type check happens here, one call fewer.</summary>
    public TypeValidator? Type { get; set; }

    /// <summary>Whether text that is not in a JSON document passes the family, as <see cref="Validate"/> judges the same text
    /// as a JSON string: length in code points, the pattern (a simple one on the bytes of ASCII text, as for unescaped JSON; the
    /// regex otherwise, as for escaped JSON) and the format.</summary>
    /// <remarks>The caller passes valid UTF-16 (a lone surrogate cannot be written as JSON).</remarks>
    public bool Accepts(ReadOnlySpan<char> text)
    {
        if (_minLength > 0 || _maxLength < int.MaxValue)
        {
            // Without surrogates (found vectorized) every char is one code point.
            var length = text.ContainsAny(JsonText.Surrogates) ? JsonText.CodePointLength(text) : text.Length;
            if (length < _minLength || length > _maxLength)
            {
                return false;
            }
        }

        if (_simple is not null && text.Length <= JsonText.StackChars && System.Text.Ascii.IsValid(text))
        {
            Span<byte> ascii = stackalloc byte[text.Length];
            System.Text.Ascii.FromUtf16(text, ascii, out _);
            if (!_simple.IsMatch(ascii))
            {
                return false;
            }
        }
        else if (_regex is not null && !_regex.Value.IsMatch(text))
        {
            return false;
        }

        return _format is null || _format(text);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return Type is null || Type.Validate(instance, context, evaluated);
        }

        var raw = JsonText.RawString(instance, out var escaped, out var codePoints);
        if (escaped)
        {
            var text = instance.GetString()!;
            var lengthOk = CheckLength(JsonText.CodePointLength(text), context);
            return (lengthOk || context.Collecting) && CheckChars(text, _regex, context) && lengthOk;
        }

        var valid = CheckLength(codePoints, context);
        if (!valid && !context.Collecting)
        {
            return false;
        }

        if (_simple is not null && !_simple.IsMatch(raw))
        {
            valid = context.Fail(_pattern.Segment, _pattern.Absolute, _pattern.Message);
            if (!context.Collecting)
            {
                return false;
            }
        }

        if (!_needsChars)
        {
            return valid;
        }

        var buffer = raw.Length <= JsonText.StackChars ? stackalloc char[raw.Length] : new char[raw.Length];
        var written = Encoding.UTF8.GetChars(raw, buffer);
        return CheckChars(buffer[..written], _simple is null ? _regex : null, context) && valid;
    }

    private bool CheckLength(int length, ValidationContext context)
    {
        var valid = true;
        if (length < _minLength)
        {
            valid = context.Fail(_min.Segment, _min.Absolute, _min.Message);
        }

        if (length > _maxLength)
        {
            valid = context.Fail(_max.Segment, _max.Absolute, _max.Message);
        }

        return valid;
    }

    /// <summary>The checks that need characters: a regex (when the bytes were not matched already) and the format.</summary>
    private bool CheckChars(ReadOnlySpan<char> text, LazyRegex? regex, ValidationContext context)
    {
        var valid = true;
        if (regex is not null && !regex.Value.IsMatch(text))
        {
            valid = context.Fail(_pattern.Segment, _pattern.Absolute, _pattern.Message);
            if (!context.Collecting)
            {
                return false;
            }
        }

        if (_format is not null && !_format(text))
        {
            valid = context.Fail(_formatFailure.Segment, _formatFailure.Absolute, _formatFailure.Message);
        }

        return valid;
    }

    private static string Characters(int count) =>
        count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " character" : " characters");

    /// <summary>How one keyword of the family reports: its segment, absolute location and message.</summary>
    private sealed record Failure(string Segment, string Absolute, string Message)
    {
        public Failure(SchemaPosition position, string keyword, string message)
            : this(keyword, position.AbsoluteLocation + "/" + keyword, message)
        {
        }
    }
}
