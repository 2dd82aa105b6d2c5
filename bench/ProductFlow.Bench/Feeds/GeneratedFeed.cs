namespace ProductFlow.Bench.Feeds;

/// <summary>A generated feed: where, how many data rows, how many bytes, and its deliberate defects by rule.</summary>
internal sealed record GeneratedFeed(string Path, int Rows, long Bytes, IReadOnlyDictionary<string, int> Defects);
