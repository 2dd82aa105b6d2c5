using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Events;
using ProductFlow.Pipelines;
using ProductFlow.Store;
using ProductFlow.Telemetry;

namespace ProductFlow.Publishing;

/// <summary>Publishes channels from the store as new versions, full or delta, or previews what a publish would change.</summary>
/// <remarks>
/// <para>One read of the store, in channel order, for all the channels published together; each channel merges its records
/// with the state of its current version: every group is compared field by field, written to the data file as the mode asks,
/// and written whole to the new state file.</para>
/// <para>Atomic: the data file and state are uploads committed only when complete; the manifest commits the version and
/// <c>current</c> then names it. A publish that fails or is killed before that leaves the previous version current
/// (a version folder without manifest is incomplete, and the next publish writes over it). Nothing changed: no version.</para>
/// <para>A channel whose new version would hold no record where its current version holds some is not committed unless the
/// request allows it (<see cref="PublishRequest.AllowMassDelete"/>): its result says why (<see cref="PublishResult.Refused"/>), and the
/// other channels publish as usual.</para>
/// <para>With an <see cref="IEventOutbox"/> (default: none), each committed version adds its <see cref="ExportPublishedEvent"/> to
/// the outbox once <c>current</c> names it (an <see cref="OutboxSender"/> sends it later). A process that dies between the two
/// loses no event: <see cref="OutboxReconciler"/> derives it again from the manifest.</para>
/// </remarks>
public sealed class ChannelPublisher
{
    private readonly IBlobStore _exports;
    private readonly TimeProvider _time;
    private readonly IEventOutbox? _events;
    private readonly ILogger _logger;

    /// <param name="exports">Where versions are published.</param>
    /// <param name="time">The clock of manifests' <c>createdAt</c>; default the system's.</param>
    /// <param name="events">The outbox a committed version's event goes to; default none (no events).</param>
    /// <param name="logger">Default none.</param>
    public ChannelPublisher(IBlobStore exports, TimeProvider? time = null, IEventOutbox? events = null, ILogger? logger = null)
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
        if (await ExportHistory.CurrentVersionAsync(_exports, channel, cancellationToken).ConfigureAwait(false) is not { } version)
        {
            return null;
        }

