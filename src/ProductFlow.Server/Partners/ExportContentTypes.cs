namespace ProductFlow.Server.Partners;

/// <summary>The media type of a published data file, by the extension its channel kind gives it (<see cref="Channels.ChannelWriters.FileName"/>).</summary>
internal static class ExportContentTypes
{
    public static string Of(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".tsv" => "text/tab-separated-values; charset=utf-8",
        ".jsonl" => "application/x-ndjson; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        _ => "application/octet-stream",
    };

    /// <summary>What the response compression may compress (every kind's media type; never a 206 or an already compressed body).</summary>
    public static readonly string[] Compressible =
    [
        "text/csv", "text/tab-separated-values", "application/x-ndjson", "application/json", "application/xml",
    ];
}
