using System.Globalization;
using System.Text.Json;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>minLength</c> / <c>maxLength</c>, counted in Unicode code points.</summary>
internal sealed class StringLengthValidator : KeywordValidator
{
    private readonly int _limit;
    private readonly bool _isMinimum;
    private readonly string _message;

    public StringLengthValidator(SchemaPosition position, string keyword, int limit)
        : base(position, keyword)
    {
        _limit = limit;
        _isMinimum = keyword == "minLength";
        var count = limit.ToString(CultureInfo.InvariantCulture) + (limit == 1 ? " character" : " characters");
        _message = (_isMinimum ? "must be at least " : "must be at most ") + count + " long";
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var length = JsonText.CodePointLength(instance);
        return (_isMinimum ? length >= _limit : length <= _limit) || context.Fail(this, _message);
    }
}
