namespace ProductFlow.Pipelines.Transforms;

/// <summary><c>prefix</c> and <c>suffix</c>: a text written before or after the value.</summary>
internal sealed class AffixTransform(string rule, string value, bool before) : ITransform
{
    public string Rule { get; } = rule;

    public string Apply(string text) => before ? value + text : text + value;
}
