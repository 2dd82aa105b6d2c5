using System.Globalization;
using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>: how many items match the schema.</summary>
/// <remarks>Stops counting as soon as the answer is known, unless annotations are needed
/// (then every matching index is recorded for <c>unevaluatedItems</c>).</remarks>
internal sealed class ContainsValidator : KeywordValidator
{
    private readonly SchemaNode _schema;
    private readonly int _min;
    private readonly int _max;
    private readonly string _minKeyword;
    private readonly string _minLocation;
    private readonly string _maxLocation;

    public ContainsValidator(SchemaPosition position, SchemaNode schema, int min, int? max, bool minDeclared)
        : base(position, "contains")
    {
        _schema = schema;
        _min = min;
        _max = max ?? int.MaxValue;
        _minKeyword = minDeclared ? "minContains" : "contains";
        _minLocation = position.AbsoluteLocation + "/" + _minKeyword;
        _maxLocation = position.AbsoluteLocation + "/maxContains";
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var errors = context.Mute();
        var matches = 0;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (_schema.Validate(item, context, null))
            {
                matches++;
                evaluated?.Mark(index);
                if (evaluated is null && ((matches >= _min && _max == int.MaxValue) || matches > _max))
                {
                    break;
                }
            }

            index++;
        }

        context.CollectInto(errors);
        if (!context.Collecting)
        {
            return matches >= _min && matches <= _max;
        }

        if (matches < _min)
        {
            return context.Fail(_minKeyword, _minLocation, string.Create(
                CultureInfo.InvariantCulture, $"must contain at least {_min} {(_min == 1 ? "item" : "items")} matching the contains schema"));
        }

        if (matches > _max)
        {
            return context.Fail("maxContains", _maxLocation, string.Create(
                CultureInfo.InvariantCulture, $"must contain at most {_max} {(_max == 1 ? "item" : "items")} matching the contains schema"));
        }

        return true;
    }
}
