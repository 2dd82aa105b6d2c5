using System.Globalization;
using ProductFlow.Primitives;
using ProductFlow.Reports;
using ProductFlow.Store;

namespace ProductFlow.Inbox;

/// <summary>The local-folder inbox of one pipeline: <c>&lt;data&gt;/inbox/&lt;pipeline&gt;/</c>.</summary>
/// <remarks>
/// <para>A file is ready when a <c>&lt;name&gt;.done</c> marker is beside it, or when its size and write time have not
/// changed for <see cref="InboxOptions.StableFor"/> (a supplier's upload takes time). Names starting with <c>.</c> and
/// ending with <c>.done</c>, <c>.part</c> or <c>.tmp</c> are never feeds.</para>
/// <para>Claiming is one atomic rename into <c>processing/&lt;pipeline&gt;/&lt;claim id&gt;/</c>: when two processes race for a
/// file, the file system lets exactly one rename succeed, and the other skips it. After the run the file moves to
/// <c>archive/&lt;yyyy-mm-dd&gt;/&lt;runId&gt;/</c>, or to <c>failed/&lt;yyyy-mm-dd&gt;/&lt;runId&gt;/</c> when the feed could not be read, with a
/// copy of the run's <c>report.json</c>. Files are moved, never deleted: a feed is never lost.</para>
/// <para>A claim's <c>.heartbeat</c> file is touched while its run lasts. A claim whose heartbeat is older than
/// <see cref="InboxOptions.ClaimTimeout"/> belongs to a crashed process: <see cref="Ready"/> puts its feed back in the
/// inbox, to be run again (which changes nothing twice: unchanged products get no new version).</para>
/// </remarks>
public sealed class FolderInbox : IFeedInbox
{
    private static readonly string[] FiledKinds = ["failed", "archive"];

    private readonly string _data;
    private readonly string _pipeline;
    private readonly InboxOptions _options;
    private readonly TimeProvider _time;

