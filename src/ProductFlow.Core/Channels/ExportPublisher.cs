using ProductFlow.Catalog;
using ProductFlow.Store;

namespace ProductFlow.Channels;

/// <summary>Publishes a channel's data file from the store: written under a temporary name, then renamed over the current file.</summary>
/// <remarks>The rename is atomic on one file system, so readers only ever see a complete export, and a publish that fails leaves the previous file current.</remarks>
public static class ExportPublisher
{
    /// <summary>The current data file of <paramref name="channel"/> under <paramref name="exportsDirectory"/>.</summary>
    public static string DataFile(string exportsDirectory, ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Path.GetFullPath(Path.Combine(exportsDirectory, channel.Code, ChannelWriters.FileName(channel)));
    }

    /// <summary>Writes the channel's export; returns the number of rows.</summary>
    public static async Task<long> PublishAsync(IProductStore store, ChannelDefinition channel, ProductCatalog catalog, string exportsDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var target = DataFile(exportsDirectory, channel);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long rows = 0;
            var writer = ChannelWriters.Create(channel, catalog, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
            await using (writer.ConfigureAwait(false))
            {
                await foreach (var record in store.ReadChannelAsync(channel.Code, cancellationToken).ConfigureAwait(false))
                {
                    writer.Write(record);
                    rows++;
                }
            }

            File.Move(temporary, target, overwrite: true);
            return rows;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
