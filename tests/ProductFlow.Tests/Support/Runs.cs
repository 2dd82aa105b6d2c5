using ProductFlow.Events;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Reports;
using ProductFlow.Running;

namespace ProductFlow.Tests.Support;

/// <summary>Runs a pipeline as a test needs it: on the embedded services of a data folder, with events or other exports where the test says.</summary>
internal static class Runs
{
    public static PipelineRunner Runner(string data, IEventPublisher? events = null, IBlobStore? exports = null)
    {
        var services = RunServices.Embedded(data);
        return new PipelineRunner(services with { Events = events, Exports = exports ?? services.Exports });
    }

    public static Task<QualityReport> RunAsync(
        LoadedPipeline pipeline, string data, string? input = null, RunMode mode = RunMode.Run, IEventPublisher? events = null, IBlobStore? exports = null,
        CancellationToken cancellationToken = default) =>
        Runner(data, events, exports).RunAsync(pipeline, RunRequest.For(pipeline, mode) with { Input = input }, cancellationToken: cancellationToken);
}
