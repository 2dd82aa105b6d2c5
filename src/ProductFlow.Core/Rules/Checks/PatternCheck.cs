using System.Text.RegularExpressions;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Checks;

/// <summary>Check <c>pattern</c>: the whole value matches a regular expression (compiled once, culture-invariant, with a timeout).</summary>
internal sealed class PatternCheck(CheckOptions options, CheckScope scope) : ValueCheck(options, scope, RuleIds.Pattern)
{
    private readonly Regex _regex = new(
        "^(?:" + options.Pattern + ")$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(100));

    protected override string? Problem(string data) => _regex.IsMatch(data) ? null : $"does not match the pattern {Options.Pattern}";
}
