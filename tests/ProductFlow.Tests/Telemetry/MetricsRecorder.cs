using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ProductFlow.Telemetry;

namespace ProductFlow.Tests.Telemetry;

/// <summary>Listens to the <c>ProductFlow</c> meter in-process, as an exporter would, and keeps every measurement with its tags.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProductFlowTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<RecordedMeasurement> Measurements { get; } = new();

    /// <summary>The measurements of <paramref name="instrument"/> whose tags include <paramref name="tag"/>.</summary>
    public List<RecordedMeasurement> Of(string instrument, string tag, string value) =>
        Measurements.Where(m => m.Instrument == instrument && m.Tags.TryGetValue(tag, out var v) && Equals(v, value)).ToList();

    /// <summary>Reads the observable instruments now (what an exporter does at each collection).</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        Measurements.Enqueue(new RecordedMeasurement(instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}

internal sealed record RecordedMeasurement(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags);
