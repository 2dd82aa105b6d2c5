using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Telemetry;

/// <summary>Each channel's publication lag: now minus the newest data behind its current version (the manifest's <c>dataAsOf</c>, else its
/// <c>createdAt</c>), for the channels of the service's pipelines.</summary>
/// <remarks>A collection never waits on the export store: it reads what the last refresh found and, when that is older than
/// <see cref="Refresh"/>, starts the next one in the background. So the manifests are read only while someone collects, at most every
/// <see cref="Refresh"/>, and a new version shows in the lag within one refresh and one collection.</remarks>
internal sealed partial class PublicationLagMonitor(IBlobStore exports, IOptions<ProductFlowOptions> options, TimeProvider time, ILogger<PublicationLagMonitor> logger)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private IReadOnlyList<(string Channel, DateTimeOffset DataAsOf)> _known = [];
    private DateTimeOffset _refreshed = DateTimeOffset.MinValue;
    private Task? _refreshing;

    public IEnumerable<(string Channel, TimeSpan Lag)> Measure()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now - _refreshed >= Refresh && _refreshing is not { IsCompleted: false })
            {
                _refreshing = Task.Run(RefreshAsync);
            }

            return _known.Select(k => (k.Channel, now - k.DataAsOf)).ToList();
        }
    }

    /// <summary>Reads the current manifest of every channel now (what a collection starts in the background).</summary>
    public async Task RefreshAsync()
    {
        var found = new List<(string, DateTimeOffset)>();
        try
        {
            // serve --embedded may run without pipelines: then there is no channel to measure.
            var folder = Path.GetFullPath(options.Value.Pipelines);
            var pipelines = Directory.Exists(folder) ? PipelineFiles.Load(folder) : [];
            var channels = pipelines.SelectMany(p => p.Catalog.Channels).Select(c => c.Code).Distinct(StringComparer.Ordinal);
            foreach (var channel in channels.Order(StringComparer.Ordinal))
            {
                if (await ExportHistory.CurrentVersionAsync(exports, channel).ConfigureAwait(false) is { } version
                    && await ExportHistory.ManifestAsync(exports, channel, version).ConfigureAwait(false) is { } manifest)
                {
                    found.Add((channel, manifest.DataAsOf ?? manifest.CreatedAt));
                }
            }
        }
        catch (Exception e) when (e is ProductFlowException or RequestFailedException or IOException or UnauthorizedAccessException)
        {
            LogUnread(logger, e.Message);
            return; // keep the last values: the export store is down, not the channels behind
        }

        lock (_lock)
        {
            _known = found;
            _refreshed = time.GetUtcNow();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publication lag not refreshed: {Reason}")]
    private static partial void LogUnread(ILogger logger, string reason);
}
