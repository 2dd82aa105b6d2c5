namespace ProductFlow.Pipelines;

/// <summary>Where a pipeline's feed comes from and how to read it.</summary>
public sealed class SourceOptions
{
    /// <summary>The feed: a file relative to the pipeline file, an <c>http(s)://</c> URL (with <see cref="Http"/>) or an
    /// <c>sftp://user@host[:port]/path</c> (with <see cref="Sftp"/>), see <see cref="Connectors.Remote.RemoteLocation"/>; <c>--input</c> overrides it.</summary>
    public string? Path { get; init; }

    /// <summary>The feed format. Default <c>csv</c>.</summary>
    public string Format { get; set; } = "csv";

    /// <summary>The CSV delimiter; detected among <c>,</c> <c>;</c> tab <c>|</c> when absent.</summary>
    public string? Delimiter { get; init; }

    /// <summary>The delimiter the feed's rows are written back with (the quarantine's CSV, a replay file): <see cref="Delimiter"/>, else
    /// <c>;</c> for an Akeneo export and <c>,</c> for any other feed.</summary>
    public char DelimiterOrDefault() => Csv.Delimiters.Parse(Delimiter) ?? (Format == "akeneo-csv" ? ';' : ',');

    /// <summary>
    /// The text encoding: <c>auto</c> (default: UTF-8 when the bytes are valid UTF-8, else Windows-1252), <c>utf-8</c>
    /// (invalid bytes fail the feed), <c>utf-16le</c>, <c>utf-16be</c>, <c>windows-1252</c>, <c>iso-8859-1</c>. A byte order mark wins.
    /// </summary>
    public string Encoding { get; set; } = "auto";

    /// <summary>How the feed writes numbers: a culture such as <c>nb-NO</c> (<c>499,00</c>, <c>1 299,00</c>); default invariant (<c>499.00</c>). See <see cref="Primitives.NumberCulture"/>.</summary>
    public string? Culture { get; set; }

    /// <summary>The decimal separator of the feed's numbers (<c>,</c> or <c>.</c>), over the culture's.</summary>
    public string? DecimalSeparator { get; set; }

    /// <summary>The thousands separator of the feed's numbers (<c>.</c>, <c>,</c>, a space, or empty for none), over the culture's.</summary>
    public string? ThousandsSeparator { get; set; }

    /// <summary>For <c>xlsx</c>: the sheet to read; default the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>For <c>xlsx</c>: the 1-based row holding the column names. Default 1.</summary>
    public int HeaderRow { get; set; } = 1;

    /// <summary>For <c>xlsx</c>: limits against zip bombs and runaway sheets; defaults in <see cref="Connectors.Xlsx.WorkbookLimits"/>.</summary>
    public Connectors.Xlsx.WorkbookLimits? Limits { get; init; }

    /// <summary>For <c>http-json</c>: the URL of the first page (<c>--input</c> overrides it).</summary>
    public string? Url { get; init; }

    /// <summary>For <c>http-json</c> and a feed at an http(s) URL: credentials (by environment variable name), retries and timeouts; paging for <c>http-json</c>.</summary>
    public Connectors.Http.HttpSourceOptions? Http { get; init; }

    /// <summary>For a feed at an <c>sftp://</c> path: the pinned host key and the credentials (by environment variable name).</summary>
    public Connectors.Sftp.SftpSourceOptions? Sftp { get; init; }
}
