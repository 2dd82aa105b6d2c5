using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Regexes;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>pattern</c>: an ECMA-262 regex, unanchored, matched against the decoded string without allocating.</summary>
internal sealed class PatternValidator : KeywordValidator
{
    private readonly Regex _regex;
    private readonly string _message;

    private PatternValidator(SchemaPosition position, Regex regex, string pattern)
        : base(position, "pattern")
    {
        _regex = regex;
        _message = "must match pattern " + pattern;
    }

    public static PatternValidator Create(NodeBuilder builder, JsonElement value)
    {
        var pattern = builder.ExpectString("pattern", value);
        return new PatternValidator(builder.Position, CompileRegex(builder, "pattern", pattern), pattern);
    }

    public static Regex CompileRegex(NodeBuilder builder, string keyword, string pattern)
    {
        try
        {
            return EcmaRegex.Get(pattern);
        }
        catch (FormatException ex)
        {
            throw builder.Invalid(keyword, $"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated) =>
        instance.ValueKind != JsonValueKind.String || Matches(_regex, instance) || context.Fail(this, _message);

    public static bool Matches(Regex regex, JsonElement value)
    {
        Span<char> buffer = stackalloc char[JsonText.StackChars];
        var chars = JsonText.Chars(value, buffer, out var rented);
        var matched = regex.IsMatch(chars);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return matched;
    }

    public static bool NameMatches(Regex regex, JsonProperty property)
    {
        Span<char> buffer = stackalloc char[JsonText.StackChars];
        var chars = JsonText.NameChars(property, buffer, out var rented);
        var matched = regex.IsMatch(chars);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return matched;
    }
}
