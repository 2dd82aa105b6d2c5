namespace ProductFlow.Server.Uploads;

/// <summary>The answer to an upload or a retry: the run that will read the feed, queued, and where to follow it.</summary>
public sealed record QueuedRun(string RunId, string Pipeline, string Status, string Location);
