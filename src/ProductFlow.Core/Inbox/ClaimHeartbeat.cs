namespace ProductFlow.Inbox;

/// <summary>Touches a claim folder's <c>.heartbeat</c> file while its run lasts, so other processes can tell a live claim from a crashed one.</summary>
internal sealed class ClaimHeartbeat : IDisposable
{
    public const string FileName = ".heartbeat";

    private readonly string _path;
    private readonly Timer _timer;

    public ClaimHeartbeat(string folder, TimeSpan interval)
    {
        _path = Path.Combine(folder, FileName);
        Beat(null);
        _timer = new Timer(Beat, null, interval, interval);
    }

    public void Dispose()
    {
        _timer.Dispose();
        File.Delete(_path);
    }

    private void Beat(object? state)
    {
        try
        {
            File.WriteAllBytes(_path, []);
        }
        catch (IOException)
        {
            // A missed beat is made up at the next tick; a claim only goes stale after several.
        }
    }
}
