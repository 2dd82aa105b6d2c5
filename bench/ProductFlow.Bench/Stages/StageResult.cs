namespace ProductFlow.Bench.Stages;

/// <summary>One measured stage: rows, wall time, peak working set and bytes allocated while it ran.</summary>
internal sealed record StageResult(string Name, long Rows, TimeSpan Elapsed, long PeakWorkingSet, long Allocated, long InputBytes)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => InputBytes / 1e6 / Elapsed.TotalSeconds;
}
