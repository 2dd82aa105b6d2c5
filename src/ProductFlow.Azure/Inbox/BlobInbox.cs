using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ProductFlow.Inbox;
using ProductFlow.Primitives;
using ProductFlow.Reports;
using ProductFlow.Store;

namespace ProductFlow.Azure.Inbox;

/// <summary>The Blob Storage inbox of one pipeline: blobs under <c>inbox/&lt;pipeline&gt;/</c> in a container.</summary>
/// <remarks>
/// <para>A blob is ready when a <c>&lt;name&gt;.done</c> marker blob is beside it, or when it has not been modified for
/// <see cref="InboxOptions.StableFor"/>. It is claimed with a blob lease (60 s, renewed while the run lasts): Blob
/// Storage grants a lease to one client only, so a second process gets a conflict and skips the feed, and a
/// crashed process's lease lapses, so the feed is taken again (runs are idempotent). The claimed blob is downloaded
/// to <c>&lt;work&gt;/processing/&lt;pipeline&gt;/&lt;claim&gt;/</c> for the run.</para>
/// <para>After the run the blob is copied to <c>archive/&lt;yyyy-mm-dd&gt;/&lt;runId&gt;/</c> (or <c>failed/…</c>) with the run's
/// <c>report.json</c>, and only then deleted under its lease: a crash in between leaves it in the inbox, never lost.</para>
/// </remarks>
public sealed class BlobInbox : IFeedInbox
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly string[] FiledKinds = ["failed/", "archive/"];

    private readonly BlobContainerClient _container;
    private readonly string _pipeline;
    private readonly string _work;
    private readonly InboxOptions _options;
    private readonly TimeProvider _time;

    public BlobInbox(BlobContainerClient container, string pipeline, string workDirectory, InboxOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        ArgumentException.ThrowIfNullOrEmpty(workDirectory);
        _container = container;
        _pipeline = pipeline;
        _work = Path.GetFullPath(workDirectory);
        _options = options ?? new InboxOptions();
        _time = time ?? TimeProvider.System;
    }

    public string Location => $"{_container.Uri}/{Prefix}";

    private string Prefix => $"inbox/{_pipeline}/";

    public async Task<IReadOnlyList<string>> ReadyAsync(CancellationToken cancellationToken = default)
    {
        var (ready, _) = await ScanAsync(cancellationToken).ConfigureAwait(false);
        return ready;
    }

    public async Task<int> SettlingAsync(CancellationToken cancellationToken = default)
    {
        var (_, settling) = await ScanAsync(cancellationToken).ConfigureAwait(false);
        return settling;
    }

    public async Task<ClaimedFeed?> TryClaimAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var blob = _container.GetBlobClient(id);
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409)
        {
            return null; // gone, or leased by another process
        }

        var name = id[Prefix.Length..];
        var folder = Path.Combine(_work, "processing", _pipeline, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var renewal = new LeaseRenewal(lease, LeaseDuration / 3);
        try
        {
            await blob.DownloadToAsync(path, new BlobDownloadToOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            await renewal.DisposeAsync().ConfigureAwait(false);
            await ReleaseAsync(lease).ConfigureAwait(false);
            Directory.Delete(folder, recursive: true);
            throw;
        }

        return new ClaimedFeed(name, path) { Handle = new Claim(id, lease, renewal) };
    }

    public Task<string> CompleteAsync(ClaimedFeed feed, QualityReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(report);
        var kind = report.Run.Status == RunStatus.Failed ? "failed" : "archive";
        return MoveOutAsync(feed, kind, report.Run.Id, Path.Combine(report.Folder, ReportJsonWriter.FileName), cancellationToken);
    }

    public Task<string> AbandonAsync(ClaimedFeed feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return MoveOutAsync(feed, "failed", "unfinished-" + Path.GetFileName(Path.GetDirectoryName(feed.Path)), null, cancellationToken);
    }

    public async Task<string> AcceptAsync(string name, Func<Stream, CancellationToken, Task> write, Func<string, Task> beforeReady, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(beforeReady);
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var id = Prefix + InboxNames.Safe(name);
        var partial = _container.GetBlobClient(id + ".part");
        try
        {
            // A block blob appears only when its block list is committed, whole; ".part" keeps it from pollers until the caller knows its id.
            var stream = await partial.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
            }

            await beforeReady(id).ConfigureAwait(false);
            await CopyAsync(partial, _container.GetBlobClient(id), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await partial.DeleteIfExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }

        await _container.GetBlobClient(id + _options.DoneSuffix).UploadAsync(BinaryData.Empty, overwrite: true, CancellationToken.None).ConfigureAwait(false);
        return id;
    }

    public async Task<string?> RequeueAsync(string runId, string name, Func<string, Task> beforeReady, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(beforeReady);
        foreach (var kind in FiledKinds)
        {
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = kind }, cancellationToken).ConfigureAwait(false))
            {
                var parts = item.Name.Split('/');
                if (parts.Length == 4 && parts[2] == runId && parts[3] != ReportJsonWriter.FileName)
                {
                    var id = Prefix + InboxNames.Safe(name);
                    await beforeReady(id).ConfigureAwait(false);
                    await CopyAsync(_container.GetBlobClient(item.Name), _container.GetBlobClient(id), cancellationToken).ConfigureAwait(false);
                    await _container.GetBlobClient(id + _options.DoneSuffix).UploadAsync(BinaryData.Empty, overwrite: true, CancellationToken.None).ConfigureAwait(false);
                    return id;
                }
            }
        }

        return null;
    }

    /// <summary>A server-side copy within the container, awaited to its end.</summary>
    private static async Task CopyAsync(BlobClient from, BlobClient to, CancellationToken cancellationToken)
    {
        var copy = await to.StartCopyFromUriAsync(from.Uri, cancellationToken: cancellationToken).ConfigureAwait(false);
        await copy.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the blob's lease: the feed waits in the inbox again, untouched, for the next claim.</summary>
    public async Task ReleaseAsync(ClaimedFeed feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var claim = (Claim)feed.Handle!;
        await claim.Renewal.DisposeAsync().ConfigureAwait(false);
        await ReleaseAsync(claim.Lease).ConfigureAwait(false);
        Directory.Delete(Path.GetDirectoryName(feed.Path)!, recursive: true);
    }

    private async Task<string> MoveOutAsync(ClaimedFeed feed, string kind, string runId, string? reportJson, CancellationToken cancellationToken)
    {
        var claim = (Claim)feed.Handle!;
        var day = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var target = $"{kind}/{day}/{runId}/";
        try
        {
            // Upload the local copy rather than a server-side copy: it is the very bytes that were run.
            await _container.GetBlobClient(target + feed.Name).UploadAsync(feed.Path, overwrite: true, cancellationToken).ConfigureAwait(false);
            if (reportJson is not null && File.Exists(reportJson))
            {
                await _container.GetBlobClient(target + ReportJsonWriter.FileName).UploadAsync(reportJson, overwrite: true, cancellationToken).ConfigureAwait(false);
            }

            await claim.Renewal.DisposeAsync().ConfigureAwait(false);
            await _container.GetBlobClient(claim.Id).DeleteAsync(conditions: new BlobRequestConditions { LeaseId = claim.Lease.LeaseId }, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            await _container.GetBlobClient(claim.Id + _options.DoneSuffix).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await claim.Renewal.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(Path.GetDirectoryName(feed.Path)!, recursive: true);
        }

        return $"{_container.Uri}/{target}{feed.Name}";
    }

    private async Task<(List<string> Ready, int Settling)> ScanAsync(CancellationToken cancellationToken)
    {
        var blobs = new List<BlobItem>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken).ConfigureAwait(false))
        {
            var name = item.Name[Prefix.Length..];
            if (!name.Contains('/', StringComparison.Ordinal) && !name.StartsWith('.'))
            {
                blobs.Add(item);
            }
        }

        var markers = blobs.Where(b => b.Name.EndsWith(_options.DoneSuffix, StringComparison.OrdinalIgnoreCase)).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var feeds = blobs.Where(b => !markers.Contains(b.Name) && !b.Name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) && !b.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase))
            .OrderBy(b => b.Properties.LastModified).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
        var now = _time.GetUtcNow();
        var ready = feeds.Where(b => markers.Contains(b.Name + _options.DoneSuffix) || now - (b.Properties.LastModified ?? now) >= _options.StableFor).Select(b => b.Name).ToList();
        return (ready, feeds.Count - ready.Count);
    }

    private static async Task ReleaseAsync(BlobLeaseClient lease)
    {
        try
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // The lease lapses on its own within a minute.
        }
    }

    private sealed record Claim(string Id, BlobLeaseClient Lease, LeaseRenewal Renewal);
}
