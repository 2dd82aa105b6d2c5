namespace ProductFlow.Pipelines.Transforms;

/// <summary><c>replace</c> with <c>find</c>: every occurrence of a literal text, matched ordinally (or ignoring case), replaced.</summary>
internal sealed class ReplaceTransform(string rule, string find, string with, bool ignoreCase) : ITransform
{
    private readonly StringComparison _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public string Rule { get; } = rule;

    public string Apply(string text) => text.Replace(find, with, _comparison);
}
