using System.Globalization;
using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Channels;

namespace ProductFlow.Publishing;

/// <summary>The <c>manifest.json</c> of a published version: what it holds and how to check it. Writing it commits the version.</summary>
public sealed class ExportManifest
{
    public required string Channel { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The run that published it: a pipeline run, or <c>publish</c> for the command.</summary>
    public required string RunId { get; init; }

    public required ExportMode Mode { get; init; }

    /// <summary>The data file's name, beside the manifest.</summary>
    public required string File { get; init; }

    /// <summary>Data rows (records or tombstones) in the file.</summary>
    public required long Rows { get; init; }

    public required long Bytes { get; init; }

    /// <summary>SHA-256 of the data file, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The version a delta applies to; null for a full export.</summary>
    public int? BasedOn { get; init; }

    /// <summary>Records of the channel, after this version.</summary>
    public long Records { get; init; }

    public long Added { get; init; }

    public long Changed { get; init; }

    public long Removed { get; init; }

    /// <summary>When the newest data behind this version was stored (the start of the run that committed it); null when unknown (a version
    /// written before ProductFlow recorded it, or an empty store). Now minus this is the channel's publication lag.</summary>
    public DateTimeOffset? DataAsOf { get; init; }

    /// <summary>SHA-256 of the channel's definition: a changed format makes the next publish a full one.</summary>
    public required string Definition { get; init; }

    /// <summary>Where the store stood when the version was written (read before the records) and what it was made from: null for a
    /// version written before ProductFlow recorded it.</summary>
    internal PublishBasis? Basis { get; init; }

    /// <summary>The store's change sequence read before the records (<see cref="Store.IProductStore.PositionAsync"/>): the version holds
    /// every change up to it. Null for a version written before ProductFlow recorded it.</summary>
    public long? Sequence => Basis?.Position.Sequence;

    /// <summary>The store's change at <see cref="Sequence"/> (<see cref="Store.StorePosition.Latest"/>): <c>&lt;sku&gt; v&lt;version&gt; &lt;hash&gt;</c>.</summary>
    public string? LatestChange => Basis?.Position.Latest;

    /// <summary>SHA-256 of what shapes the version besides the store and the channel's definition: the catalog and the build of ProductFlow
    /// that wrote it (<see cref="PublishInputs"/>). Null for a version written before ProductFlow recorded it.</summary>
    public string? Inputs => Basis?.Inputs;

    public void Write(Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("channel", Channel);
        writer.WriteNumber("version", Version);
        writer.WriteString("createdAt", Timestamp(CreatedAt));
        writer.WriteString("runId", RunId);
        writer.WriteString("mode", ExportModeNames.Name(Mode));
        if (BasedOn is { } basedOn)
        {
            writer.WriteNumber("basedOn", basedOn);
        }

        writer.WriteString("file", File);
        writer.WriteNumber("rows", Rows);
        writer.WriteNumber("bytes", Bytes);
        writer.WriteString("sha256", Sha256);
        writer.WriteNumber("records", Records);
        writer.WriteNumber("added", Added);
        writer.WriteNumber("changed", Changed);
        writer.WriteNumber("removed", Removed);
        writer.WriteString("definition", Definition);
        if (DataAsOf is { } dataAsOf)
        {
            writer.WriteString("dataAsOf", Timestamp(dataAsOf));
        }

        Basis?.WriteFields(writer);

        writer.WriteEndObject();
    }

    public static ExportManifest Read(Stream input)
    {
        using var document = JsonDocument.Parse(input);
        var root = document.RootElement;
        return new ExportManifest
        {
            Channel = root.GetProperty("channel").GetString()!,
            Version = root.GetProperty("version").GetInt32(),
            CreatedAt = ParseTimestamp(root.GetProperty("createdAt").GetString()!),
            RunId = root.GetProperty("runId").GetString()!,
            Mode = ExportModeNames.Parse(root.GetProperty("mode").GetString()),
            BasedOn = root.TryGetProperty("basedOn", out var basedOn) ? basedOn.GetInt32() : null,
            File = root.GetProperty("file").GetString()!,
            Rows = root.GetProperty("rows").GetInt64(),
            Bytes = root.GetProperty("bytes").GetInt64(),
            Sha256 = root.GetProperty("sha256").GetString()!,
            Records = root.GetProperty("records").GetInt64(),
            Added = root.GetProperty("added").GetInt64(),
            Changed = root.GetProperty("changed").GetInt64(),
            Removed = root.GetProperty("removed").GetInt64(),
            Definition = root.GetProperty("definition").GetString()!,
            DataAsOf = root.TryGetProperty("dataAsOf", out var dataAsOf) ? ParseTimestamp(dataAsOf.GetString()!) : null,
            Basis = PublishBasis.ReadFields(root),
        };
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
