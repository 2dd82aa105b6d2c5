namespace ProductFlow.Retention;

/// <summary>The runs' report folders in <c>&lt;data&gt;/reports/</c>, one per run.</summary>
public static class ReportFolders
{
    /// <summary>Deletes every report folder last written before <paramref name="before"/> (its newest file, or the folder itself when empty);
    /// returns how many went. A running run writes its folder as it goes, so it is never taken.</summary>
    public static int Purge(string reportsDirectory, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportsDirectory);
        if (!Directory.Exists(reportsDirectory))
        {
            return 0;
        }

        var purged = 0;
        foreach (var folder in new DirectoryInfo(reportsDirectory).EnumerateDirectories())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var written = folder.EnumerateFiles("*", SearchOption.AllDirectories).Select(f => f.LastWriteTimeUtc).Append(folder.LastWriteTimeUtc).Max();
            if (new DateTimeOffset(written, TimeSpan.Zero) < before)
            {
                folder.Delete(recursive: true);
                purged++;
            }
        }

        return purged;
    }
}
