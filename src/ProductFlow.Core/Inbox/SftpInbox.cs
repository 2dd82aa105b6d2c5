using System.Globalization;
using System.Net.Sockets;
using ProductFlow.Connectors.Sftp;
using ProductFlow.Primitives;
using ProductFlow.Reports;
using ProductFlow.Store;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace ProductFlow.Inbox;

/// <summary>The inbox of one folder on an SFTP server, where a supplier drops its feeds: <c>&lt;root&gt;/inbox/&lt;folder&gt;/</c>.</summary>
/// <remarks>
/// <para>A file is ready when a <c>&lt;name&gt;.done</c> marker is beside it, or when it has not been written for <see cref="InboxOptions.StableFor"/>
/// (by the server's clock against this process's: the marker is the reliable signal). Names starting with <c>.</c> and ending with <c>.done</c>,
/// <c>.part</c> or <c>.tmp</c> are never feeds.</para>
/// <para>Claiming is one SFTP rename into <c>&lt;root&gt;/processing/&lt;folder&gt;/&lt;claim id&gt;/</c>, a folder of the claim's own: the server
/// renames a file that is still there, so when several workers race for a file exactly one rename succeeds and the others find it gone
/// (OpenSSH renames with link and unlink, which fails for every process but one). The claimed file is then downloaded to
/// <c>&lt;work&gt;/processing/&lt;folder&gt;/&lt;claim id&gt;/</c> and run there.</para>
/// <para>After the run the file moves on the server to <c>&lt;root&gt;/archive/&lt;yyyy-mm-dd&gt;/&lt;runId&gt;/</c>, or to <c>failed/…</c> when the feed
/// could not be read, with the run's <c>report.json</c>: moved, never deleted. A claim's <c>.heartbeat</c> is written while its run lasts
/// (<see cref="SftpClaim"/>); a claim silent for <see cref="InboxOptions.ClaimTimeout"/> belongs to a crashed worker, and the next look at the
/// inbox puts its feed back, to be run again (which changes nothing twice).</para>
/// <para>Every failure to reach the server is an <see cref="InfrastructureException"/> naming it and what failed (the service retries).</para>
/// </remarks>
public sealed class SftpInbox : IFeedInbox
{
    private static readonly string[] FiledKinds = ["failed", "archive"];

    private readonly SftpEndpoint _endpoint;
    private readonly string _root;
    private readonly string _folder;
    private readonly string _work;
    private readonly InboxOptions _options;
    private readonly TimeProvider _time;

    /// <param name="endpoint">The server, its pinned host key and the credentials.</param>
    /// <param name="root">The folder on the server that holds <c>inbox/</c>, <c>processing/</c>, <c>archive/</c> and <c>failed/</c>; empty: the login folder.</param>
    /// <param name="folder">The inbox folder's name (a pipeline's, or one routed to it).</param>
    /// <param name="workDirectory">Where claimed feeds are downloaded for their run (the data folder).</param>
    /// <param name="options">When a feed is ready and when a claim is stale.</param>
    /// <param name="time">The clock.</param>
    public SftpInbox(SftpEndpoint endpoint, string root, string folder, string workDirectory, InboxOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(workDirectory);
        _endpoint = endpoint;
        _root = root;
        _folder = folder;
        _work = Path.GetFullPath(workDirectory);
        _options = options ?? new InboxOptions();
        _time = time ?? TimeProvider.System;
    }

    public string Location => $"{_endpoint}{SftpPaths.Display(InboxFolder)}/";

    /// <summary>The folder suppliers drop feeds into, on the server.</summary>
    public string InboxFolder => SftpPaths.Join(_root, "inbox", _folder);

    private string ProcessingFolder => SftpPaths.Join(_root, "processing", _folder);

    public Task<IReadOnlyList<string>> ReadyAsync(CancellationToken cancellationToken = default) =>
        WithClientAsync<IReadOnlyList<string>>("look at the inbox", async client =>
        {
            await RecoverStaleClaimsAsync(client, cancellationToken).ConfigureAwait(false);
            var (ready, _) = await ScanAsync(client, cancellationToken).ConfigureAwait(false);
            return ready;
        }, cancellationToken);

