using System.Globalization;

namespace ProductFlow.Publishing;

/// <summary>Where a channel's published versions live in a blob store.</summary>
/// <remarks>
/// <code>
/// &lt;channel&gt;/v&lt;n&gt;/&lt;file&gt;          the data file of version n (no timestamps or run ids inside)
/// &lt;channel&gt;/v&lt;n&gt;/manifest.json     written last: a version without one is incomplete and never current
/// &lt;channel&gt;/current              the name of the latest complete version, such as v7
/// .state/&lt;channel&gt;/v&lt;n&gt;.jsonl.gz   what version n published, field by field: the base of the next delta and preview
/// .state/&lt;channel&gt;/v&lt;n&gt;.checked.json  where the store stood when a later publish found version n still current (<see cref="PublishBasis"/>)
/// </code>
/// The <c>.state</c> folder is ProductFlow's own: it holds every field of the channel view, so it is never served to partners.
/// </remarks>
public static class ExportLayout
{
    public const string CurrentName = "current";

    public const string ManifestName = "manifest.json";

    public const string StateFolder = ".state";

    public static string Version(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);

    public static string Current(string channel) => $"{channel}/{CurrentName}";

    public static string VersionFolder(string channel, int version) => $"{channel}/{Version(version)}/";

    public static string DataFile(string channel, int version, string file) => VersionFolder(channel, version) + file;

    public static string Manifest(string channel, int version) => VersionFolder(channel, version) + ManifestName;

    public static string Snapshot(string channel, int version) => $"{StateFolder}/{channel}/{Version(version)}.jsonl.gz";

    public static string Checked(string channel, int version) => $"{StateFolder}/{channel}/{Version(version)}.checked.json";

    public static string Lock(string channel) => $"{StateFolder}/{channel}/.publish.lock";

    /// <summary>The version number of a version folder name (<c>v12</c>), or null for another name.</summary>
    public static int? ParseVersion(string name) =>
        name.Length > 1 && name[0] == 'v' && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;
}
