namespace ProductFlow.Catalog;

/// <summary>A publication channel: its kind (output format), locale, currency, rules and output settings.</summary>
public sealed class ChannelDefinition
{
    public required string Code { get; init; }

    /// <summary>The writer that produces the channel's output, such as <c>partner-csv</c>.</summary>
    public required string Kind { get; init; }

    public required string Locale { get; init; }

    public string? Currency { get; init; }

    /// <summary>A JSON Schema (relative to the catalog file) that every record's channel view must satisfy.</summary>
    public string? Schema { get; init; }

    /// <summary>The name of the data file under <c>exports/&lt;channel&gt;/</c>. Default <c>&lt;code&gt;.csv</c>.</summary>
    public string? File { get; init; }

    /// <summary>The CSV delimiter. Default <c>,</c>.</summary>
    public string Delimiter { get; set; } = ",";

    public IReadOnlyList<ChannelColumn> Columns { get; set; } = [];
}
