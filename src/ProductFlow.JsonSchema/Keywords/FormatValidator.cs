using System.Buffers;
using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Formats;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>format</c> as an assertion (only when asserting and the format is known; otherwise no validator is created).</summary>
internal sealed class FormatValidator : KeywordValidator
{
    private readonly FormatCheck _check;
    private readonly string _message;

    private FormatValidator(SchemaPosition position, FormatCheck check, string format)
        : base(position, "format")
    {
        _check = check;
        _message = "must be a valid " + format;
    }

    public static FormatValidator? Create(NodeBuilder builder, JsonElement value)
    {
        var format = builder.ExpectString("format", value);
        if (!builder.AssertFormat)
        {
            return null;
        }

        var check = FormatCheckers.Find(format);
        return check is null ? null : new FormatValidator(builder.Position, check, format);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[JsonText.StackChars];
        var chars = JsonText.Chars(instance, buffer, out var rented);
        var valid = _check(chars);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return valid || context.Fail(this, _message);
    }
}
