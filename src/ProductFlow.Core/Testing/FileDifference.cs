namespace ProductFlow.Testing;

/// <summary>An output of a regression case that is not as expected: the file (a path in the case folder; empty for the case as a whole), what is wrong with it, and the details.</summary>
/// <param name="ExpectedFile">The output's path in the case folder, such as <c>exports/partner/partner.csv</c>; empty when the difference is the case's.</param>
/// <param name="Diff">The details for people, line by line, each line indented and ending in a line break.</param>
public sealed record FileDifference(string ExpectedFile, string Diff)
{
    /// <summary>What is wrong with the file: <c>differs</c> (default), <c>is missing</c>, <c>was not expected</c>.</summary>
    public string What { get; init; } = "differs";
}
