namespace ProductFlow.Connectors;

/// <summary>A feed to read: where it is, how it is encoded, and which columns the mapping needs.</summary>
public sealed record FeedSource(string Path)
{
    public string Path
    {
        get;
        init
        {
            field = value;
            Name = System.IO.Path.GetFileName(value);
        }
    } = Path;

    /// <summary>The feed's name in issues and lineage: its file name (worked out once: every row's lineage names it).</summary>
    public string Name { get; private init; } = System.IO.Path.GetFileName(Path);

    public string Format { get; init; } = "csv";

    /// <summary>The delimiter, or <c>null</c> to detect it among <c>,</c> <c>;</c> tab <c>|</c>.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The declared text encoding (<c>source.encoding</c>), or <c>null</c>/<c>auto</c> to detect it.</summary>
    public string? Encoding { get; init; }

    /// <summary>The largest CSV record, in bytes, a reader buffers before it fails the feed (a guard against an unclosed quote). Default 64 MiB.</summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>For a workbook: the sheet to read, or <c>null</c> for the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>For a workbook: the 1-based row that holds the column names. Default 1.</summary>
    public int HeaderRow { get; init; } = 1;

    /// <summary>For a workbook: size, row and column limits.</summary>
    public Xlsx.WorkbookLimits Limits { get; init; } = Xlsx.WorkbookLimits.Default;

    /// <summary>For <c>http-json</c>: paging, credentials (by environment variable), retries and timeouts.</summary>
    public Http.HttpSourceOptions? Http { get; init; }

    /// <summary>Called once when the reader knows the feed's header, before the first row (and even when no row follows).</summary>
    public Action<FeedHeader>? HeaderRead { get; init; }

    /// <summary>Columns the mapping reads: the reader fails the feed when one is missing or appears twice.</summary>
    public IReadOnlyCollection<string> RequiredColumns { get; init; } = [];

    /// <summary>Which of the feed's columns a pass reads, asked once the header is known: their indexes in <see cref="FeedHeader.Columns"/>, or <c>null</c> for every column. <c>null</c> (the default): every column.</summary>
    /// <remarks>
    /// A reader may leave the fields of the other columns empty (the CSV reader does, and does not decode them): a pass that needs a
    /// few columns of each row, such as a feed's survey, reads no more. Everything else is read as for every column: the header's
    /// checks, the rows' problems and where the feed fails.
    /// </remarks>
    public Func<FeedHeader, IReadOnlyCollection<int>?>? ColumnsRead { get; init; }

    /// <summary>Told how many bytes of the file have been read (CSV, JSON, JSON Lines), for progress; <c>null</c> for none.</summary>
    public FeedProgress? Progress { get; init; }
}
