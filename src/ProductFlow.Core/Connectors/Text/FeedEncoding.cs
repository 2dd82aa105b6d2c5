using System.Text;

namespace ProductFlow.Connectors.Text;

/// <summary>The text encoding of a feed: its name as reports and <c>inspect</c> show it, and how to decode it.</summary>
/// <remarks>
/// <see cref="Transcode"/> is <c>null</c> when the bytes are UTF-8 or start with a UTF-16 byte order mark,
/// which CsvHelper honours itself; otherwise the reader transcodes from it.
/// </remarks>
public sealed record FeedEncoding(string Name, Encoding? Transcode)
{
    /// <summary>The names <c>source.encoding</c> accepts (pipeline schema); <c>auto</c> detects.</summary>
    public static readonly IReadOnlyList<string> Names = ["auto", "utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"];

    public static readonly FeedEncoding Utf8 = new("utf-8", null);

    public static readonly FeedEncoding Utf8Bom = new("utf-8 (BOM)", null);

    public static readonly FeedEncoding Utf16LeBom = new("utf-16le (BOM)", null);

    public static readonly FeedEncoding Utf16BeBom = new("utf-16be (BOM)", null);

    public static FeedEncoding Windows1252 { get; } = new("windows-1252", CodePages().GetEncoding(1252)!);

    public static FeedEncoding Latin1 { get; } = new("iso-8859-1", Encoding.Latin1);

    public static FeedEncoding Utf16Le { get; } = new("utf-16le", new UnicodeEncoding(bigEndian: false, byteOrderMark: false));

    public static FeedEncoding Utf16Be { get; } = new("utf-16be", new UnicodeEncoding(bigEndian: true, byteOrderMark: false));

    /// <summary>For a feed declared Windows-1252 or ISO-8859-1 whose bytes are valid UTF-8 with letters outside ASCII: the first such line (its text is likely garbled).</summary>
    public long? SuspectLine { get; init; }

    /// <summary>Whether the bytes are UTF-16 (no byte-level scan applies to them).</summary>
    public bool IsUtf16 => Name.StartsWith("utf-16", StringComparison.Ordinal);

    public override string ToString() => Name;

    // Windows-1252 is not built into .NET; its provider ships with the shared framework (no package needed).
    private static EncodingProvider CodePages() => CodePagesEncodingProvider.Instance;
}
