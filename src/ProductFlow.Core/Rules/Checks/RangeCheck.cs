using ProductFlow.Model;
using ProductFlow.Pipelines.Transforms;
using ProductFlow.Pipelines;
using ProductFlow.Primitives;

namespace ProductFlow.Rules.Checks;

/// <summary>Check <c>range</c> (rule <c>number.range</c>): a number between <c>min</c> and <c>max</c>, inclusive.</summary>
/// <remarks>A value that is not a number is left to <c>number.format</c>.</remarks>
internal sealed class RangeCheck(CheckOptions options, CheckScope scope) : ValueCheck(options, scope, RuleIds.NumberRange)
{
    private readonly decimal? _min = Bound(options.Min);
    private readonly decimal? _max = Bound(options.Max);

    protected override string? Problem(string data)
    {
        if (!CanonicalNumber.TryParse(data, out var number))
        {
            return null;
        }

        return number < _min ? $"{Quoted.Text(data)} is below the minimum {Options.Min}"
            : number > _max ? $"{Quoted.Text(data)} is above the maximum {Options.Max}"
            : null;
    }

    private static decimal? Bound(string? text) => text is not null && CanonicalNumber.TryParse(text, out var value) ? value : null;
}