    public FolderInbox(string dataDirectory, string pipeline, InboxOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        _data = Path.GetFullPath(dataDirectory);
        _pipeline = pipeline;
        _options = options ?? new InboxOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The folder suppliers drop this pipeline's feeds into.</summary>
    public string Folder => Path.Combine(_data, "inbox", _pipeline);

    public string Location => Folder;

    public Task<IReadOnlyList<string>> ReadyAsync(CancellationToken cancellationToken = default) => Task.FromResult(Ready());

    public Task<int> SettlingAsync(CancellationToken cancellationToken = default) => Task.FromResult(Settling().Count);

    public Task<ClaimedFeed?> TryClaimAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(TryClaim(id));

    public Task<string> CompleteAsync(ClaimedFeed feed, QualityReport report, CancellationToken cancellationToken = default) => Task.FromResult(Complete(feed, report));

    public Task<string> AbandonAsync(ClaimedFeed feed, CancellationToken cancellationToken = default) => Task.FromResult(Abandon(feed));

    public Task ReleaseAsync(ClaimedFeed feed, CancellationToken cancellationToken = default)
    {
        Release(feed);
        return Task.CompletedTask;
    }

    /// <summary>The feeds that are complete and waiting, oldest first.</summary>
    public IReadOnlyList<string> Ready()
    {
        RecoverStaleClaims();
        return Feeds().Where(IsReady).ToList();
    }

    /// <summary>The feeds still being written (not yet stable, no marker).</summary>
    public IReadOnlyList<string> Settling() => Feeds().Where(f => !IsReady(f)).ToList();

    /// <summary>Claims <paramref name="path"/> for this process; <c>null</c> when another process claimed it first.</summary>
    public ClaimedFeed? TryClaim(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var folder = Path.Combine(_data, "processing", _pipeline, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var claimed = Path.Combine(folder, name);
        try
        {
            File.Move(path, claimed, overwrite: false);
        }
        catch (FileNotFoundException)
        {
            Directory.Delete(folder);
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            Directory.Delete(folder);
            return null;
        }

        var marker = path + _options.DoneSuffix;
        if (File.Exists(marker))
        {
            File.Move(marker, claimed + _options.DoneSuffix, overwrite: true);
        }

        return new ClaimedFeed(name, claimed) { Handle = new ClaimHeartbeat(folder, _options.ClaimTimeout / 4) };
    }

    /// <summary>Moves a claimed feed to <c>archive/</c> (or <c>failed/</c> for a failed run) with a copy of its report; returns its new path.</summary>
    public string Complete(ClaimedFeed feed, QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(report);
        var target = Target(report.Run.Status == RunStatus.Failed ? "failed" : "archive", report.Run.Id);
        var reportJson = Path.Combine(report.Folder, ReportJsonWriter.FileName);
        if (File.Exists(reportJson))
        {
            File.Copy(reportJson, Path.Combine(target, ReportJsonWriter.FileName), overwrite: true);
        }

        return MoveOut(feed, target);
    }

    /// <summary>Moves a claimed feed to <c>failed/</c> when its run stopped without a report (a fault of ProductFlow or its infrastructure).</summary>
    public string Abandon(ClaimedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return MoveOut(feed, Target("failed", "unfinished-" + Path.GetFileName(Path.GetDirectoryName(feed.Path))));
    }

    public async Task<string> AcceptAsync(string name, Func<Stream, CancellationToken, Task> write, Func<string, Task> beforeReady, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(beforeReady);
        var path = Path.Combine(Folder, InboxNames.Safe(name));
        Directory.CreateDirectory(Folder);
        var partial = path + ".part";
        try
        {
            var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
            }

            await beforeReady(path).ConfigureAwait(false);
            File.Move(partial, path, overwrite: false);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        await File.WriteAllBytesAsync(path + _options.DoneSuffix, [], CancellationToken.None).ConfigureAwait(false);
        return path;
    }

    public async Task<string?> RequeueAsync(string runId, string name, Func<string, Task> beforeReady, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var filed = FiledKinds
            .Select(kind => Path.Combine(_data, kind))
            .Where(Directory.Exists)
            .SelectMany(kind => Directory.EnumerateDirectories(kind).Select(day => Path.Combine(day, runId)))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder).Where(f => !IsMarkerOrPartial(Path.GetFileName(f)) && Path.GetFileName(f) != ReportJsonWriter.FileName))
            .FirstOrDefault();
        if (filed is null)
        {
            return null;
        }

        return await AcceptAsync(
            name,
            async (output, ct) =>
            {
                var input = File.OpenRead(filed);
                await using (input.ConfigureAwait(false))
                {
                    await input.CopyToAsync(output, ct).ConfigureAwait(false);
                }
            },
            beforeReady,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts a claimed feed back in the inbox, ready at once (its marker goes back with it, or one is made).</summary>
    public void Release(ClaimedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Directory.CreateDirectory(Folder);
        var back = Path.Combine(Folder, feed.Name);
        MoveOut(feed, Folder);
        if (!File.Exists(back + _options.DoneSuffix))
        {
            File.WriteAllBytes(back + _options.DoneSuffix, []);
        }
    }

    private string MoveOut(ClaimedFeed feed, string target)
    {
        (feed.Handle as IDisposable)?.Dispose();
        var destination = Path.Combine(target, feed.Name);
        File.Move(feed.Path, destination, overwrite: true);
        var marker = feed.Path + _options.DoneSuffix;
        if (File.Exists(marker))
        {
            File.Move(marker, destination + _options.DoneSuffix, overwrite: true);
        }

        Directory.Delete(Path.GetDirectoryName(feed.Path)!, recursive: false);
        return destination;
    }

    private string Target(string kind, string runId)
    {
        var day = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Path.Combine(_data, kind, day, runId);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private void RecoverStaleClaims()
    {
        var processing = Path.Combine(_data, "processing", _pipeline);
        if (!Directory.Exists(processing))
        {
            return;
        }

        foreach (var claim in Directory.EnumerateDirectories(processing))
        {
            var heartbeat = new FileInfo(Path.Combine(claim, ClaimHeartbeat.FileName));
            var last = heartbeat.Exists ? heartbeat.LastWriteTimeUtc : Directory.GetLastWriteTimeUtc(claim);
            if (_time.GetUtcNow() - last < _options.ClaimTimeout)
            {
                continue;
            }

            Directory.CreateDirectory(Folder);
            foreach (var file in Directory.EnumerateFiles(claim).Where(f => Path.GetFileName(f) != ClaimHeartbeat.FileName))
            {
                var back = Path.Combine(Folder, Path.GetFileName(file));
                try
                {
                    File.Move(file, back, overwrite: false);
                }
                catch (IOException) when (File.Exists(back) || !File.Exists(file))
                {
                    // A newer drop of the same name waits in the inbox, or another process recovered it first: leave this one.
                }
            }

            if (!Directory.EnumerateFiles(claim).Any(f => Path.GetFileName(f) != ClaimHeartbeat.FileName))
            {
                Directory.Delete(claim, recursive: true);
            }
        }
    }

    private IEnumerable<string> Feeds()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return new DirectoryInfo(Folder).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !IsMarkerOrPartial(f.Name))
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.FullName);
    }

    private bool IsMarkerOrPartial(string name) =>
        name.EndsWith(_options.DoneSuffix, StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

    private bool IsReady(string path)
    {
        if (File.Exists(path + _options.DoneSuffix))
        {
            return true;
        }

        // The size is read twice around the time check, so a file that grows between them is not taken as stable.
        var before = new FileInfo(path);
        var stable = _time.GetUtcNow() - before.LastWriteTimeUtc >= _options.StableFor;
        var after = new FileInfo(path);
        return stable && before.Length == after.Length && before.LastWriteTimeUtc == after.LastWriteTimeUtc;
    }
}
