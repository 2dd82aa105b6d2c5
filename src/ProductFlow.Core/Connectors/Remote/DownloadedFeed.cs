namespace ProductFlow.Connectors.Remote;

/// <summary>A remote feed downloaded for one run: a local file, deleted with its folder when disposed.</summary>
public sealed class DownloadedFeed : IDisposable
{
    private readonly string _folder;

    internal DownloadedFeed(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    /// <summary>The local copy the readers read (as often as they need: a workbook seeks, an encoding is detected before parsing).</summary>
    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
