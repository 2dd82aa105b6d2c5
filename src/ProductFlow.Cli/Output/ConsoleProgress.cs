using System.Globalization;
using ProductFlow.Running;

namespace ProductFlow.Cli.Output;

/// <summary>Shows a run's progress on stderr: one line rewritten in place on a terminal, a plain line every 10 seconds otherwise (CI, logs).</summary>
internal sealed class ConsoleProgress(TextWriter output, bool interactive) : IProgress<RunProgress>, IDisposable
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private TimeSpan _lastPlain;
    private int _width;

    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var line = Describe(value);
        lock (_gate)
        {
            if (interactive)
            {
                output.Write("\r" + line.PadRight(_width));
                _width = line.Length;
            }
            else if (value.Elapsed - _lastPlain >= PlainEvery)
            {
                output.WriteLine(line);
                _lastPlain = value.Elapsed;
            }
        }
    }

    /// <summary>Clears the status line, so what follows starts on a clean line.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (interactive && _width > 0)
            {
                output.Write("\r" + new string(' ', _width) + "\r");
                _width = 0;
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