    public Task<int> SettlingAsync(CancellationToken cancellationToken = default) =>
        WithClientAsync("look at the inbox", async client => (await ScanAsync(client, cancellationToken).ConfigureAwait(false)).Settling, cancellationToken);

    public async Task<ClaimedFeed?> TryClaimAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var client = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var name = SftpPaths.NameOf(id);
        var claimId = Guid.NewGuid().ToString("N");
        var folder = SftpPaths.Join(ProcessingFolder, claimId);
        var claim = new SftpClaim(_endpoint, client, folder, SftpPaths.Join(folder, name), Fail, _time);
        var local = Path.Combine(_work, "processing", _folder, claimId, name);
        try
        {
            await SftpPaths.CreateFoldersAsync(client, folder, cancellationToken).ConfigureAwait(false);
            try
            {
                // The claim: the server renames a file that is still there, for one process only.
                await client.RenameFileAsync(id, claim.RemoteFile, cancellationToken).ConfigureAwait(false);
            }
            catch (SftpPathNotFoundException)
            {
                await client.DeleteDirectoryAsync(folder, cancellationToken).ConfigureAwait(false);
                await claim.DisposeAsync().ConfigureAwait(false);
                return null; // claimed by another process, or gone
            }

            await TryRenameAsync(client, id + _options.DoneSuffix, claim.RemoteFile + _options.DoneSuffix, cancellationToken).ConfigureAwait(false);
            await claim.StartBeatingAsync(_options.ClaimTimeout / 4, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            var file = new FileStream(local, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await claim.UseAsync(c => c.DownloadFileAsync(claim.RemoteFile, file, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsRemoteFailure(e))
        {
            // The feed stays claimed on the server; its heartbeat stops, and a later look at the inbox puts it back.
            await claim.DisposeAsync().ConfigureAwait(false);
            DeleteLocal(local);
            throw Wrap("claim " + name, e);
        }

        return new ClaimedFeed(name, local) { Handle = claim };
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
        return MoveOutAsync(feed, "failed", "unfinished-" + ((SftpClaim)feed.Handle!).Id, null, cancellationToken);
    }

    /// <summary>Puts the claimed feed back in the inbox, ready at once (with a marker); when a newer drop of that name waits there, it goes to
    /// <c>failed/</c> instead, kept.</summary>
    public async Task ReleaseAsync(ClaimedFeed feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var claim = (SftpClaim)feed.Handle!;
        try
        {
            await claim.StopBeatingAsync().ConfigureAwait(false);
            var back = SftpPaths.Join(InboxFolder, feed.Name);
            var moved = await claim.UseAsync(client => TryRenameAsync(client, claim.RemoteFile, back, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (!moved)
            {
                await MoveOutAsync(feed, "failed", "unfinished-" + claim.Id, null, cancellationToken).ConfigureAwait(false);
                return;
            }

            await claim.UseAsync(async client =>
            {
                await TryDeleteAsync(client, claim.RemoteFile + _options.DoneSuffix, cancellationToken).ConfigureAwait(false);
                await WriteMarkerAsync(client, back, cancellationToken).ConfigureAwait(false);
                await SftpPaths.DeleteTreeAsync(client, claim.Folder, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsRemoteFailure(e))
        {
            throw Wrap("put " + feed.Name + " back", e);
        }
        finally
        {
            await claim.DisposeAsync().ConfigureAwait(false);
            DeleteLocal(feed.Path);
        }
    }

    public Task<string> AcceptAsync(string name, Func<Stream, CancellationToken, Task> write, Func<string, Task> beforeReady, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(beforeReady);
        return WithClientAsync("take " + name, async client =>
        {
            await SftpPaths.CreateFoldersAsync(client, InboxFolder, cancellationToken).ConfigureAwait(false);
            var id = SftpPaths.Join(InboxFolder, InboxNames.Safe(name));
            await WriteReadyAsync(client, id, output => write(output, cancellationToken), beforeReady, cancellationToken).ConfigureAwait(false);
            return id;
        }, cancellationToken);
    }

    public Task<string?> RequeueAsync(string runId, string name, Func<string, Task> beforeReady, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(beforeReady);
        return WithClientAsync<string?>("put run " + runId + "'s feed back", async client =>
        {
            foreach (var kind in FiledKinds)
            {
                foreach (var day in await SftpPaths.ListAsync(client, SftpPaths.Join(_root, kind), cancellationToken).ConfigureAwait(false))
                {
                    var filed = (await SftpPaths.ListAsync(client, SftpPaths.Join(day.FullName, runId), cancellationToken).ConfigureAwait(false))
                        .FirstOrDefault(f => f.IsRegularFile && f.Name != ReportJsonWriter.FileName && !IsMarkerOrPartial(f.Name));
                    if (filed is null)
                    {
                        continue;
                    }

                    await SftpPaths.CreateFoldersAsync(client, InboxFolder, cancellationToken).ConfigureAwait(false);
                    var id = SftpPaths.Join(InboxFolder, InboxNames.Safe(name));
                    var source = await client.OpenAsync(filed.FullName, FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false);
                    await using (source.ConfigureAwait(false))
                    {
                        await WriteReadyAsync(client, id, output => source.CopyToAsync(output, cancellationToken), beforeReady, cancellationToken).ConfigureAwait(false);
                    }

                    return id;
                }
            }

            return null;
        }, cancellationToken);
    }

    /// <summary>Writes a feed as <c>&lt;id&gt;.part</c> (invisible to pollers), tells <paramref name="beforeReady"/> its id, renames it to
    /// <paramref name="id"/> and marks it done.</summary>
    private async Task WriteReadyAsync(SftpClient client, string id, Func<Stream, Task> write, Func<string, Task> beforeReady, CancellationToken cancellationToken)
    {
        var partial = id + ".part";
        try
        {
            var output = await client.OpenAsync(partial, FileMode.Create, FileAccess.Write, cancellationToken).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                await write(output).ConfigureAwait(false);
            }

            await beforeReady(id).ConfigureAwait(false);
            await client.RenameFileAsync(partial, id, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await TryDeleteAsync(client, partial, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await WriteMarkerAsync(client, id, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<string> MoveOutAsync(ClaimedFeed feed, string kind, string runId, string? reportJson, CancellationToken cancellationToken)
    {
        var claim = (SftpClaim)feed.Handle!;
        var day = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var target = SftpPaths.Join(_root, kind, day, runId);
        try
        {
            // The beats stop first: a claim whose file is gone must not be kept alive, nor recovered.
            await claim.StopBeatingAsync().ConfigureAwait(false);
            await claim.UseAsync(async client =>
            {
                await SftpPaths.CreateFoldersAsync(client, target, cancellationToken).ConfigureAwait(false);
                if (reportJson is not null && File.Exists(reportJson))
                {
                    var report = File.OpenRead(reportJson);
                    await using (report.ConfigureAwait(false))
                    {
                        await client.UploadFileAsync(report, SftpPaths.Join(target, ReportJsonWriter.FileName), cancellationToken).ConfigureAwait(false);
                    }
                }

                await client.RenameFileAsync(claim.RemoteFile, SftpPaths.Join(target, feed.Name), cancellationToken).ConfigureAwait(false);
                await SftpPaths.DeleteTreeAsync(client, claim.Folder, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsRemoteFailure(e))
        {
            throw Wrap($"file {feed.Name} in {kind}/", e);
        }
        finally
        {
            await claim.DisposeAsync().ConfigureAwait(false);
            DeleteLocal(feed.Path);
        }

        return $"{_endpoint}{SftpPaths.Display(SftpPaths.Join(target, feed.Name))}";
    }

    /// <summary>Puts the feeds of claims whose heartbeat is older than <see cref="InboxOptions.ClaimTimeout"/> (their worker died) back in the inbox.</summary>
    private async Task RecoverStaleClaimsAsync(SftpClient client, CancellationToken cancellationToken)
    {
        foreach (var claim in await SftpPaths.ListAsync(client, ProcessingFolder, cancellationToken).ConfigureAwait(false))
        {
            if (!claim.IsDirectory
                || _time.GetUtcNow() - await SftpClaim.LastBeatAsync(client, claim.FullName, claim.LastWriteTimeUtc, cancellationToken).ConfigureAwait(false) < _options.ClaimTimeout)
            {
                continue;
            }

            var left = false;
            await SftpPaths.CreateFoldersAsync(client, InboxFolder, cancellationToken).ConfigureAwait(false);
            foreach (var file in await SftpPaths.ListAsync(client, claim.FullName, cancellationToken).ConfigureAwait(false))
            {
                if (file.Name != SftpClaim.HeartbeatName && file.IsRegularFile)
                {
                    // A newer drop of the same name waits in the inbox, or another process recovered it first: this one stays.
                    left |= !await TryRenameAsync(client, file.FullName, SftpPaths.Join(InboxFolder, file.Name), cancellationToken).ConfigureAwait(false)
                            && await client.ExistsAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                }
            }

            if (!left)
            {
                await SftpPaths.DeleteTreeAsync(client, claim.FullName, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(List<string> Ready, int Settling)> ScanAsync(SftpClient client, CancellationToken cancellationToken)
    {
        var entries = await SftpPaths.ListAsync(client, InboxFolder, cancellationToken).ConfigureAwait(false);
        var files = entries.Where(e => e.IsRegularFile && !e.Name.StartsWith('.')).ToList();
        var markers = files.Where(f => f.Name.EndsWith(_options.DoneSuffix, StringComparison.OrdinalIgnoreCase)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var feeds = files.Where(f => !IsMarkerOrPartial(f.Name)).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var now = _time.GetUtcNow();
        var ready = feeds
            .Where(f => markers.Contains(f.Name + _options.DoneSuffix) || now - new DateTimeOffset(DateTime.SpecifyKind(f.LastWriteTimeUtc, DateTimeKind.Utc)) >= _options.StableFor)
            .Select(f => SftpPaths.Join(InboxFolder, f.Name))
            .ToList();
        return (ready, feeds.Count - ready.Count);
    }

    private async Task<T> WithClientAsync<T>(string what, Func<SftpClient, Task<T>> work, CancellationToken cancellationToken)
    {
        using var client = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(client).ConfigureAwait(false);
        }
        catch (Exception e) when (IsRemoteFailure(e))
        {
            throw Wrap(what, e);
        }
    }

    private Task<SftpClient> OpenAsync(CancellationToken cancellationToken) => SftpConnection.OpenAsync(_endpoint, Fail, cancellationToken);

    private InfrastructureException Fail(string what, Exception? cause) => new($"{Location}: {what}", Location, cause);

    private InfrastructureException Wrap(string action, Exception e) =>
        e as InfrastructureException ?? new InfrastructureException($"{Location}: could not {action}: {e.Message}", Location, e);

    private static bool IsRemoteFailure(Exception e) => e is SshException or SocketException or IOException or InfrastructureException;

    private static async Task<bool> TryRenameAsync(SftpClient client, string from, string to, CancellationToken cancellationToken)
    {
        try
        {
            await client.RenameFileAsync(from, to, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SftpException) // gone, or the target exists: the SFTP rename never overwrites
        {
            return false;
        }
    }

    private static async Task TryDeleteAsync(SftpClient client, string path, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException)
        {
            // Not there: nothing to delete.
        }
    }

    private async Task WriteMarkerAsync(SftpClient client, string feed, CancellationToken cancellationToken)
    {
        using var empty = new MemoryStream();
        await client.UploadFileAsync(empty, feed + _options.DoneSuffix, cancellationToken).ConfigureAwait(false);
    }

    private static void DeleteLocal(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private bool IsMarkerOrPartial(string name) =>
        name.EndsWith(_options.DoneSuffix, StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);
}
