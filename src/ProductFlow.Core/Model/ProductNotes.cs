namespace ProductFlow.Model;

/// <summary>What the last run said about a stored product: the channels it was checked for and the issues that did not reject it.</summary>
/// <remarks>Kept beside the product, not in its content: notes change no version. <c>productflow explain</c> reads them.</remarks>
public sealed record ProductNotes(IReadOnlyList<string> Channels, IReadOnlyList<Issue> Issues)
{
    public static readonly ProductNotes None = new([], []);
}
