namespace ProductFlow.Pipelines.Transforms;

/// <summary><c>split</c>: the text cut on a separator, each part trimmed and empty parts dropped; then joined again, or one part kept.</summary>
/// <remarks>With an index (0 the first, -1 the last) only that part is kept; a part past the end gives an empty text, so no value.</remarks>
internal sealed class SplitTransform(string rule, string separator, string join, int? index) : ITransform
{
    public string Rule { get; } = rule;

    public string Apply(string text)
    {
        var parts = text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (index is not { } at)
        {
            return string.Join(join, parts);
        }

        var position = at < 0 ? parts.Length + at : at;
        return position >= 0 && position < parts.Length ? parts[position] : "";
    }
}
