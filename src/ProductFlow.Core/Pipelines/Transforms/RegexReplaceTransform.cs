using System.Text.RegularExpressions;

namespace ProductFlow.Pipelines.Transforms;

/// <summary><c>replace</c> with <c>regex</c>: every match replaced; the replacement may use the match's groups (<c>$1</c>, <c>${name}</c>).</summary>
/// <remarks>The expression is compiled once per run, culture-invariant, and stops after <see cref="TransformFactory.RegexTimeout"/> on one value.</remarks>
internal sealed class RegexReplaceTransform(string rule, Regex regex, string with) : ITransform
{
    public string Rule { get; } = rule;

    public string Apply(string text) => regex.Replace(text, with);
}