        return await ExportHistory.ManifestAsync(_exports, channel, version, cancellationToken).ConfigureAwait(false)
            ?? throw new ProductFlowException($"{_exports.Locate(ExportLayout.Manifest(channel, version))} is missing: the current version of '{channel}' is damaged");
    }

    /// <summary>Publishes (or previews) one channel: <see cref="PublishAsync(IProductStore, IReadOnlyList{ChannelDefinition}, ProductCatalog, PublishRequest?, CancellationToken)"/> with it alone.</summary>
    public async Task<PublishResult> PublishAsync(IProductStore store, ChannelDefinition channel, ProductCatalog catalog, PublishRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return (await PublishAsync(store, [channel], catalog, request, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Publishes (or previews) several channels from one read of the store, the channels written concurrently; one result per channel, in order.</summary>
    /// <remarks>
    /// <para>Three steps. Each channel is locked and its current version read, one channel after another. Then the store is read once
    /// (<see cref="IProductStore.ReadPublishableAsync"/>) and each channel, in a task of its own, compares its records with its current
    /// version and writes its next version without committing it. Last, each channel that changed commits its version (data, state,
    /// manifest, <c>current</c>), raises its event and prunes old versions, one channel after another, in the order given.</para>
    /// <para>Failures: anything that fails before the commits (a lock held elsewhere, the store read, one channel's writer, cancellation)
    /// stops every channel and commits none: every channel keeps its current version, and the first failure is thrown. A failure while
    /// committing channel k leaves the channels before it published, channel k and the ones after it at their current version, and is
    /// thrown; the next publish of those channels completes them.</para>
    /// <para><see cref="PublishRequest.OnChange"/> reports one channel's changes: it may be set only when publishing one channel.</para>
    /// </remarks>
    public async Task<IReadOnlyList<PublishResult>> PublishAsync(
        IProductStore store, IReadOnlyList<ChannelDefinition> channels, ProductCatalog catalog, PublishRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(catalog);
        request ??= new PublishRequest();
        if (channels.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != channels.Count)
        {
            throw new ArgumentException("a channel is named twice: each is published once", nameof(channels));
        }

        if (request.OnChange is not null && channels.Count > 1)
        {
            throw new ArgumentException("OnChange reports the changes of one channel: publish one channel at a time to follow them", nameof(request));
        }

        using var activity = ProductFlowTelemetry.ActivitySource.StartActivity("productflow.publish");
        activity?.SetTag("productflow.channels", string.Join(',', channels.Select(c => c.Code)));
        var passes = new List<ChannelPass>(channels.Count);
        try
        {
            foreach (var channel in channels)
            {
                passes.Add(await ChannelPass.StartAsync(this, channel, catalog, request, cancellationToken).ConfigureAwait(false));
            }

            // Read before the products: the version holds at least the data of this instant, and every change up to this sequence (a
            // commit in between puts more in it, never less). A channel whose current version holds the same is not read again.
            var dataAsOf = request.Preview || passes.Count == 0 ? null : Later(request.DataAsOf, await store.LastChangeAsync(cancellationToken).ConfigureAwait(false));
            var basis = request.Preview || passes.Count == 0 ? (PublishBasis?)null
                : new PublishBasis(await store.PositionAsync(cancellationToken).ConfigureAwait(false), PublishInputs.Of(catalog));
            foreach (var pass in passes)
            {
                if (pass.TakeAsUnchanged(basis))
                {
                    _logger.LogInformation(
                        "Channel {Channel}: v{Version} holds the store's changes up to {Sequence}: unchanged, the store is not read", pass.Channel.Code, pass.Current!.Version, basis!.Value.Position.Sequence);
                }
            }

            var reading = passes.Where(p => !p.TakenAsUnchanged).ToList();

            // Channels of products share one read of the store's products; channels of product models (akeneo-csv) one read of its models.
            var products = reading.Where(p => !p.Channel.PublishesModels).Select(p => new FanOutConsumer(p.Channel.Code, p.RunAsync)).ToList();
            var models = reading.Where(p => p.Channel.PublishesModels).Select(p => new FanOutConsumer(p.Channel.Code, p.RunAsync)).ToList();
            if (products.Count > 0)
            {
                await StoreFanOut.RunAsync(store.ReadPublishableAsync(cancellationToken), products, cancellationToken).ConfigureAwait(false);
            }

            if (models.Count > 0)
            {
                await StoreFanOut.RunAsync(Unblocked(store.ReadModelsAsync(cancellationToken)), models, cancellationToken).ConfigureAwait(false);
            }

            var results = new List<PublishResult>(passes.Count);
            foreach (var pass in passes)
            {
                results.Add(await CommitAsync(pass, request, dataAsOf, basis, cancellationToken).ConfigureAwait(false));
            }

            return results;
        }
        finally
        {
            await AsyncDisposables.DisposeAllAsync(passes).ConfigureAwait(false);
        }
    }

    /// <summary>Product models as the akeneo-csv channel publishes them: a model is stored only once its rules passed (a rejected model is
    /// quarantined, never stored), and no channel rule blocks a model, so every stored model is publishable.</summary>
    private static async IAsyncEnumerable<PublishableProduct> Unblocked(IAsyncEnumerable<Model.ProductRecord> models)
    {
        await foreach (var model in models.ConfigureAwait(false))
        {
            yield return new PublishableProduct(model, "", PublishableProduct.EveryChannel);
        }
    }

    /// <summary>Commits the version a pass wrote, when it changed anything (or the channel has none yet, or a new format); returns the channel's result.</summary>
    /// <remarks>The version keeps <c>dataAsOf</c> and <c>basis</c>, what the publish read before the records (both null for a preview).</remarks>
    private async Task<PublishResult> CommitAsync(ChannelPass pass, PublishRequest request, DateTimeOffset? dataAsOf, PublishBasis? basis, CancellationToken cancellationToken)
    {
        var (channel, current, version, result) = (pass.Channel, pass.Current, pass.Version, pass.Result);
        if (request.Preview || (current is not null && !result.HasChanges && !pass.FormatChanged))
        {
            if (!pass.TakenAsUnchanged && !channel.PublishesModels && basis is { } found)
            {
                // Read and found current: the next publish from the same position need not read again (PublishBasis).
                await WriteAsync(ExportLayout.Checked(channel.Code, current!.Version), found.Write, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }

        if (current is { Records: > 0 } && result.Records == 0 && !request.AllowMassDelete)
        {
            // As a full run's mass-delete guard: an empty channel is far more often a mistake (a wrong store, rules that block
            // everything) than an intent. The pass's uploads are discarded; the channel stays at its current version.
            return result with
            {
                Refused = string.Create(CultureInfo.InvariantCulture, $"publishing '{channel.Code}' would remove every record of it ({current.Records:N0} in v{current.Version}): not published"),
            };
        }

        await pass.Data!.CommitAsync(cancellationToken).ConfigureAwait(false);
        await pass.Snapshot!.CommitAsync(cancellationToken).ConfigureAwait(false);
        var manifest = new ExportManifest
        {
            Channel = channel.Code, Version = version, CreatedAt = _time.GetUtcNow(), RunId = request.RunId, Mode = pass.Mode,
            BasedOn = pass.Mode == ExportMode.Delta ? current?.Version : null, File = pass.File, Rows = result.Rows, Bytes = pass.Hashing!.Bytes, Sha256 = pass.Hashing.Sha256,
            Records = result.Records, Added = result.Added, Changed = result.Changed, Removed = result.Removed, Definition = pass.Definition, DataAsOf = dataAsOf, Basis = basis,
        };
        await WriteAsync(ExportLayout.Manifest(channel.Code, version), manifest.Write, cancellationToken).ConfigureAwait(false);
        await WriteAsync(ExportLayout.Current(channel.Code), output => output.Write(System.Text.Encoding.ASCII.GetBytes(ExportLayout.Version(version) + "\n")), cancellationToken).ConfigureAwait(false);

        // Committed and current: only now may anyone be told. Pruning comes after, so its failure cannot keep the event from the outbox.
        var announcement = ExportPublishedEvent.For(manifest, _exports);
        if (_events is not null)
        {
            await _events.AddEventsAsync([announcement.ToEnvelope()], cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Event {EventId} written to the outbox", announcement.Id);
        }

        await PruneAsync(channel, version, cancellationToken).ConfigureAwait(false);
        return result with { Published = true, Version = version, Location = announcement.File };
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

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
}
