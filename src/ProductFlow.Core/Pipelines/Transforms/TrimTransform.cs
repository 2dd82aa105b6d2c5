namespace ProductFlow.Pipelines.Transforms;

/// <summary><c>trim</c>: white space (spaces, tabs, line breaks, no-break spaces) off both ends.</summary>
internal sealed class TrimTransform(string rule) : ITransform
{
    public string Rule { get; } = rule;

    public string Apply(string text) => text.Trim();
}
