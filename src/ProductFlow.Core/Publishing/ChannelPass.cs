using System.Security.Cryptography;
using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Store;

namespace ProductFlow.Publishing;

/// <summary>One channel's part of a publish: its lock, the current version it compares with, and the next version, written but not committed.</summary>
/// <remarks>
/// <see cref="StartAsync"/> takes the channel's lock and opens the uploads; <see cref="RunAsync"/> merges the channel's records
/// with the state of the current version, group by group, into the data file and the new state; <see cref="ChannelPublisher"/>
/// commits them after. Disposing discards what was not committed and releases the lock. A pass runs on one thread at a time.
/// </remarks>
internal sealed class ChannelPass : IAsyncDisposable
{
    private readonly ProductCatalog _catalog;
    private readonly PublishRequest _request;
    private readonly List<IAsyncDisposable> _held = []; // the lock, the current state, the uploads: released in reverse
    private Stream? _state;
    private string? _location;
    private PublishBasis? _basis; // what the current version is known to hold: its manifest's basis, or a later publish's check

    private ChannelPass(ChannelDefinition channel, ProductCatalog catalog, PublishRequest request)
    {
        Channel = channel;
        _catalog = catalog;
        _request = request;
    }

    public ChannelDefinition Channel { get; }

    /// <summary>The manifest of the current version; null before the channel's first publish.</summary>
    public ExportManifest? Current { get; private set; }

    /// <summary>Whether the result was taken from the current version without reading the store (<see cref="TakeAsUnchanged"/>).</summary>
    public bool TakenAsUnchanged { get; private set; }

    /// <summary>The hash of the channel's definition, kept in the manifest: a change of format publishes everything again.</summary>
    public string Definition { get; private set; } = "";

    public bool FormatChanged { get; private set; }

    public ExportMode Mode { get; private set; }

    /// <summary>The number the new version gets if it is committed.</summary>
    public int Version { get; private set; }

    /// <summary>The data file's name.</summary>
    public string File { get; private set; } = "";

    /// <summary>The data file of the new version; null in a preview.</summary>
    public IBlobUpload? Data { get; private set; }

    /// <summary>The state of the new version; null in a preview.</summary>
    public IBlobUpload? Snapshot { get; private set; }

    /// <summary>What was written to <see cref="Data"/>: its size and hash, for the manifest.</summary>
    public HashingStream? Hashing { get; private set; }

    /// <summary>What the pass found against the current version, before any commit; complete once <see cref="RunAsync"/> returned.</summary>
    public PublishResult Result { get; private set; } = null!;

