using System.Diagnostics.Metrics;

namespace ProductFlow.Telemetry;

/// <summary>The sources of one observable instrument: registered by whoever knows the values (a host), each until it is disposed.</summary>
/// <remarks>A source catches its own failures (a database down) and reports nothing for them.</remarks>
internal sealed class ObservedSources<T>
    where T : struct
{
    private readonly Lock _lock = new();
    private readonly List<Func<IEnumerable<Measurement<T>>>> _sources = [];

    public IDisposable Add(Func<IEnumerable<Measurement<T>>> source)
    {
        lock (_lock)
        {
            _sources.Add(source);
        }

        return new Registration(this, source);
    }

    public IEnumerable<Measurement<T>> Measure()
    {
        Func<IEnumerable<Measurement<T>>>[] sources;
        lock (_lock)
        {
            sources = [.. _sources];
        }

        var measurements = new List<Measurement<T>>();
        foreach (var source in sources)
        {
            measurements.AddRange(source());
        }

        return measurements;
    }

    private sealed class Registration(ObservedSources<T> owner, Func<IEnumerable<Measurement<T>>> source) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._sources.Remove(source);
            }
        }
    }
}
