using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Events;
using ProductFlow.Pipelines;
using ProductFlow.Store;

namespace ProductFlow.Publishing;

/// <summary>Publishes a channel from the store as a new version, full or delta, or previews what a publish would change.</summary>
/// <remarks>
/// <para>One pass over the channel in channel order, merged with the state of the current version: every group
/// is compared field by field, written to the data file as the mode asks, and written whole to the new state file.</para>
/// <para>Atomic: the data file and state are uploads committed only when complete; the manifest commits the version and
/// <c>current</c> then names it. A publish that fails or is killed before that leaves the previous version current
/// (a version folder without manifest is incomplete, and the next publish writes over it). Nothing changed: no version.</para>
/// <para>With an <see cref="IEventPublisher"/> (default: none), each committed version raises one <see cref="ExportPublishedEvent"/>
/// once <c>current</c> names it; a failed delivery is logged and returned in <see cref="PublishResult.EventError"/>, and the
/// version stays committed.</para>
/// </remarks>
public sealed class ChannelPublisher
{
    private readonly IBlobStore _exports;
    private readonly TimeProvider _time;
    private readonly IEventPublisher? _events;
    private readonly ILogger _logger;

    public ChannelPublisher(IBlobStore exports, TimeProvider? time = null, IEventPublisher? events = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(exports);
        _exports = exports;
        _time = time ?? TimeProvider.System;
        _events = events;
        _logger = logger ?? NullLogger.Instance;
    }

    public IBlobStore Exports => _exports;

    /// <summary>The manifest of the channel's current version, or null before its first publish.</summary>
    public async Task<ExportManifest?> CurrentAsync(string channel, CancellationToken cancellationToken = default)
    {
        var pointer = await _exports.OpenReadAsync(ExportLayout.Current(channel), cancellationToken).ConfigureAwait(false);
        if (pointer is null)
        {
            return null;
        }

        string name;
        await using (pointer.ConfigureAwait(false))
        using (var reader = new StreamReader(pointer))
        {
            name = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
        }

        var version = ExportLayout.ParseVersion(name) ?? throw new ProductFlowException($"{_exports.Locate(ExportLayout.Current(channel))} names no version ('{name}')");
        var manifest = await _exports.OpenReadAsync(ExportLayout.Manifest(channel, version), cancellationToken).ConfigureAwait(false)
            ?? throw new ProductFlowException($"{_exports.Locate(ExportLayout.Manifest(channel, version))} is missing: the current version of '{channel}' is damaged");
        await using (manifest.ConfigureAwait(false))
        {
            return ExportManifest.Read(manifest);
        }
    }

