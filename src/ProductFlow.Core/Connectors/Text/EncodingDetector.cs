namespace ProductFlow.Connectors.Text;

/// <summary>Decides a feed file's encoding: a byte order mark wins, then the pipeline's <c>source.encoding</c>, then the bytes.</summary>
/// <remarks>
/// Without a byte order mark, <c>auto</c> (the default) scans the whole file once, streaming with a small buffer:
/// valid UTF-8 is UTF-8, anything else is Windows-1252 (the encoding of Excel's "CSV" on Western Windows).
/// A file declared (or marked by its BOM) as UTF-8 that is not valid UTF-8 fails the feed with the byte offset and
/// line of the first bad byte, rather than being read with replacement characters. A NUL byte in a file that is not
/// UTF-16 means binary content: the feed fails with a hint (a workbook or archive is not a CSV file).
/// </remarks>
public static class EncodingDetector
{
    public static async Task<FeedEncoding> DetectAsync(string path, string feedName, string? declared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Normalize(declared);
        var stream = OpenRead(path, feedName);
        await using (stream.ConfigureAwait(false))
        {
            var start = new byte[4];
            var length = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var head = start.AsSpan(0, length);
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                return FeedEncoding.Utf16LeBom;
            }

            if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return FeedEncoding.Utf16BeBom;
            }

            var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            if (!bom)
            {
                switch (name)
                {
                    case "windows-1252": return await SuspectAsync(stream, FeedEncoding.Windows1252, cancellationToken).ConfigureAwait(false);
                    case "iso-8859-1": return await SuspectAsync(stream, FeedEncoding.Latin1, cancellationToken).ConfigureAwait(false);
                    case "utf-16le": return FeedEncoding.Utf16Le;
                    case "utf-16be": return FeedEncoding.Utf16Be;
                }
            }

            if (ZipMagic(head))
            {
                throw new FeedReadException($"{feedName}: byte 0: this is a zip archive (an .xlsx workbook?), not a text file", path, 1)
                {
                    Hint = "set source.format to xlsx for an Excel workbook",
                };
            }

            stream.Position = 0;
            var scan = await Utf8Scanner.ScanAsync(stream, cancellationToken).ConfigureAwait(false);
            if (scan.NulOffset is { } nul)
            {
                throw new FeedReadException($"{feedName}: line {scan.NulLine}, byte {nul}: binary content (a NUL byte): this is not a text feed", path, scan.NulLine)
                {
                    Hint = "check that the supplier sent the right file and format",
                };
            }

            if (scan.InvalidOffset is not { } invalid)
            {
                return bom ? FeedEncoding.Utf8Bom : FeedEncoding.Utf8;
            }

            if (bom || name == "utf-8")
            {
                var why = bom ? "starts with a UTF-8 byte order mark" : "is declared utf-8";
                throw new FeedReadException(
                    $"{feedName}: line {scan.InvalidLine}, byte {invalid}: invalid UTF-8 (the file {why})", path, scan.InvalidLine)
                {
                    Hint = "re-export the file as UTF-8, or set source.encoding to its real encoding (e.g. windows-1252)",
                };
            }

            return FeedEncoding.Windows1252;
        }
    }

    /// <summary>A single-byte encoding as declared, marked suspect when the bytes are valid UTF-8 with letters outside ASCII (a file saved as UTF-8 after all).</summary>
    private static async Task<FeedEncoding> SuspectAsync(Stream stream, FeedEncoding declared, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        var scan = await Utf8Scanner.ScanAsync(stream, cancellationToken).ConfigureAwait(false);
        return scan is { InvalidOffset: null, NulOffset: null, FirstNonAsciiLine: { } line } ? declared with { SuspectLine = line } : declared;
    }

    private static bool ZipMagic(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    private static string Normalize(string? declared) => declared?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => "auto",
        "utf8" or "utf-8" => "utf-8",
        "cp1252" or "windows-1252" => "windows-1252",
        "latin1" or "iso-8859-1" => "iso-8859-1",
        "utf-16le" or "utf-16" => "utf-16le",
        "utf-16be" => "utf-16be",
        var other => throw new ProductFlowException($"unknown encoding '{other}'") { Hint = "use one of: " + string.Join(", ", FeedEncoding.Names) },
    };

    /// <summary>Opens a feed file for a reader, reporting to the source's <see cref="FeedSource.Progress"/> when it has one.</summary>
    internal static Stream OpenFeed(FeedSource source) =>
        source.Progress is { } progress ? new ProgressStream(OpenRead(source.Path, source.Name), progress) : OpenRead(source.Path, source.Name);

    internal static FileStream OpenRead(string path, string feedName)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FeedReadException($"{feedName}: cannot be opened: {e.Message}", path, null, e);
        }
    }
}
