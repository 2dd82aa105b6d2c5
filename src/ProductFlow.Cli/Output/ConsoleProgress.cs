using System.Globalization;
using ProductFlow.Running;

namespace ProductFlow.Cli.Output;

/// <summary>A run's progress as a plain line on stderr every 10 seconds, for logs and CI; a terminal gets <see cref="LiveProgress"/>.</summary>
internal sealed class ConsoleProgress(TextWriter output) : IProgress<RunProgress>
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private TimeSpan _lastPlain;

    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (value.Elapsed - _lastPlain >= PlainEvery)
            {
                output.WriteLine(Describe(value));
                _lastPlain = value.Elapsed;
            }
        }
    }

    public static string Describe(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string> { string.Create(inv, $"{progress.Pipeline}: {progress.Rows:N0} rows") };
        if (progress.BytesRead > 0)
        {
            parts.Add(progress.Fraction is { } fraction
                ? string.Create(inv, $"{progress.BytesRead / 1e6:0.0} of {progress.TotalBytes / 1e6:0.0} MB ({fraction * 100:0}%)")
                : string.Create(inv, $"{progress.BytesRead / 1e6:0.0} MB"));
        }

        parts.Add(string.Create(inv, $"{progress.RowsPerSecond:N0} rows/s"));
        if (progress.Remaining is { } left)
        {
            parts.Add(left.TotalMinutes >= 1 ? string.Create(inv, $"ETA {(int)left.TotalMinutes}m {left.Seconds:00}s") : string.Create(inv, $"ETA {left.Seconds}s"));
        }

        return string.Join(" · ", parts);
    }
}
