namespace ProductFlow.Retention;

/// <summary>What one retention pass deleted.</summary>
public sealed record RetentionResult(int Reports, int ArchivedFeeds, int FailedFeeds, long ClosedQuarantine);