    /// <summary>Locks the channel (unless previewing), reads its current version and opens the uploads of the next one.</summary>
    public static async Task<ChannelPass> StartAsync(ChannelPublisher publisher, ChannelDefinition channel, ProductCatalog catalog, PublishRequest request, CancellationToken cancellationToken)
    {
        var pass = new ChannelPass(channel, catalog, request);
        try
        {
            await pass.OpenAsync(publisher, cancellationToken).ConfigureAwait(false);
            return pass;
        }
        catch
        {
            await pass.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Compares <paramref name="records"/> (the channel's records now, in channel order) with the current version and writes the next one.</summary>
    public async Task RunAsync(IAsyncEnumerable<ProductRecord> records, CancellationToken cancellationToken)
    {
        var published = _state is null ? [] : SnapshotFile.Read(_state);

        // One view of the channel for its filter, its comparison and its writer: each record is resolved once.
        var view = new ChannelView(Channel, _catalog, ChannelView.GroupSize);
        var writer = Hashing is null ? null : ChannelWriters.Create(view, Hashing, Mode);
        var grouping = ChannelWriters.KindOf(Channel).Grouping;
        long rows = 0, count = 0, added = 0, changed = 0, removed = 0;
        using (var stateWriter = Snapshot is null ? null : SnapshotFile.Create(Snapshot.Content))
        await using (writer)
        {
            await foreach (var group in ChannelDiff.GroupsAsync(ChannelFilter.Apply(records, view, cancellationToken), published, new ChannelFields(view), cancellationToken).ConfigureAwait(false))
            {
                count += group.Current.Count;
                foreach (var change in group.Changes)
                {
                    _ = change.Kind switch
                    {
                        ChannelChangeKind.Added => added++,
                        ChannelChangeKind.Changed => changed++,
                        _ => removed++,
                    };
                    _request.OnChange?.Invoke(change);
                }

                foreach (var (_, row) in group.Current)
                {
                    stateWriter?.Write(row);
                }

                if (writer is not null)
                {
                    rows += Write(writer, group, Mode, grouping);
                }
            }
        }

        Result = new PublishResult
        {
            Channel = Channel.Code, Mode = Mode, Previous = Current?.Version, Version = Current?.Version, Rows = rows, Records = count,
            Added = added, Changed = changed, Removed = removed, Location = _location,
        };
    }

    /// <summary>
    /// Takes the current version as this publish's result, unchanged, without reading the store, when it is known to hold every change the
    /// store has and to be made from the same definition and inputs (<paramref name="basis"/>: the store's position, read before any record,
    /// and this publish's inputs), by its manifest or by a later publish's check (<see cref="PublishBasis"/>): what reading the store would
    /// give is then known. Returns whether it did; a preview (no basis), a channel of product models (whose changes the store's position does
    /// not count) and a version without a recorded basis read the store.
    /// </summary>
    public bool TakeAsUnchanged(PublishBasis? basis)
    {
        if (basis is null || Current is not { } current || _basis != basis || FormatChanged || Channel.PublishesModels)
        {
            return false;
        }

        // As RunAsync would find it: the records of the current version, none added, changed or removed; a full file writes every one.
        Result = new PublishResult
        {
            Channel = Channel.Code, Mode = Mode, Previous = current.Version, Version = current.Version, Rows = Mode == ExportMode.Full ? current.Records : 0,
            Records = current.Records, Location = _location,
        };
        TakenAsUnchanged = true;
        return true;
    }

    public ValueTask DisposeAsync() => AsyncDisposables.DisposeAllAsync(_held);

    private async Task OpenAsync(ChannelPublisher publisher, CancellationToken cancellationToken)
    {
        var exports = publisher.Exports;
        var code = Channel.Code;
        if (!_request.Preview)
        {
            _held.Add(await exports.LockAsync(ExportLayout.Lock(code), cancellationToken).ConfigureAwait(false));
            await exports.DeleteAbandonedAsync(code + "/", cancellationToken).ConfigureAwait(false);
            await exports.DeleteAbandonedAsync($"{ExportLayout.StateFolder}/{code}/", cancellationToken).ConfigureAwait(false);
        }

        Current = await publisher.CurrentAsync(code, cancellationToken).ConfigureAwait(false);
        Definition = DefinitionHash(Channel);
        FormatChanged = Current is not null && !string.Equals(Current.Definition, Definition, StringComparison.Ordinal);
        Mode = ModeOf(Channel, _request, Current, FormatChanged);
        Version = (Current?.Version ?? 0) + 1;
        File = ChannelWriters.FileName(Channel);
        _location = Current is null ? null : exports.Locate(ExportLayout.DataFile(code, Current.Version, Current.File));
        _state = Current is null ? null : await exports.OpenReadAsync(ExportLayout.Snapshot(code, Current.Version), cancellationToken).ConfigureAwait(false);
        if (_state is not null)
        {
            _held.Add(_state);
            _basis = await ReadCheckedAsync(exports, code, Current!.Version, cancellationToken).ConfigureAwait(false) ?? Current!.Basis;
        }
        else if (Current is not null)
        {
            // Without the state of the current version there is nothing to compare with: publish everything again.
            Mode = ExportMode.Full;
            FormatChanged = true;
        }

        if (!_request.Preview)
        {
            Data = await exports.CreateAsync(ExportLayout.DataFile(code, Version, File), cancellationToken).ConfigureAwait(false);
            _held.Add(Data);
            Snapshot = await exports.CreateAsync(ExportLayout.Snapshot(code, Version), cancellationToken).ConfigureAwait(false);
            _held.Add(Snapshot);
            Hashing = new HashingStream(Data.Content);
        }
    }

    private static async Task<PublishBasis?> ReadCheckedAsync(IBlobStore exports, string channel, int version, CancellationToken cancellationToken)
    {
        var input = await exports.OpenReadAsync(ExportLayout.Checked(channel, version), cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            return null;
        }

        await using (input.ConfigureAwait(false))
        {
            return PublishBasis.Read(input);
        }
    }

    private static string DefinitionHash(ChannelDefinition channel)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(channel, DefinitionJsonContext.Default.ChannelDefinition);
        return Convert.ToHexStringLower(SHA256.HashData(json));
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
}
