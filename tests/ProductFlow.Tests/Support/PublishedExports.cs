using ProductFlow.Publishing;

namespace ProductFlow.Tests.Support;

/// <summary>Finds a channel's published files in a data folder, through <c>exports/&lt;channel&gt;/current</c> as readers do.</summary>
internal static class PublishedExports
{
    /// <summary>The version <c>current</c> names, or null before the first publish.</summary>
    public static int? CurrentVersion(string data, string channel)
    {
        var pointer = Path.Combine(data, "exports", channel, ExportLayout.CurrentName);
        return File.Exists(pointer) ? ExportLayout.ParseVersion(File.ReadAllText(pointer).Trim()) : null;
    }

    /// <summary>The data file <paramref name="file"/> of the current version of <paramref name="channel"/>.</summary>
    public static string Current(string data, string channel, string file)
    {
        var version = CurrentVersion(data, channel) ?? throw new AssertionException($"{channel} has no current version under {data}");
        return Path.Combine(data, "exports", channel, ExportLayout.Version(version), file);
    }
}
