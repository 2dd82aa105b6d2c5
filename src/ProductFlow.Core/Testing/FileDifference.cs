namespace ProductFlow.Testing;

/// <summary>An expected file that the run did not reproduce exactly.</summary>
public sealed record FileDifference(string ExpectedFile, string Diff);
