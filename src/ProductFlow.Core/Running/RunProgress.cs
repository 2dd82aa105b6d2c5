namespace ProductFlow.Running;

/// <summary>Where a run is while it reads its feed: rows, bytes of the file, time; the rate and an estimate of the time left.</summary>
public sealed record RunProgress(string Pipeline, long Rows, long BytesRead, long TotalBytes, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>The share of the file read, 0 to 1; <c>null</c> when the size or the position is unknown.</summary>
    public double? Fraction => TotalBytes > 0 && BytesRead > 0 ? Math.Min(1, (double)BytesRead / TotalBytes) : null;

    /// <summary>The time left at the rate so far; <c>null</c> while it cannot be told.</summary>
    public TimeSpan? Remaining => Fraction is { } f && f > 0.01 ? Elapsed * ((1 - f) / f) : null;
}
