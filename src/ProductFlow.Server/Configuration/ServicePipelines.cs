using Microsoft.Extensions.Options;
using ProductFlow.Catalog;
using ProductFlow.Pipelines;

namespace ProductFlow.Server.Configuration;

/// <summary>The pipelines the service runs (<c>ProductFlow:Pipelines</c>), read again at each call so that an edited pipeline or catalog counts
/// at once, and the channels of their catalogs.</summary>
/// <remarks>Without the folder there are none (<c>serve --embedded</c> needs nothing but its data folder); a file that does not load fails the
/// call with its problems (<see cref="PipelineFiles.Load"/>).</remarks>
public sealed class ServicePipelines(IOptions<ProductFlowOptions> options)
{
    public string Folder => Path.GetFullPath(options.Value.Pipelines);

    public IReadOnlyList<LoadedPipeline> Load() => Directory.Exists(Folder) ? PipelineFiles.Load(Folder) : [];

    public LoadedPipeline? Find(string name) => Load().FirstOrDefault(p => string.Equals(p.Definition.Name, name, StringComparison.Ordinal));

    /// <summary>The catalog a product is explained with: the first pipeline's (by file name), as a service's pipelines share one; null without pipelines.</summary>
    public ProductCatalog? Catalog() => Load() is [var first, ..] ? first.Catalog : null;

    /// <summary>Every channel of the pipelines' catalogs, by code, each read from the catalog of the first pipeline (by file name) whose catalog
    /// has it (as schedules are), with the pipelines that feed it.</summary>
    public IReadOnlyList<ServiceChannel> Channels()
    {
        var pipelines = Load();
        var channels = new SortedDictionary<string, ServiceChannel>(StringComparer.Ordinal);
        foreach (var (definition, catalog) in pipelines)
        {
            foreach (var channel in catalog.Channels)
            {
                channels.TryAdd(channel.Code, new ServiceChannel(
                    channel, catalog, definition.FilePath,
                    pipelines.Where(p => p.Definition.Channels.Contains(channel.Code, StringComparer.Ordinal)).Select(p => p.Definition.Name).ToList()));
            }
        }

        return channels.Values.ToList();
    }
}

/// <summary>A channel the service publishes: its definition, the catalog it is read from (through <see cref="PipelineFile"/>), and the pipelines that feed it.</summary>
public sealed record ServiceChannel(ChannelDefinition Definition, ProductCatalog Catalog, string PipelineFile, IReadOnlyList<string> Pipelines)
{
    public string Code => Definition.Code;
}
