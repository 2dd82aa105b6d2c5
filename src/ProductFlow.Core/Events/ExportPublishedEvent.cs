using System.Text.Json;
using ProductFlow.Channels;
using ProductFlow.Publishing;

namespace ProductFlow.Events;

/// <summary><c>ProductFlow.Export.Published</c>: a channel's new version is committed and current.</summary>
/// <remarks>
/// Raised once per committed version, after its manifest and <c>current</c> are written; never for a preview or a publish
/// that changed nothing. Data: <c>channel, version, previous, mode, basedOn?, file, manifest, sha256, bytes, rows, records,
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

    public ExportManifest Manifest { get; }

    /// <summary>The version that was current before; null for the channel's first.</summary>
    public int? Previous { get; }

    /// <summary>The data file of the new version (a path or URL).</summary>
    public string File { get; }

    /// <summary>The new version's <c>manifest.json</c> (a path or URL).</summary>
    public string ManifestLocation { get; }

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
