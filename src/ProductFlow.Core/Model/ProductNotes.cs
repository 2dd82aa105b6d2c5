namespace ProductFlow.Model;

/// <summary>What the last run said about a stored product: the channels it was checked for, the issues that did not reject it, and its completeness per channel.</summary>
/// <remarks>Kept beside the product, not in its content: notes change no version. <c>productflow explain</c> reads them.</remarks>
public sealed record ProductNotes(IReadOnlyList<string> Channels, IReadOnlyList<Issue> Issues)
{
    public static readonly ProductNotes None = new([], []);

    /// <summary>Required attributes present / required, per channel (and its locale) whose family sets requirements. Default none.</summary>
    public IReadOnlyList<CompletenessScore> Completeness { get; init; } = [];
}
