using ProductFlow.Connectors;
using ProductFlow.Csv;
using ProductFlow.Mapping;
using ProductFlow.Pipelines;

namespace ProductFlow.Mapping;

/// <summary>A pipeline's mapped columns against its source's header, read from the local feed file without running anything (<c>doctor</c>).</summary>
/// <param name="Feed">The feed file read.</param>
/// <param name="Mapped">The columns the mapping reads.</param>
/// <param name="Missing">The mapped columns the header lacks, each with the closest column it has, if one is close.</param>
public sealed record SourceHeader(string Feed, IReadOnlyCollection<string> Mapped, IReadOnlyList<(string Column, string? Closest)> Missing)
{
    /// <summary>Reads the header of the pipeline's <c>source.path</c>; <c>null</c> when there is no local file to read (no path, a URL or SFTP path, an API, a file not there)
    /// or the format names no columns in a header (<c>json</c>, <c>jsonl</c>: a property may be absent from any object; <c>akeneo-csv</c>: no mapping).</summary>
    /// <exception cref="FeedReadException">The file cannot be read or its header is broken.</exception>
    public static async Task<SourceHeader?> ReadAsync(LoadedPipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var (definition, _) = pipeline;
        var format = definition.Source.Format;
        if (definition.Source.Path is not { } relative || Connectors.Remote.RemoteLocation.IsRemote(relative) || format is not ("csv" or "xlsx")
            || definition.ResolvePath(relative) is not { } path || !File.Exists(path))
        {
            return null;
        }

        FeedHeader? header = null;
        var source = new FeedSource(path)
        {
            Format = format,
            Delimiter = Delimiters.Parse(definition.Source.Delimiter),
            Encoding = definition.Source.Encoding,
            Sheet = definition.Source.Sheet,
            HeaderRow = definition.Source.HeaderRow,
            Limits = definition.Source.Limits ?? Connectors.Xlsx.WorkbookLimits.Default,
            HeaderRead = read => header = read,
        };
        await foreach (var _ in FeedReaders.For(format).ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            break;
        }

        if (header is null)
        {
            return null;
        }

        var mapped = FeedMapper.For(definition).RequiredColumns;
        var missing = mapped
            .Where(column => header.IndexOf(column) < 0)
            .Select(column => (column, DidYouMean.Closest(column, header.Columns.Select(c => c.Trim()))))
            .ToList();
        return new SourceHeader(source.Name, mapped, missing);
    }
}
