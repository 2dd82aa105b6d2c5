using System.Globalization;

namespace ProductFlow.Publishing;

/// <summary>Reads a channel's published versions from an export store: which is current, each version's manifest, which exist.</summary>
/// <remarks>Only complete versions count: a version folder without its manifest was never committed and is never listed.</remarks>
public static class ExportHistory
{
    /// <summary>The version <c>current</c> names, or null before the channel's first publish.</summary>
    public static async Task<int?> CurrentVersionAsync(IBlobStore exports, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var pointer = await exports.OpenReadAsync(ExportLayout.Current(channel), cancellationToken).ConfigureAwait(false);
        if (pointer is null)
        {
            return null;
        }

        string name;
        await using (pointer.ConfigureAwait(false))
        using (var reader = new StreamReader(pointer))
        {
            name = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
        }

        return ExportLayout.ParseVersion(name) ?? throw new ProductFlowException($"{exports.Locate(ExportLayout.Current(channel))} names no version ('{name}')");
    }

    /// <summary>The manifest of version <paramref name="version"/>, or null when that version is not (or no longer) there.</summary>
    public static async Task<ExportManifest?> ManifestAsync(IBlobStore exports, string channel, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var manifest = await exports.OpenReadAsync(ExportLayout.Manifest(channel, version), cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return null;
        }

        await using (manifest.ConfigureAwait(false))
        {
            return ExportManifest.Read(manifest);
        }
    }

    /// <summary>The numbers of the channel's complete versions, oldest first.</summary>
    public static async Task<IReadOnlyList<int>> VersionsAsync(IBlobStore exports, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var prefix = channel + "/";
        var versions = new List<int>();
        await foreach (var path in exports.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var name = path[prefix.Length..];
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && string.Equals(name[(slash + 1)..], ExportLayout.ManifestName, StringComparison.Ordinal)
                && ExportLayout.ParseVersion(name[..slash]) is { } version)
            {
                versions.Add(version);
            }
        }

        versions.Sort();
        return versions;
    }

    /// <summary>The version's name as a partner sees it in a file name: <c>partner-v7.csv</c>.</summary>
    public static string DownloadName(ExportManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var extension = Path.GetExtension(manifest.File);
        return string.Create(CultureInfo.InvariantCulture, $"{manifest.Channel}-v{manifest.Version}{extension}");
    }
}
