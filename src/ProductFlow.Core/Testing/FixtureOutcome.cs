namespace ProductFlow.Testing;

/// <summary>How a regression case ended: passed, or the files that differ with a readable diff of each.</summary>
public sealed record FixtureOutcome(FixtureCase Case, IReadOnlyList<FileDifference> Differences)
{
    public bool Passed => Differences.Count == 0;
}