    public async Task<PublishResult> PublishAsync(IProductStore store, ChannelDefinition channel, ProductCatalog catalog, PublishRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(catalog);
        request ??= new PublishRequest();
        await using var publishing = request.Preview ? null : await _exports.LockAsync(ExportLayout.Lock(channel.Code), cancellationToken).ConfigureAwait(false);
        if (!request.Preview)
        {
            await _exports.DeleteAbandonedAsync(channel.Code + "/", cancellationToken).ConfigureAwait(false);
            await _exports.DeleteAbandonedAsync($"{ExportLayout.StateFolder}/{channel.Code}/", cancellationToken).ConfigureAwait(false);
        }

        var current = await CurrentAsync(channel.Code, cancellationToken).ConfigureAwait(false);
        var definition = DefinitionHash(channel);
        var formatChanged = current is not null && !string.Equals(current.Definition, definition, StringComparison.Ordinal);
        var mode = ModeOf(channel, request, current, formatChanged);
        var version = (current?.Version ?? 0) + 1;
        var file = ChannelWriters.FileName(channel);

        var state = current is null ? null : await _exports.OpenReadAsync(ExportLayout.Snapshot(channel.Code, current.Version), cancellationToken).ConfigureAwait(false);
        if (current is not null && state is null)
        {
            // Without the state of the current version there is nothing to compare with: publish everything again.
            mode = ExportMode.Full;
            formatChanged = true;
        }

        await using var closeState = state;
        var published = state is null ? [] : SnapshotFile.Read(state);
        await using var data = request.Preview ? null : await _exports.CreateAsync(ExportLayout.DataFile(channel.Code, version, file), cancellationToken).ConfigureAwait(false);
        await using var snapshot = request.Preview ? null : await _exports.CreateAsync(ExportLayout.Snapshot(channel.Code, version), cancellationToken).ConfigureAwait(false);
        var hashing = data is null ? null : new HashingStream(data.Content);
        var writer = hashing is null ? null : ChannelWriters.Create(channel, catalog, hashing, mode);
        var grouping = ChannelWriters.KindOf(channel).Grouping;
        long rows = 0, records = 0, added = 0, changed = 0, removed = 0;
        using (var stateWriter = snapshot is null ? null : SnapshotFile.Create(snapshot.Content))
        await using (writer)
        {
            await foreach (var group in ChannelDiff.GroupsAsync(ChannelFilter.Apply(store.ReadChannelAsync(channel.Code, cancellationToken), channel, catalog, cancellationToken), published, new ChannelFields(channel, catalog), cancellationToken).ConfigureAwait(false))
            {
                records += group.Current.Count;
                foreach (var change in group.Changes)
                {
                    _ = change.Kind switch
                    {
                        ChannelChangeKind.Added => added++,
                        ChannelChangeKind.Changed => changed++,
                        _ => removed++,
                    };
                    request.OnChange?.Invoke(change);
                }

                foreach (var (_, row) in group.Current)
                {
                    stateWriter?.Write(row);
                }

                if (writer is not null)
                {
                    rows += Write(writer, group, mode, grouping);
                }
            }
        }

        var result = new PublishResult
        {
            Channel = channel.Code, Mode = mode, Previous = current?.Version, Version = current?.Version, Rows = rows, Records = records,
            Added = added, Changed = changed, Removed = removed,
            Location = current is null ? null : _exports.Locate(ExportLayout.DataFile(channel.Code, current.Version, current.File)),
        };
        if (request.Preview || (current is not null && !result.HasChanges && !formatChanged))
        {
            return result;
        }

        await data!.CommitAsync(cancellationToken).ConfigureAwait(false);
        await snapshot!.CommitAsync(cancellationToken).ConfigureAwait(false);
        var manifest = new ExportManifest
        {
            Channel = channel.Code, Version = version, CreatedAt = _time.GetUtcNow(), RunId = request.RunId, Mode = mode,
            BasedOn = mode == ExportMode.Delta ? current?.Version : null, File = file, Rows = rows, Bytes = hashing!.Bytes, Sha256 = hashing.Sha256,
            Records = records, Added = added, Changed = changed, Removed = removed, Definition = definition,
        };
        await WriteAsync(ExportLayout.Manifest(channel.Code, version), manifest.Write, cancellationToken).ConfigureAwait(false);
        await WriteAsync(ExportLayout.Current(channel.Code), output => output.Write(System.Text.Encoding.ASCII.GetBytes(ExportLayout.Version(version) + "\n")), cancellationToken).ConfigureAwait(false);

        // Committed and current: only now may anyone be told. Pruning comes after, so its failure cannot hide the event.
        var location = _exports.Locate(ExportLayout.DataFile(channel.Code, version, file));
        var announcement = new ExportPublishedEvent(manifest, current?.Version, location, _exports.Locate(ExportLayout.Manifest(channel.Code, version)));
        var eventError = await EventDelivery.SendAsync(_events, announcement, _logger, cancellationToken).ConfigureAwait(false);
        await PruneAsync(channel, version, cancellationToken).ConfigureAwait(false);
        return result with { Published = true, Version = version, Location = location, EventError = eventError };
    }

    private static ExportMode ModeOf(ChannelDefinition channel, PublishRequest request, ExportManifest? current, bool formatChanged)
    {
        var mode = request.Mode ?? channel.Mode;
        return current is null || formatChanged || ChannelWriters.KindOf(channel).Removals == RemovalPolicy.FullOnly ? ExportMode.Full : mode;
    }

    /// <summary>Writes one group as the mode asks; returns the data rows written.</summary>
    private static long Write(IChannelWriter writer, GroupDiff group, ExportMode mode, ChannelGrouping grouping)
    {
        if (mode == ExportMode.Full || (grouping == ChannelGrouping.Model && group.Changes.Count > 0 && group.Current.Count > 0))
        {
            foreach (var (record, _) in group.Current)
            {
                writer.Write(record);
            }

            return group.Current.Count;
        }

        long rows = 0;
        var changed = group.Changes.Where(c => c.Kind != ChannelChangeKind.Removed).Select(c => c.Sku).ToHashSet(StringComparer.Ordinal);
        foreach (var (record, _) in group.Current.Where(r => changed.Contains(r.Record.Sku)))
        {
            writer.Write(record);
            rows++;
        }

        foreach (var change in group.Changes.Where(c => c.Kind == ChannelChangeKind.Removed))
        {
            writer.WriteRemoval(change.Sku, change.Model);
            rows++;
        }

        return rows;
    }

    private async Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        await using var upload = await _exports.CreateAsync(path, cancellationToken).ConfigureAwait(false);
        write(upload.Content);
        await upload.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the versions (and their state) older than the channel keeps, and any incomplete version folder.</summary>
    private async Task PruneAsync(ChannelDefinition channel, int version, CancellationToken cancellationToken)
    {
        var oldest = version - Math.Max(1, channel.KeepVersions) + 1;
        var stale = new List<string>();
        foreach (var prefix in new[] { channel.Code + "/", $"{ExportLayout.StateFolder}/{channel.Code}/" })
        {
            await foreach (var path in _exports.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                var name = path[prefix.Length..];
                var cut = name.IndexOfAny(['/', '.']);
                if (ExportLayout.ParseVersion(cut < 0 ? name : name[..cut]) is { } v && (v < oldest || v > version))
                {
                    stale.Add(path);
                }
            }
        }

        foreach (var path in stale)
        {
            await _exports.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string DefinitionHash(ChannelDefinition channel)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(channel, DefinitionJsonContext.Default.ChannelDefinition);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
