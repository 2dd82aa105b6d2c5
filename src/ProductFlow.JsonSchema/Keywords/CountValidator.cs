using System.Globalization;
using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>minItems</c>, <c>maxItems</c>, <c>minProperties</c>, <c>maxProperties</c>.</summary>
internal sealed class CountValidator : KeywordValidator
{
    private readonly int _limit;
    private readonly bool _isMinimum;
    private readonly JsonValueKind _kind;
    private readonly string _message;

    public CountValidator(SchemaPosition position, string keyword, int limit)
        : base(position, keyword)
    {
        _limit = limit;
        _isMinimum = keyword.StartsWith("min", StringComparison.Ordinal);
        _kind = keyword.EndsWith("Items", StringComparison.Ordinal) ? JsonValueKind.Array : JsonValueKind.Object;
        var noun = _kind == JsonValueKind.Array ? (limit == 1 ? " item" : " items") : (limit == 1 ? " property" : " properties");
        var verb = _kind == JsonValueKind.Array ? "must contain " : "must have ";
        _message = verb + (_isMinimum ? "at least " : "at most ") + limit.ToString(CultureInfo.InvariantCulture) + noun;
    }

    /// <summary>The kind of instance the limit counts: arrays (items) or objects (properties).</summary>
    public JsonValueKind Kind => _kind;

    public bool AcceptsCount(int count) => _isMinimum ? count >= _limit : count <= _limit;

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != _kind)
        {
            return true;
        }

        var count = _kind == JsonValueKind.Array ? instance.GetArrayLength() : instance.GetPropertyCount();
        return AcceptsCount(count) || context.Fail(this, _message);
    }
}
