using System.Globalization;
using System.Text;
using ProductFlow.Connectors.Sftp;
using Renci.SshNet;

namespace ProductFlow.Inbox;

/// <summary>A feed claimed in an <see cref="SftpInbox"/>: the SFTP session that holds it and the heartbeat that shows the claim is alive.</summary>
/// <remarks>The heartbeat is the file <c>.heartbeat</c> in the claim's folder on the server, holding the UTC time of the last beat as this
/// process's clock has it (not the server's: the processes that compare it share their clocks, the server may not). A beat that fails is made
/// up at the next one; a session the server dropped is opened again.</remarks>
internal sealed class SftpClaim : IAsyncDisposable
{
    public const string HeartbeatName = ".heartbeat";

    private readonly SftpEndpoint _endpoint;
    private readonly Func<string, Exception?, ProductFlowException> _fail;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _session = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private SftpClient _client;
    private Task? _beating;
    private int _disposed;

    public SftpClaim(SftpEndpoint endpoint, SftpClient client, string folder, string remoteFile, Func<string, Exception?, ProductFlowException> fail, TimeProvider time)
    {
        _endpoint = endpoint;
        _client = client;
        _fail = fail;
        _time = time;
        Folder = folder;
        RemoteFile = remoteFile;
    }

    /// <summary>The claim's folder on the server: <c>processing/&lt;folder&gt;/&lt;claim id&gt;</c>.</summary>
    public string Folder { get; }

    /// <summary>The claimed feed on the server, in <see cref="Folder"/>.</summary>
    public string RemoteFile { get; }

    /// <summary>The claim's id: its folder's name.</summary>
    public string Id => SftpPaths.NameOf(Folder);

    /// <summary>Writes the first beat, then one every <paramref name="interval"/> until disposed.</summary>
    public async Task StartBeatingAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await UseAsync(client => WriteBeatAsync(client, _time, Folder, cancellationToken), cancellationToken).ConfigureAwait(false);
        _beating = BeatAsync(interval, _stop.Token);
    }

    /// <summary>Runs <paramref name="work"/> on the claim's session (opened again if the server dropped it), one user at a time.</summary>
    public async Task<T> UseAsync<T>(Func<SftpClient, Task<T>> work, CancellationToken cancellationToken)
    {
        await _session.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_client.IsConnected)
            {
                _client.Dispose();
                _client = await SftpConnection.OpenAsync(_endpoint, _fail, cancellationToken).ConfigureAwait(false);
            }

            return await work(_client).ConfigureAwait(false);
        }
        finally
        {
            _session.Release();
        }
    }

    public Task UseAsync(Func<SftpClient, Task> work, CancellationToken cancellationToken) =>
        UseAsync<bool>(async client => { await work(client).ConfigureAwait(false); return true; }, cancellationToken);

    /// <summary>Stops the heartbeat (the beats stop before the claim's files move) and closes the session.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopBeatingAsync().ConfigureAwait(false);
        _client.Dispose();
        _session.Dispose();
        _stop.Dispose();
    }

    /// <summary>Stops the heartbeat; the session stays open.</summary>
    public async Task StopBeatingAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        if (_beating is { } beating)
        {
            await beating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>When the claim in <paramref name="folder"/> last showed life: the time its heartbeat holds; the heartbeat file's own time when it is
    /// being written at that moment (its content is then empty or partial); the folder's time when there is no heartbeat.</summary>
    public static async Task<DateTimeOffset> LastBeatAsync(SftpClient client, string folder, DateTime folderWritten, CancellationToken cancellationToken)
    {
        var heartbeat = SftpPaths.Join(folder, HeartbeatName);
        try
        {
            using var content = new MemoryStream();
            await client.DownloadFileAsync(heartbeat, content, cancellationToken).ConfigureAwait(false);
            if (DateTimeOffset.TryParseExact(Encoding.ASCII.GetString(content.ToArray()), "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var beat))
            {
                return beat;
            }

            return Utc((await client.GetAttributesAsync(heartbeat, cancellationToken).ConfigureAwait(false)).LastWriteTimeUtc);
        }
        catch (Renci.SshNet.Common.SftpPathNotFoundException)
        {
            // A claim that never beat (its process died at once): the folder's time tells when it was made.
            return Utc(folderWritten);
        }
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static async Task WriteBeatAsync(SftpClient client, TimeProvider time, string folder, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.ASCII.GetBytes(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        await client.UploadFileAsync(content, SftpPaths.Join(folder, HeartbeatName), cancellationToken).ConfigureAwait(false);
    }

    private async Task BeatAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, _time);
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            try
            {
                await UseAsync(client => WriteBeatAsync(client, _time, Folder, stop), stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ProductFlowException or Renci.SshNet.Common.SshException or IOException or System.Net.Sockets.SocketException)
            {
                // A missed beat is made up at the next tick; a claim only goes stale after several.
            }
        }
    }
}
