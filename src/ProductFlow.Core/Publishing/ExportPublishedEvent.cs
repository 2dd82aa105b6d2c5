using System.Text.Json;
using ProductFlow.Channels;
using ProductFlow.Events;
using ProductFlow.Publishing;

namespace ProductFlow.Publishing;

/// <summary><c>ProductFlow.Export.Published</c>: a channel's new version is committed and current.</summary>
/// <remarks>
/// Raised once per committed version, after its manifest and <c>current</c> are written; never for a preview or a publish
/// that changed nothing. Its id is <c>&lt;channel&gt;:v&lt;n&gt;:published</c>, and everything in it comes from the version's
/// manifest and where the export store keeps it (<see cref="For"/>), so it can be derived again from the manifest alone. Data: <c>channel, version, previous, mode, basedOn?, file, manifest, sha256, bytes, rows, records,
/// added, changed, removed, runId</c>; <c>file</c> and <c>manifest</c> are paths or URLs as the export store locates them.
/// </remarks>
public sealed class ExportPublishedEvent : ProductFlowEvent
{
    public ExportPublishedEvent(ExportManifest manifest, int? previous, string file, string manifestLocation)
        : base(manifest?.CreatedAt ?? throw new ArgumentNullException(nameof(manifest)))
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(manifestLocation);
        Manifest = manifest;
        Previous = previous;
        File = file;
        ManifestLocation = manifestLocation;
    }

    /// <summary>The event of the committed version <paramref name="manifest"/> describes, in <paramref name="exports"/>.</summary>
    /// <remarks>A channel's version is always its previous version's number plus one (the first is v1), so the manifest names both.</remarks>
    public static ExportPublishedEvent For(ExportManifest manifest, IBlobStore exports)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(exports);
        return new ExportPublishedEvent(
            manifest,
            manifest.Version > 1 ? manifest.Version - 1 : null,
            exports.Locate(ExportLayout.DataFile(manifest.Channel, manifest.Version, manifest.File)),
            exports.Locate(ExportLayout.Manifest(manifest.Channel, manifest.Version)));
    }

    public ExportManifest Manifest { get; }

    /// <summary>The version that was current before; null for the channel's first.</summary>
    public int? Previous { get; }

    /// <summary>The data file of the new version (a path or URL).</summary>
    public string File { get; }

    /// <summary>The new version's <c>manifest.json</c> (a path or URL).</summary>
    public string ManifestLocation { get; }

    public override string Id => $"{Manifest.Channel}:{ExportLayout.Version(Manifest.Version)}:published";

    public override string Type => EventTypes.ExportPublished;

    public override string Source => $"{SourcePrefix}/channels/{Manifest.Channel}";

    public override string Subject => $"exports/{Manifest.Channel}/{ExportLayout.Version(Manifest.Version)}";

    protected override void WriteData(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("channel", Manifest.Channel);
        writer.WriteNumber("version", Manifest.Version);
        if (Previous is { } previous)
        {
            writer.WriteNumber("previous", previous);
        }
        else
        {
            writer.WriteNull("previous");
        }

        writer.WriteString("mode", ExportModeNames.Name(Manifest.Mode));
        if (Manifest.BasedOn is { } basedOn)
        {
            writer.WriteNumber("basedOn", basedOn);
        }

        writer.WriteString("file", File);
        writer.WriteString("manifest", ManifestLocation);
        writer.WriteString("sha256", Manifest.Sha256);
        writer.WriteNumber("bytes", Manifest.Bytes);
        writer.WriteNumber("rows", Manifest.Rows);
        writer.WriteNumber("records", Manifest.Records);
        writer.WriteNumber("added", Manifest.Added);
        writer.WriteNumber("changed", Manifest.Changed);
        writer.WriteNumber("removed", Manifest.Removed);
        writer.WriteString("runId", Manifest.RunId);
    }
}
