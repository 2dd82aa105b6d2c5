namespace ProductFlow.Bench.Stages;

/// <summary>One measured stage: rows, wall time, CPU time (all threads), peak working set and bytes allocated while it ran.</summary>
internal sealed record StageResult(string Name, long Rows, TimeSpan Elapsed, TimeSpan Cpu, long PeakWorkingSet, long Allocated, long InputBytes)
{
    /// <summary>Wall time per row, in microseconds.</summary>
    public double MicrosecondsPerRow => Elapsed.TotalMicroseconds / Rows;

    /// <summary>CPU time per row (every thread of the process), in microseconds: steadier than wall time on a shared machine.</summary>
    public double CpuMicrosecondsPerRow => Cpu.TotalMicroseconds / Rows;

    /// <summary>Bytes allocated per row (every thread).</summary>
    public double BytesPerRow => (double)Allocated / Rows;

    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => InputBytes / 1e6 / Elapsed.TotalSeconds;
}
