using System.Globalization;
using ProductFlow.Model;
using ProductFlow.Pipelines.Transforms;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Checks;

/// <summary>Check <c>dateRange</c> (rule <c>date.range</c>): a yyyy-MM-dd date between <c>min</c> and <c>max</c>, inclusive.</summary>
/// <remarks>A value that is not a date is left to <c>date.format</c>.</remarks>
internal sealed class DateRangeCheck(CheckOptions options, CheckScope scope) : ValueCheck(options, scope, RuleIds.DateRange)
{
    private readonly DateOnly? _min = Bound(options.Min);
    private readonly DateOnly? _max = Bound(options.Max);

    protected override string? Problem(string data)
    {
        if (Bound(data) is not { } date)
        {
            return null;
        }

        return date < _min ? $"{Quoted.Text(data)} is before {Options.Min}"
            : date > _max ? $"{Quoted.Text(data)} is after {Options.Max}"
            : null;
    }

    private static DateOnly? Bound(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
